package staff

import (
	"context"
	"regexp"
	"strings"
	"time"

	"github.com/cassetto-dev/cassetto/internal/codicefiscale"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

// Role is what a staff member may do.
type Role string

// The roles.
const (
	RoleOperator Role = "operator" // works the positions of his office
	RoleAdmin    Role = "admin"    // configures offices, staff, rates and news
)

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return r == RoleOperator || r == RoleAdmin }

// Member is a member of the office staff, without secrets.
type Member struct {
	ID            int64
	Username      string
	CodiceFiscale string // optional: links a digital-identity login to the account
	DisplayName   string
	Role          Role
	OfficeCode    string // required for operators
	Active        bool
	HasPassword   bool
	HasTOTP       bool
	LockedUntil   time.Time // zero when never locked; may lie in the past
	CreatedAt     time.Time
}

// Locked reports whether the account is locked at now.
func (m Member) Locked(now time.Time) bool { return now.Before(m.LockedUntil) }

// Credentials are the secrets of a member, read only to check a login.
type Credentials struct {
	PasswordHash string // PHC string, "" when no password is set
	TOTPSecret   string // base32, "" when no second factor is enrolled
	TOTPLastStep int64  // the last accepted TOTP time step
	FailedLogins int    // consecutive failures since the last success or lock
}

var (
	usernameRe = regexp.MustCompile(`^[a-z][a-z0-9._-]{2,63}$`)
	officeRe   = regexp.MustCompile(`^[0-9A-Z]{4}$`)
)

// Normalize trims the fields of m and puts them in canonical form.
func (m *Member) Normalize() {
	m.Username = NormalizeUsername(m.Username)
	m.DisplayName = strings.TrimSpace(m.DisplayName)
	m.OfficeCode = strings.ToUpper(strings.TrimSpace(m.OfficeCode))
	m.CodiceFiscale = strings.ToUpper(strings.TrimSpace(m.CodiceFiscale))
}

// NormalizeUsername returns the canonical (trimmed, lower-case) username.
func NormalizeUsername(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// Validate checks a normalized member before it is created. Problems carry
// message ids of the user interface catalogue.
func (m Member) Validate() error {
	var v errs.Validation
	if !usernameRe.MatchString(m.Username) {
		v.Add("username", "staff.username.invalid")
	}
	switch {
	case m.DisplayName == "":
		v.Add("display_name", "staff.name.required")
	case len(m.DisplayName) > 200:
		v.Add("display_name", "staff.name.too_long")
	}
	if !m.Role.Valid() {
		v.Add("role", "staff.role.invalid")
	}
	switch {
	case m.OfficeCode == "" && m.Role == RoleOperator:
		v.Add("office_code", "staff.office.required")
	case m.OfficeCode != "" && !officeRe.MatchString(m.OfficeCode):
		v.Add("office_code", "staff.office.invalid")
	}
	if m.CodiceFiscale != "" && codicefiscale.Validate(m.CodiceFiscale) != nil {
		v.Add("codice_fiscale", "staff.cf.invalid")
	}
	return v.Err()
}

// Store is the storage of staff accounts. Lookups of a missing member return
// errs.NotFound; writes on a missing member return errs.NotFound too.
type Store interface {
	// Create inserts m with the given password hash and sets m.ID. A username
	// or codice fiscale already in use gives errs.Conflict (message
	// "staff.username.taken" or "staff.cf.taken"); an office that does not
	// exist gives errs.Invalid on field office_code ("staff.office.unknown").
	Create(ctx context.Context, m *Member, passwordHash string) error
	// ByID returns the member with id.
	ByID(ctx context.Context, id int64) (Member, error)
	// ByUsername returns the member with the (normalized) username.
	ByUsername(ctx context.Context, username string) (Member, error)
	// ByCodiceFiscale returns the member with codice fiscale cf.
	ByCodiceFiscale(ctx context.Context, cf string) (Member, error)
	// List returns the members of an office, or all when officeCode is "",
	// ordered by username.
	List(ctx context.Context, officeCode string) ([]Member, error)
	// Credentials returns the secrets of member id.
	Credentials(ctx context.Context, id int64) (Credentials, error)
	// SetPassword replaces the password hash of member id.
	SetPassword(ctx context.Context, id int64, passwordHash string) error
	// SetTOTP replaces the TOTP secret and the last accepted step of member
	// id; secret "" removes the second factor.
	SetTOTP(ctx context.Context, id int64, secret string, step int64) error
	// AcceptTOTPStep records step as the last accepted TOTP step of member id
	// if, and only if, it is greater than the one recorded, in one atomic
	// conditional update; it reports whether the step was accepted.
	AcceptTOTPStep(ctx context.Context, id int64, step int64) (bool, error)
	// RecordFailure counts one failed login of member id. When the count
	// reaches max, the account is locked until now+lockout, the count starts
	// again from zero and the end of the lock is returned; otherwise it
	// returns the zero time.
	RecordFailure(ctx context.Context, id int64, now time.Time, max int, lockout time.Duration) (time.Time, error)
	// ResetFailures clears the failure count and any lock of member id.
	ResetFailures(ctx context.Context, id int64) error
	// SetActive enables or disables member id.
	SetActive(ctx context.Context, id int64, active bool) error
}
