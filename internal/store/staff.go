package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/staff"
)

// Staff implements staff.Store.
type Staff struct{ db *DB }

// NewStaff returns the storage of staff accounts on db.
func NewStaff(db *DB) *Staff { return &Staff{db: db} }

var _ staff.Store = (*Staff)(nil)

// staffSelect reads a member without its secrets: only whether they are set.
const staffSelect = `SELECT id, username, COALESCE(codice_fiscale, ''), display_name, role,
	COALESCE(office_code, ''), active, password_hash <> '', totp_secret <> '', locked_until, created_at
	FROM staff `

func scanStaff(sc interface{ Scan(...any) error }) (staff.Member, error) {
	var m staff.Member
	var role string
	var locked sql.NullTime
	err := sc.Scan(&m.ID, &m.Username, &m.CodiceFiscale, &m.DisplayName, &role, &m.OfficeCode,
		&m.Active, &m.HasPassword, &m.HasTOTP, &locked, &m.CreatedAt)
	m.Role = staff.Role(role)
	if locked.Valid {
		m.LockedUntil = locked.Time
	}
	return m, err
}

// staffNullable stores "" as NULL, for the optional unique and foreign keys.
func staffNullable(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }

// Create inserts m with its password hash and sets m.ID.
func (s *Staff) Create(ctx context.Context, m *staff.Member, passwordHash string) error {
	err := s.db.W().QueryRow(ctx, `INSERT INTO staff
		(username, codice_fiscale, display_name, role, office_code, password_hash, active, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		m.Username, staffNullable(m.CodiceFiscale), m.DisplayName, string(m.Role), staffNullable(m.OfficeCode),
		passwordHash, m.Active, m.CreatedAt.UTC()).Scan(&m.ID)
	if err != nil {
		return staffCreateError(err)
	}
	return nil
}

// staffCreateError maps constraint violations of an insert to coded errors.
func staffCreateError(err error) error {
	msg := err.Error()
	switch {
	case IsUniqueViolation(err) && strings.Contains(msg, "codice_fiscale"):
		return errs.Wrap(errs.Conflict, "staff.cf.taken", err)
	case IsUniqueViolation(err):
		return errs.Wrap(errs.Conflict, "staff.username.taken", err)
	case strings.Contains(msg, "FOREIGN KEY constraint failed") || strings.Contains(msg, "SQLSTATE 23503"):
		var v errs.Validation
		v.Add("office_code", "staff.office.unknown")
		return v.Err()
	}
	return fmt.Errorf("store: create staff: %w", err)
}

func (s *Staff) one(ctx context.Context, what, where string, arg any) (staff.Member, error) {
	m, err := scanStaff(s.db.R().QueryRow(ctx, staffSelect+where, arg))
	if err != nil {
		return m, notFound(what, err)
	}
	return m, nil
}

// ByID returns the member with id.
func (s *Staff) ByID(ctx context.Context, id int64) (staff.Member, error) {
	return s.one(ctx, "staff member", `WHERE id = ?`, id)
}

// ByUsername returns the member with username.
func (s *Staff) ByUsername(ctx context.Context, username string) (staff.Member, error) {
	return s.one(ctx, "staff member "+username, `WHERE username = ?`, username)
}

// ByCodiceFiscale returns the member with codice fiscale cf.
func (s *Staff) ByCodiceFiscale(ctx context.Context, cf string) (staff.Member, error) {
	return s.one(ctx, "staff member", `WHERE codice_fiscale = ?`, cf)
}

// List returns the members of an office, or all when officeCode is "".
func (s *Staff) List(ctx context.Context, officeCode string) ([]staff.Member, error) {
	q, args := staffSelect+`ORDER BY username`, []any{}
	if officeCode != "" {
		q, args = staffSelect+`WHERE office_code = ? ORDER BY username`, []any{officeCode}
	}
	rows, err := s.db.R().Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: list staff: %w", err)
	}
	defer rows.Close()
	var out []staff.Member
	for rows.Next() {
		m, err := scanStaff(rows)
		if err != nil {
			return nil, fmt.Errorf("store: scan staff: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// Credentials returns the secrets of member id.
func (s *Staff) Credentials(ctx context.Context, id int64) (staff.Credentials, error) {
	var c staff.Credentials
	err := s.db.R().QueryRow(ctx, `SELECT password_hash, totp_secret, totp_last_step, failed_logins
		FROM staff WHERE id = ?`, id).Scan(&c.PasswordHash, &c.TOTPSecret, &c.TOTPLastStep, &c.FailedLogins)
	if err != nil {
		return c, notFound("staff member", err)
	}
	return c, nil
}
