package store_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/staff"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

// newStaffStore returns a staff store with office 1300 and operator "mrossi".
func newStaffStore(t *testing.T) (*store.Staff, staff.Member) {
	t.Helper()
	db := storetest.New(t)
	ctx := context.Background()
	if err := store.NewRegistry(db, fixedClock).CreateOffice(ctx, registry.Office{Code: "1300", Name: "Milano Nord"}); err != nil {
		t.Fatal(err)
	}
	s := store.NewStaff(db)
	m := staff.Member{Username: "mrossi", CodiceFiscale: "RSSMRA80A01F205X", DisplayName: "Mario Rossi",
		Role: staff.RoleOperator, OfficeCode: "1300", Active: true, CreatedAt: fixedClock()}
	if err := s.Create(ctx, &m, "$argon2id$fake"); err != nil {
		t.Fatal(err)
	}
	return s, m
}

func TestStaffCreateAndLookups(t *testing.T) {
	ctx := context.Background()
	s, m := newStaffStore(t)
	if m.ID == 0 {
		t.Fatal("Create did not set the id")
	}
	for name, get := range map[string]func() (staff.Member, error){
		"id":   func() (staff.Member, error) { return s.ByID(ctx, m.ID) },
		"user": func() (staff.Member, error) { return s.ByUsername(ctx, "mrossi") },
		"cf":   func() (staff.Member, error) { return s.ByCodiceFiscale(ctx, "RSSMRA80A01F205X") },
	} {
		got, err := get()
		if err != nil {
			t.Fatalf("by %s: %v", name, err)
		}
		if got.Username != "mrossi" || got.DisplayName != "Mario Rossi" || got.Role != staff.RoleOperator ||
			got.OfficeCode != "1300" || !got.Active || !got.HasPassword || got.HasTOTP ||
			!got.LockedUntil.IsZero() || !got.CreatedAt.Equal(fixedClock()) {
			t.Fatalf("by %s: %+v", name, got)
		}
	}
	if _, err := s.ByUsername(ctx, "nobody"); !errs.Is(err, errs.NotFound) {
		t.Fatalf("missing username: got %v, want not found", err)
	}
	if _, err := s.ByID(ctx, m.ID+100); !errs.Is(err, errs.NotFound) {
		t.Fatalf("missing id: got %v, want not found", err)
	}
}

func TestStaffCreateConstraints(t *testing.T) {
	ctx := context.Background()
	s, _ := newStaffStore(t)
	admin := staff.Member{Username: "admin", DisplayName: "Anna Bianchi", Role: staff.RoleAdmin, Active: true, CreatedAt: fixedClock()}
	if err := s.Create(ctx, &admin, ""); err != nil {
		t.Fatalf("admin without office or codice fiscale: %v", err)
	}
	cases := []struct {
		name, msg string
		m         staff.Member
	}{
		{"username", "staff.username.taken", staff.Member{Username: "mrossi", DisplayName: "X", Role: staff.RoleAdmin}},
		{"cf", "staff.cf.taken", staff.Member{Username: "other", CodiceFiscale: "RSSMRA80A01F205X", DisplayName: "X", Role: staff.RoleAdmin}},
	}
	for _, c := range cases {
		c.m.CreatedAt = fixedClock()
		err := s.Create(ctx, &c.m, "")
		var e *errs.Error
		if !errs.Is(err, errs.Conflict) || !errors.As(err, &e) || e.Message != c.msg {
			t.Fatalf("duplicate %s: got %v, want conflict %s", c.name, err, c.msg)
		}
	}
	bad := staff.Member{Username: "nooffice", DisplayName: "X", Role: staff.RoleOperator, OfficeCode: "9999", CreatedAt: fixedClock()}
	err := s.Create(ctx, &bad, "")
	if f := errs.Fields(err); !errs.Is(err, errs.Invalid) || len(f) != 1 || f[0].Message != "staff.office.unknown" {
		t.Fatalf("unknown office: got %v, want invalid office_code", err)
	}
}

func TestStaffList(t *testing.T) {
	ctx := context.Background()
	s, _ := newStaffStore(t)
	admin := staff.Member{Username: "aadmin", DisplayName: "Anna", Role: staff.RoleAdmin, Active: true, CreatedAt: fixedClock()}
	if err := s.Create(ctx, &admin, ""); err != nil {
		t.Fatal(err)
	}
	all, err := s.List(ctx, "")
	if err != nil || len(all) != 2 || all[0].Username != "aadmin" || all[1].Username != "mrossi" || all[0].HasPassword {
		t.Fatalf("list all: %+v %v", all, err)
	}
	office, err := s.List(ctx, "1300")
	if err != nil || len(office) != 1 || office[0].Username != "mrossi" {
		t.Fatalf("list office: %+v %v", office, err)
	}
}

func TestStaffAcceptTOTPStepRefusesReplay(t *testing.T) {
	ctx := context.Background()
	s, m := newStaffStore(t)
	if err := s.SetTOTP(ctx, m.ID, "SECRET", 100); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		step int64
		want bool
	}{{100, false}, {99, false}, {101, true}, {101, false}, {103, true}, {102, false}} {
		got, err := s.AcceptTOTPStep(ctx, m.ID, c.step)
		if err != nil || got != c.want {
			t.Fatalf("step %d: got %v %v, want %v", c.step, got, err, c.want)
		}
	}
	cred, err := s.Credentials(ctx, m.ID)
	if err != nil || cred.TOTPSecret != "SECRET" || cred.TOTPLastStep != 103 {
		t.Fatalf("credentials %+v %v", cred, err)
	}
	got, _ := s.ByID(ctx, m.ID)
	if !got.HasTOTP {
		t.Fatal("HasTOTP false after SetTOTP")
	}
}

func TestStaffAcceptTOTPStepIsAtomic(t *testing.T) {
	ctx := context.Background()
	s, m := newStaffStore(t)
	var accepted atomic.Int32
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			ok, err := s.AcceptTOTPStep(ctx, m.ID, 500)
			if err != nil {
				t.Error(err)
			}
			if ok {
				accepted.Add(1)
			}
		})
	}
	wg.Wait()
	if n := accepted.Load(); n != 1 {
		t.Fatalf("the same step was accepted %d times, want once", n)
	}
}

func TestStaffRecordFailureLocksAtMax(t *testing.T) {
	ctx := context.Background()
	s, m := newStaffStore(t)
	now := fixedClock()
	for i := 1; i <= 2; i++ {
		until, err := s.RecordFailure(ctx, m.ID, now, 3, 15*time.Minute)
		if err != nil || !until.IsZero() {
			t.Fatalf("failure %d: locked until %v, %v", i, until, err)
		}
	}
	if cred, _ := s.Credentials(ctx, m.ID); cred.FailedLogins != 2 {
		t.Fatalf("failed logins %d, want 2", cred.FailedLogins)
	}
	until, err := s.RecordFailure(ctx, m.ID, now, 3, 15*time.Minute)
	if err != nil || !until.Equal(now.Add(15*time.Minute)) {
		t.Fatalf("third failure: locked until %v, %v", until, err)
	}
	got, _ := s.ByID(ctx, m.ID)
	if !got.LockedUntil.Equal(until) || !got.Locked(now) || got.Locked(until) {
		t.Fatalf("member lock %v", got.LockedUntil)
	}
	if cred, _ := s.Credentials(ctx, m.ID); cred.FailedLogins != 0 {
		t.Fatalf("count after lock %d, want 0", cred.FailedLogins)
	}
	if err := s.ResetFailures(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.ByID(ctx, m.ID); !got.LockedUntil.IsZero() {
		t.Fatalf("lock after reset %v", got.LockedUntil)
	}
	if _, err := s.RecordFailure(ctx, m.ID+100, now, 3, time.Minute); !errs.Is(err, errs.NotFound) {
		t.Fatalf("failure of a missing member: %v", err)
	}
}

func TestStaffSetters(t *testing.T) {
	ctx := context.Background()
	s, m := newStaffStore(t)
	if err := s.SetActive(ctx, m.ID, false); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPassword(ctx, m.ID, "$argon2id$other"); err != nil {
		t.Fatal(err)
	}
	got, _ := s.ByID(ctx, m.ID)
	cred, _ := s.Credentials(ctx, m.ID)
	if got.Active || cred.PasswordHash != "$argon2id$other" {
		t.Fatalf("after setters: %+v %+v", got, cred)
	}
	if err := s.SetTOTP(ctx, m.ID, "", 0); err != nil {
		t.Fatal(err)
	}
	for name, err := range map[string]error{
		"password": s.SetPassword(ctx, m.ID+100, "x"),
		"totp":     s.SetTOTP(ctx, m.ID+100, "x", 1),
		"active":   s.SetActive(ctx, m.ID+100, true),
		"reset":    s.ResetFailures(ctx, m.ID+100),
	} {
		if !errs.Is(err, errs.NotFound) {
			t.Fatalf("%s of a missing member: got %v, want not found", name, err)
		}
	}
}
