package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/errs"
)

// staffUpdate runs a single-row update of staff and reports a missing row as
// errs.NotFound.
func (s *Staff) staffUpdate(ctx context.Context, what string, query string, args ...any) error {
	res, err := s.db.W().Exec(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("store: %s: %w", what, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("store: %s: %w", what, err)
	}
	if n == 0 {
		return errs.Wrap(errs.NotFound, "error.not_found", fmt.Errorf("store: %s: staff member not found", what))
	}
	return nil
}

// SetPassword replaces the password hash of member id.
func (s *Staff) SetPassword(ctx context.Context, id int64, passwordHash string) error {
	return s.staffUpdate(ctx, "set staff password", `UPDATE staff SET password_hash = ? WHERE id = ?`, passwordHash, id)
}

// SetTOTP replaces the TOTP secret and last accepted step of member id.
func (s *Staff) SetTOTP(ctx context.Context, id int64, secret string, step int64) error {
	return s.staffUpdate(ctx, "set staff TOTP", `UPDATE staff SET totp_secret = ?, totp_last_step = ? WHERE id = ?`,
		secret, step, id)
}

// AcceptTOTPStep records step if it is later than the last accepted one, in
// one conditional update, and reports whether it did.
func (s *Staff) AcceptTOTPStep(ctx context.Context, id int64, step int64) (bool, error) {
	res, err := s.db.W().Exec(ctx, `UPDATE staff SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?`,
		step, id, step)
	if err != nil {
		return false, fmt.Errorf("store: accept TOTP step: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("store: accept TOTP step: %w", err)
	}
	return n == 1, nil
}

// RecordFailure counts a failed login; at max failures it locks the account
// until now+lockout and restarts the count, returning the end of the lock.
func (s *Staff) RecordFailure(ctx context.Context, id int64, now time.Time, max int, lockout time.Duration) (time.Time, error) {
	until := now.Add(lockout).UTC()
	var count int
	var locked sql.NullTime
	err := s.db.W().QueryRow(ctx, `UPDATE staff SET
		failed_logins = CASE WHEN failed_logins + 1 >= ? THEN 0 ELSE failed_logins + 1 END,
		locked_until = CASE WHEN failed_logins + 1 >= ? THEN ? ELSE locked_until END
		WHERE id = ? RETURNING failed_logins, locked_until`, max, max, until, id).Scan(&count, &locked)
	if err != nil {
		return time.Time{}, notFound("staff member", err)
	}
	if count == 0 && locked.Valid { // the count restarts only when this failure locked the account
		return locked.Time, nil
	}
	return time.Time{}, nil
}

// ResetFailures clears the failure count and any lock of member id.
func (s *Staff) ResetFailures(ctx context.Context, id int64) error {
	return s.staffUpdate(ctx, "reset staff failures",
		`UPDATE staff SET failed_logins = 0, locked_until = NULL WHERE id = ?`, id)
}

// SetActive enables or disables member id.
func (s *Staff) SetActive(ctx context.Context, id int64, active bool) error {
	return s.staffUpdate(ctx, "set staff active", `UPDATE staff SET active = ? WHERE id = ?`, active, id)
}
