package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
)

// API token scopes: a read token may only read (GET); a write token may
// also call the API's state-changing endpoints.
const (
	APIScopeRead  = "read"
	APIScopeWrite = "write"
)

// APIToken is a personal access token of the JSON API. Only the SHA-256 of
// the secret is stored, so the secret is shown once, when created. A token
// is valid through its expiry day.
type APIToken struct {
	ID         int64
	PersonID   int64
	Name       string
	Scope      string // APIScopeRead or APIScopeWrite
	ExpiresOn  civil.Date
	CreatedAt  time.Time
	LastUsedAt time.Time // zero: never used
	RevokedAt  time.Time // zero: not revoked
}

// Revoked reports whether the token was revoked.
func (t APIToken) Revoked() bool { return !t.RevokedAt.IsZero() }

// ExpiredOn reports whether the token has expired on day.
func (t APIToken) ExpiredOn(day civil.Date) bool { return day.After(t.ExpiresOn) }

// APITokens stores the personal access tokens.
type APITokens struct {
	db  *DB
	now func() time.Time
}

// NewAPITokens returns the token storage on db; now stamps what it writes.
func NewAPITokens(db *DB, now func() time.Time) *APITokens {
	return &APITokens{db: db, now: now}
}

const apiTokenColumns = `id, person_id, name, scope, expires_on, created_at, last_used_at, revoked_at`

func scanAPIToken(sc interface{ Scan(...any) error }) (APIToken, error) {
	var t APIToken
	var used, revoked sql.NullTime
	err := sc.Scan(&t.ID, &t.PersonID, &t.Name, &t.Scope, &t.ExpiresOn, &t.CreatedAt, &used, &revoked)
	if used.Valid {
		t.LastUsedAt = used.Time
	}
	if revoked.Valid {
		t.RevokedAt = revoked.Time
	}
	return t, err
}

// Create stores a new token of t.PersonID with tokenHash and fills t's id
// and creation time.
func (s *APITokens) Create(ctx context.Context, t *APIToken, tokenHash string) error {
	t.CreatedAt = s.now().UTC()
	err := s.db.W().QueryRow(ctx, `INSERT INTO api_tokens (person_id, name, token_hash, scope, expires_on, created_at)
		VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, t.PersonID, t.Name, tokenHash, t.Scope, t.ExpiresOn, t.CreatedAt).Scan(&t.ID)
	if err != nil {
		return fmt.Errorf("store: create api token: %w", err)
	}
	return nil
}

// Revoke revokes token id of person; it reports whether a token in force
// was revoked (false for another person's token or one already revoked).
func (s *APITokens) Revoke(ctx context.Context, personID, id int64) (bool, error) {
	res, err := s.db.W().Exec(ctx, `UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND person_id = ? AND revoked_at IS NULL`,
		s.now().UTC(), id, personID)
	if err != nil {
		return false, fmt.Errorf("store: revoke api token: %w", err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// OfPerson lists the person's tokens, newest first, revoked ones included.
func (s *APITokens) OfPerson(ctx context.Context, personID int64) ([]APIToken, error) {
	rows, err := s.db.W().Query(ctx, `SELECT `+apiTokenColumns+` FROM api_tokens WHERE person_id = ? ORDER BY id DESC`, personID)
	if err != nil {
		return nil, fmt.Errorf("store: api tokens: %w", err)
	}
	defer rows.Close()
	var out []APIToken
	for rows.Next() {
		t, err := scanAPIToken(rows)
		if err != nil {
			return nil, fmt.Errorf("store: api tokens: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// ByHash returns the token whose secret has tokenHash, revoked or expired
// ones too (the caller says which); ok is false when there is none. It
// reads from the writer, so a revocation holds at once.
func (s *APITokens) ByHash(ctx context.Context, tokenHash string) (t APIToken, ok bool, err error) {
	t, err = scanAPIToken(s.db.W().QueryRow(ctx, `SELECT `+apiTokenColumns+` FROM api_tokens WHERE token_hash = ?`, tokenHash))
	if IsNoRows(err) {
		return t, false, nil
	}
	if err != nil {
		return t, false, fmt.Errorf("store: api token: %w", err)
	}
	return t, true, nil
}

// Touch records that token id was used now.
func (s *APITokens) Touch(ctx context.Context, id int64) error {
	if _, err := s.db.W().Exec(ctx, `UPDATE api_tokens SET last_used_at = ? WHERE id = ?`, s.now().UTC(), id); err != nil {
		return fmt.Errorf("store: api token use: %w", err)
	}
	return nil
}
