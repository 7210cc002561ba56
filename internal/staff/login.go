package staff

import (
	"context"
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/errs"
)

// Message ids of failed logins.
const (
	MsgLoginInvalid = "staff.login.invalid" // any wrong input: one answer, no hint which
	MsgLoginLocked  = "staff.login.locked"
)

// LoginResult is a successful login.
type LoginResult struct {
	Member Member
	// MustEnrolTOTP is set when the member has no second factor yet (a new
	// account, or one an administrator reset) and logged in with the
	// password alone: the caller must grant a session good only for
	// BeginEnrolment and ConfirmEnrolment until the enrolment is done.
	MustEnrolTOTP bool
}

// LockedError is the error of a login on a locked account. It unwraps to an
// errs.Unauthenticated error with message MsgLoginLocked.
type LockedError struct {
	Until time.Time // when the lock ends
}

// Error describes the lock for logs; users see MsgLoginLocked.
func (e *LockedError) Error() string {
	return "staff: account locked until " + e.Until.UTC().Format(time.RFC3339)
}

// Unwrap gives the coded error the web layer maps to a response.
func (e *LockedError) Unwrap() error { return errs.E(errs.Unauthenticated, MsgLoginLocked) }

func invalidLogin() error { return errs.E(errs.Unauthenticated, MsgLoginInvalid) }

// Login checks username, password and TOTP code. An unknown user, an inactive
// account, a wrong password and a wrong or already used code all give the
// same errs.Unauthenticated error (MsgLoginInvalid), in about the same time;
// a locked account gives a *LockedError. Each wrong password or code counts
// as a failure, and MaxFailed failures lock the account for Lockout; a
// success clears the count. A member without a second factor logs in with
// the password alone and gets MustEnrolTOTP.
func (a *Accounts) Login(ctx context.Context, username, password, code string) (LoginResult, error) {
	now := a.now()
	m, err := a.store.ByUsername(ctx, NormalizeUsername(username))
	if errs.Is(err, errs.NotFound) {
		if err := a.withHashSlot(ctx, func() { burnHash(password, a.cfg.Params) }); err != nil {
			return LoginResult{}, err
		}
		return LoginResult{}, invalidLogin()
	}
	if err != nil {
		return LoginResult{}, fmt.Errorf("staff: login: %w", err)
	}
	if m.Locked(now) {
		return LoginResult{}, &LockedError{Until: m.LockedUntil}
	}
	cred, err := a.store.Credentials(ctx, m.ID)
	if err != nil {
		return LoginResult{}, fmt.Errorf("staff: login: %w", err)
	}
	ok, err := a.checkPassword(ctx, password, cred.PasswordHash)
	if err != nil {
		return LoginResult{}, err
	}
	if !m.Active {
		return LoginResult{}, invalidLogin()
	}
	if ok && cred.TOTPSecret != "" {
		ok, err = a.verifyCode(ctx, m.ID, cred.TOTPSecret, code, now)
		if err != nil {
			return LoginResult{}, err
		}
	}
	if !ok {
		return LoginResult{}, a.fail(ctx, m.ID, now)
	}
	return a.succeed(ctx, m, password, cred)
}

// checkPassword verifies password against hash; an empty hash (no password
// set) fails after the same work as a real check.
func (a *Accounts) checkPassword(ctx context.Context, password, hash string) (bool, error) {
	var ok bool
	var err error
	work := func() { ok, err = VerifyPassword(password, hash) }
	if hash == "" {
		work = func() { burnHash(password, a.cfg.Params) }
	}
	if slotErr := a.withHashSlot(ctx, work); slotErr != nil {
		return false, slotErr
	}
	if err != nil {
		return false, fmt.Errorf("staff: login: stored password hash: %w", err)
	}
	return ok, nil
}

// fail records a failed login and returns the error to give.
func (a *Accounts) fail(ctx context.Context, id int64, now time.Time) error {
	until, err := a.store.RecordFailure(ctx, id, now, a.cfg.MaxFailed, a.cfg.Lockout)
	if err != nil {
		return fmt.Errorf("staff: record failed login: %w", err)
	}
	if !until.IsZero() {
		return &LockedError{Until: until}
	}
	return invalidLogin()
}

// succeed clears failures, upgrades an old password hash, and builds the result.
func (a *Accounts) succeed(ctx context.Context, m Member, password string, cred Credentials) (LoginResult, error) {
	if cred.FailedLogins > 0 || !m.LockedUntil.IsZero() {
		if err := a.store.ResetFailures(ctx, m.ID); err != nil {
			return LoginResult{}, fmt.Errorf("staff: login: %w", err)
		}
		m.LockedUntil = time.Time{}
	}
	if NeedsRehash(cred.PasswordHash, a.cfg.Params) {
		h, err := a.hash(ctx, password)
		if err != nil {
			return LoginResult{}, err
		}
		if err := a.store.SetPassword(ctx, m.ID, h); err != nil {
			return LoginResult{}, fmt.Errorf("staff: login: upgrade password hash: %w", err)
		}
	}
	return LoginResult{Member: m, MustEnrolTOTP: cred.TOTPSecret == ""}, nil
}
