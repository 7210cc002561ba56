package staff_test

import (
	"context"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/staff"
)

func TestLoginWithoutTOTPMustEnrol(t *testing.T) {
	f := newFixture(t)
	res, err := f.login("mrossi", password, "")
	if err != nil {
		t.Fatal(err)
	}
	if !res.MustEnrolTOTP || res.Member.ID != f.member.ID || res.Member.Username != "mrossi" {
		t.Fatalf("result %+v: want mrossi with MustEnrolTOTP", res)
	}
}

func TestLoginUnknownUserAndWrongPasswordLookAlike(t *testing.T) {
	f := newFixture(t)
	_, unknown := f.login("nobody", password, "")
	_, wrong := f.login("mrossi", "Wrong-Horse-99", "")
	wantInvalid(t, unknown, "unknown user")
	wantInvalid(t, wrong, "wrong password")
	if unknown.Error() != wrong.Error() {
		t.Fatalf("the errors differ: %q and %q", unknown, wrong)
	}
}

func TestLoginInactiveRefused(t *testing.T) {
	f := newFixture(t)
	if err := f.store.SetActive(context.Background(), f.member.ID, false); err != nil {
		t.Fatal(err)
	}
	_, err := f.login("mrossi", password, "")
	wantInvalid(t, err, "inactive account with the right password")
}

func TestLoginLocksAfterMaxFailuresAndUnlocksAfterLockout(t *testing.T) {
	f := newFixture(t)
	for i := 1; i <= 2; i++ {
		_, err := f.login("mrossi", "Wrong-Horse-99", "")
		wantInvalid(t, err, "failure before the limit")
	}
	until := f.clock.now().Add(15 * time.Minute)
	_, err := f.login("mrossi", "Wrong-Horse-99", "")
	wantLocked(t, err, until, "third failure")
	f.clock.add(15*time.Minute - time.Second)
	_, err = f.login("mrossi", password, "")
	wantLocked(t, err, until, "right password while locked")
	f.clock.add(time.Second)
	res, err := f.login("mrossi", password, "")
	if err != nil || !res.Member.LockedUntil.IsZero() {
		t.Fatalf("after the lockout: %+v %v", res, err)
	}
}

func TestLoginSuccessResetsTheFailureCount(t *testing.T) {
	f := newFixture(t)
	for range 2 {
		_, _ = f.login("mrossi", "Wrong-Horse-99", "")
	}
	if _, err := f.login("mrossi", password, ""); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		_, err := f.login("mrossi", "Wrong-Horse-99", "")
		wantInvalid(t, err, "failure after a success")
	}
}

func TestLoginUpgradesAnOldHash(t *testing.T) {
	f := newFixture(t)
	stronger := cheap()
	stronger.Time = 2
	acc := staff.NewAccounts(f.store, f.clock.now, staff.Config{Params: stronger})
	if _, err := acc.Login(context.Background(), "mrossi", password, ""); err != nil {
		t.Fatal(err)
	}
	cred, err := f.store.Credentials(context.Background(), f.member.ID)
	if err != nil || staff.NeedsRehash(cred.PasswordHash, stronger) {
		t.Fatalf("hash %q not upgraded (%v)", cred.PasswordHash, err)
	}
	if _, err := acc.Login(context.Background(), "mrossi", password, ""); err != nil {
		t.Fatalf("login with the upgraded hash: %v", err)
	}
}

func TestCreateValidates(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	cases := []struct {
		m            staff.Member
		pw           string
		field, msgID string
	}{
		{staff.Member{Username: "op", DisplayName: "X", Role: staff.RoleOperator, OfficeCode: "1300"}, password, "username", "staff.username.invalid"},
		{staff.Member{Username: "opnooffice", DisplayName: "X", Role: staff.RoleOperator}, password, "office_code", "staff.office.required"},
		{staff.Member{Username: "boss", DisplayName: "X", Role: "root"}, password, "role", "staff.role.invalid"},
		{staff.Member{Username: "boss", Role: staff.RoleAdmin}, password, "display_name", "staff.name.required"},
		{staff.Member{Username: "boss", DisplayName: "X", Role: staff.RoleAdmin, CodiceFiscale: "BAD"}, password, "codice_fiscale", "staff.cf.invalid"},
		{staff.Member{Username: "boss", DisplayName: "X", Role: staff.RoleAdmin}, "short", "password", "staff.password.too_short"},
		{staff.Member{Username: "ghost", DisplayName: "X", Role: staff.RoleOperator, OfficeCode: "9999"}, password, "office_code", "staff.office.unknown"},
	}
	for _, c := range cases {
		_, err := f.accounts.Create(ctx, c.m, c.pw)
		fields := errs.Fields(err)
		if !errs.Is(err, errs.Invalid) || len(fields) != 1 || fields[0].Field != c.field || fields[0].Message != c.msgID {
			t.Errorf("%+v: got %v, want %s on %s", c.m, err, c.msgID, c.field)
		}
	}
	_, err := f.accounts.Create(ctx, staff.Member{Username: "mrossi", DisplayName: "X", Role: staff.RoleAdmin}, password)
	if !errs.Is(err, errs.Conflict) {
		t.Fatalf("duplicate username: got %v, want conflict", err)
	}
}

func TestSetPasswordChecksPolicyAndUnlocks(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for range 3 {
		_, _ = f.login("mrossi", "Wrong-Horse-99", "")
	}
	if err := f.accounts.SetPassword(ctx, f.member.ID, "tooshort"); !errs.Is(err, errs.Invalid) {
		t.Fatalf("short password: got %v, want invalid", err)
	}
	if err := f.accounts.SetPassword(ctx, f.member.ID, "New-Password-2026"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.login("mrossi", "New-Password-2026", ""); err != nil {
		t.Fatalf("login with the new password right after an administrator's reset: %v", err)
	}
	_, err := f.login("mrossi", password, "")
	wantInvalid(t, err, "old password")
}
