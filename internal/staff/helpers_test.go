package staff_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/staff"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

// cheap are argon2 parameters that keep the tests fast; the cost does not
// change the behaviour under test.
func cheap() staff.Params {
	return staff.Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}
}

const password = "Correct-Horse-9"

// clock is a settable fake clock.
type clock struct{ t time.Time }

func (c *clock) now() time.Time      { return c.t }
func (c *clock) add(d time.Duration) { c.t = c.t.Add(d) }
func newClock() *clock               { return &clock{time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)} }
func code(t *testing.T, secret string, at time.Time) string {
	t.Helper()
	c, err := totp.GenerateCodeCustom(secret, at, totp.ValidateOpts{Period: 30, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// fixture is an account service on a fresh database with office 1300 and
// operator "mrossi" (password, no second factor yet).
type fixture struct {
	store    *store.Staff
	clock    *clock
	accounts *staff.Accounts
	member   staff.Member
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	db := storetest.New(t)
	ctx := context.Background()
	if err := store.NewRegistry(db, time.Now).CreateOffice(ctx, registry.Office{Code: "1300", Name: "Milano Nord"}); err != nil {
		t.Fatal(err)
	}
	f := &fixture{store: store.NewStaff(db), clock: newClock()}
	f.accounts = staff.NewAccounts(f.store, f.clock.now,
		staff.Config{MaxFailed: 3, Lockout: 15 * time.Minute, Issuer: "Istituto Test", Params: cheap()})
	m, err := f.accounts.Create(ctx, staff.Member{Username: " MRossi ", DisplayName: "Mario Rossi",
		Role: staff.RoleOperator, OfficeCode: "1300"}, password)
	if err != nil {
		t.Fatal(err)
	}
	f.member = m
	return f
}

// enrol enrols a second factor for the fixture's member at the current time
// and returns the secret.
func (f *fixture) enrol(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	e, err := f.accounts.BeginEnrolment(ctx, f.member.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.accounts.ConfirmEnrolment(ctx, f.member.ID, e.Secret, code(t, e.Secret, f.clock.now())); err != nil {
		t.Fatal(err)
	}
	return e.Secret
}

func (f *fixture) login(user, pw, code string) (staff.LoginResult, error) {
	return f.accounts.Login(context.Background(), user, pw, code)
}

// wantInvalid fails unless err is the generic login refusal.
func wantInvalid(t *testing.T, err error, what string) {
	t.Helper()
	var e *errs.Error
	if !errors.As(err, &e) || e.Code != errs.Unauthenticated || e.Message != staff.MsgLoginInvalid {
		t.Fatalf("%s: got %v, want %s", what, err, staff.MsgLoginInvalid)
	}
	var locked *staff.LockedError
	if errors.As(err, &locked) {
		t.Fatalf("%s: got a lock, want the generic refusal", what)
	}
}

// wantLocked fails unless err is a lock ending at until.
func wantLocked(t *testing.T, err error, until time.Time, what string) {
	t.Helper()
	var locked *staff.LockedError
	var e *errs.Error
	if !errors.As(err, &locked) || !locked.Until.Equal(until) || !errors.As(err, &e) ||
		e.Code != errs.Unauthenticated || e.Message != staff.MsgLoginLocked {
		t.Fatalf("%s: got %v, want locked until %v", what, err, until)
	}
}
