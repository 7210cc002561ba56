package staff

import (
	"context"
	"fmt"
	"time"
)

// Config sets the policy of local accounts. Zero fields take the defaults.
type Config struct {
	MaxFailed int           // failed logins before the account locks (default 5)
	Lockout   time.Duration // how long a lock lasts (default 15 minutes)
	Issuer    string        // institution name shown by authenticator apps
	Params    Params        // argon2id cost of new hashes (default DefaultParams)
}

// maxConcurrentHashes bounds the argon2 computations running at once, so that
// a burst of logins cannot hold more than this many times Params.Memory.
const maxConcurrentHashes = 4

// Accounts manages the local accounts of staff: creation, passwords, TOTP
// enrolment and login.
type Accounts struct {
	store Store
	now   func() time.Time
	cfg   Config
	slots chan struct{} // semaphore of running hashes
}

// NewAccounts returns the account service on st with clock now.
func NewAccounts(st Store, now func() time.Time, cfg Config) *Accounts {
	if cfg.MaxFailed <= 0 {
		cfg.MaxFailed = 5
	}
	if cfg.Lockout <= 0 {
		cfg.Lockout = 15 * time.Minute
	}
	if cfg.Issuer == "" {
		cfg.Issuer = "Cassetto"
	}
	if cfg.Params == (Params{}) {
		cfg.Params = DefaultParams()
	}
	return &Accounts{store: st, now: now, cfg: cfg, slots: make(chan struct{}, maxConcurrentHashes)}
}

// withHashSlot runs fn when a hashing slot is free, or gives up with ctx.
func (a *Accounts) withHashSlot(ctx context.Context, fn func()) error {
	select {
	case a.slots <- struct{}{}:
	case <-ctx.Done():
		return fmt.Errorf("staff: waiting to hash a password: %w", ctx.Err())
	}
	defer func() { <-a.slots }()
	fn()
	return nil
}

// hash hashes password with the configured cost.
func (a *Accounts) hash(ctx context.Context, password string) (string, error) {
	var h string
	var err error
	if slotErr := a.withHashSlot(ctx, func() { h, err = HashPassword(password, a.cfg.Params) }); slotErr != nil {
		return "", slotErr
	}
	return h, err
}

// Create validates m and password, and stores a new active member with the
// password hashed. m.ID and m.CreatedAt are set on the returned member. The
// member has no second factor yet: the first login asks to enrol one.
func (a *Accounts) Create(ctx context.Context, m Member, password string) (Member, error) {
	m.Normalize()
	if err := m.Validate(); err != nil {
		return m, err
	}
	if err := CheckPassword(password, m.Username); err != nil {
		return m, err
	}
	h, err := a.hash(ctx, password)
	if err != nil {
		return m, err
	}
	m.Active, m.HasPassword, m.HasTOTP, m.LockedUntil = true, true, false, time.Time{}
	m.CreatedAt = a.now().UTC()
	if err := a.store.Create(ctx, &m, h); err != nil {
		return m, fmt.Errorf("staff: create %s: %w", m.Username, err)
	}
	return m, nil
}

// SetPassword checks password against the policy and makes it the password
// of member id; it also clears failures and any lock (an administrator's
// reset, or the member's own change once authenticated).
func (a *Accounts) SetPassword(ctx context.Context, id int64, password string) error {
	m, err := a.store.ByID(ctx, id)
	if err != nil {
		return fmt.Errorf("staff: set password: %w", err)
	}
	if err := CheckPassword(password, m.Username); err != nil {
		return err
	}
	h, err := a.hash(ctx, password)
	if err != nil {
		return err
	}
	if err := a.store.SetPassword(ctx, id, h); err != nil {
		return fmt.Errorf("staff: set password of %s: %w", m.Username, err)
	}
	if err := a.store.ResetFailures(ctx, id); err != nil {
		return fmt.Errorf("staff: unlock %s: %w", m.Username, err)
	}
	return nil
}

// ResetTOTP removes the second factor of member id (lost device): the next
// login with the password asks to enrol a new one.
func (a *Accounts) ResetTOTP(ctx context.Context, id int64) error {
	if err := a.store.SetTOTP(ctx, id, "", 0); err != nil {
		return fmt.Errorf("staff: reset TOTP: %w", err)
	}
	return nil
}
