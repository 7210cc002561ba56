package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/association"
	"github.com/cassetto-dev/cassetto/internal/session"
)

// Sessions implements session.Store.
type Sessions struct{ db *DB }

// NewSessions returns the session storage on db.
func NewSessions(db *DB) *Sessions { return &Sessions{db: db} }

var _ session.Store = (*Sessions)(nil)

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// CreateSession inserts s.
func (s *Sessions) CreateSession(ctx context.Context, x session.Session) error {
	data, err := json.Marshal(x.Data)
	if err != nil {
		return err
	}
	_, err = s.db.W().Exec(ctx, `INSERT INTO sessions
		(token_hash, person_id, staff_id, data, created_at, last_seen_at, expires_at, ip, user_agent)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, x.ID, nullID(x.PersonID), nullID(x.StaffID), string(data),
		x.CreatedAt, x.LastSeenAt, x.ExpiresAt, x.IP, x.UserAgent)
	if err != nil {
		return fmt.Errorf("store: create session: %w", err)
	}
	return nil
}

// sessionQuery reads a session and its owner, a person (with whether he is
// a trade association and how many of his notifications are unread) or a
// staff member.
const sessionQuery = sessionSelect + sessionFrom + `WHERE s.token_hash = ?`

const sessionSelect = `SELECT s.token_hash, COALESCE(s.person_id, 0), COALESCE(s.staff_id, 0), s.data,
	s.created_at, s.last_seen_at, s.expires_at, s.ip, s.user_agent,
	sp.id IS NOT NULL OR st.id IS NOT NULL, COALESCE(sp.codice_fiscale, ''),
	COALESCE(sp.given_name || ' ' || sp.family_name, st.display_name, ''),
	COALESCE(st.username, ''), COALESCE(st.role, ''), COALESCE(st.office_code, ''), COALESCE(st.active, false),
	EXISTS (SELECT 1 FROM intermediaries i WHERE i.person_id = s.person_id AND i.kind = '` + association.Kind + `'),
	(SELECT COUNT(*) FROM notifications n WHERE n.person_id = s.person_id AND n.read_at IS NULL)`

const sessionFrom = `
	FROM sessions s LEFT JOIN persons sp ON sp.id = s.person_id LEFT JOIN staff st ON st.id = s.staff_id `

// SessionByID returns the session with id and its owner (read from the
// writer: a session just created must be found at once).
func (s *Sessions) SessionByID(ctx context.Context, id string) (session.Session, error) {
	return scanSession(s.db.W().QueryRow(ctx, sessionQuery, id))
}

// scanSession reads a row of sessionSelect followed by the columns extra.
func scanSession(row interface{ Scan(...any) error }, extra ...any) (session.Session, error) {
	var x session.Session
	var data string
	o := &x.Owner
	dest := []any{&x.ID, &x.PersonID, &x.StaffID, &data,
		&x.CreatedAt, &x.LastSeenAt, &x.ExpiresAt, &x.IP, &x.UserAgent,
		&o.Found, &o.CodiceFiscale, &o.Name, &o.Username, &o.Role, &o.OfficeCode, &o.Active, &o.Association, &o.Unread}
	if err := row.Scan(append(dest, extra...)...); err != nil {
		return x, notFound("session", err)
	}
	if err := json.Unmarshal([]byte(data), &x.Data); err != nil {
		return x, fmt.Errorf("store: session data: %w", err)
	}
	return x, nil
}

// TouchSession records activity on a session.
func (s *Sessions) TouchSession(ctx context.Context, id string, at time.Time) error {
	_, err := s.db.W().Exec(ctx, `UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?`, at.UTC(), id)
	return err
}

// SaveSessionData replaces the data of a session.
func (s *Sessions) SaveSessionData(ctx context.Context, id string, d session.Data) error {
	data, err := json.Marshal(d)
	if err != nil {
		return err
	}
	_, err = s.db.W().Exec(ctx, `UPDATE sessions SET data = ? WHERE token_hash = ?`, string(data), id)
	return err
}

// DeleteSession ends a session.
func (s *Sessions) DeleteSession(ctx context.Context, id string) error {
	_, err := s.db.W().Exec(ctx, `DELETE FROM sessions WHERE token_hash = ?`, id)
	return err
}

// DeleteSessionsOf ends every session of a person or staff member.
func (s *Sessions) DeleteSessionsOf(ctx context.Context, personID, staffID int64) error {
	var err error
	if personID != 0 {
		_, err = s.db.W().Exec(ctx, `DELETE FROM sessions WHERE person_id = ?`, personID)
	}
	if staffID != 0 && err == nil {
		_, err = s.db.W().Exec(ctx, `DELETE FROM sessions WHERE staff_id = ?`, staffID)
	}
	return err
}

// DeleteExpiredSessions deletes sessions idle since before idleBefore or past their absolute end.
func (s *Sessions) DeleteExpiredSessions(ctx context.Context, idleBefore, now time.Time) (int64, error) {
	res, err := s.db.W().Exec(ctx, `DELETE FROM sessions WHERE last_seen_at < ? OR expires_at < ?`, idleBefore.UTC(), now.UTC())
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
