// Package session keeps login sessions on the server, in the database: the
// browser holds only a random token in a cookie (HttpOnly, SameSite=Lax,
// Secure behind TLS); the database holds its SHA-256. A session ends after an
// idle timeout, after an absolute timeout, at logout, or when its owner logs
// out everywhere. The token changes at every login (no session fixation).
package session

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/cassetto-dev/cassetto/internal/errs"
)

// CookieName is the name of the session cookie.
const CookieName = "cassetto_session"

// Data is what a session carries besides its owner.
type Data struct {
	Profile       string `json:"profile,omitempty"`         // the citizen's chosen profile
	Method        string `json:"method,omitempty"`          // "oidc" or "password"
	MustEnrolTOTP bool   `json:"must_enrol_totp,omitempty"` // staff logged in with a password, second factor not yet set up
	PendingTOTP   string `json:"pending_totp,omitempty"`    // the TOTP secret offered at enrolment, until confirmed
}

// Owner is what every request needs of a session's owner, read with the
// session in one query (Store.SessionByID): a citizen's name and codice
// fiscale, and whether he is a trade association; a staff member's display
// name, username, role and office, and whether the account is active.
// Found is false when the owner's row is gone.
type Owner struct {
	Found         bool
	Name          string // the citizen's given and family name, or the staff member's display name
	CodiceFiscale string
	Association   bool // the citizen is registered as a trade association (the header links its page)
	Unread        int  // the citizen's unread in-app notifications (the header's badge)
	Username      string
	Role          string
	OfficeCode    string
	Active        bool
}

// Session is a login session.
type Session struct {
	ID         string // SHA-256 of the token, hex
	PersonID   int64  // a citizen's session
	StaffID    int64  // a staff member's session
	Owner      Owner  // as SessionByID read it; not stored with the session
	Data       Data
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time // absolute end
	IP         string
	UserAgent  string
}

// Store is the storage of sessions.
type Store interface {
	CreateSession(ctx context.Context, s Session) error
	// SessionByID returns the session with its Owner, or an error with errs.NotFound.
	SessionByID(ctx context.Context, id string) (Session, error)
	TouchSession(ctx context.Context, id string, at time.Time) error
	SaveSessionData(ctx context.Context, id string, d Data) error
	DeleteSession(ctx context.Context, id string) error
	// DeleteSessionsOf ends every session of a person (personID) or staff member (staffID).
	DeleteSessionsOf(ctx context.Context, personID, staffID int64) error
	DeleteExpiredSessions(ctx context.Context, idleBefore, now time.Time) (int64, error)
}

// Manager creates, loads and ends sessions.
type Manager struct {
	Store    Store
	Now      func() time.Time
	Idle     time.Duration
	Absolute time.Duration
	Secure   bool // set the Secure flag on the cookie
}

// ErrNoSession means the request carries no session cookie.
var ErrNoSession = errors.New("session: none")

// ErrExpired means the request carries a cookie for a session that ended.
// Any other error from Load means the store could not answer.
var ErrExpired = errors.New("session: expired")

// Begin starts a session for a person or a staff member and sets the cookie.
func (m *Manager) Begin(ctx context.Context, w http.ResponseWriter, r *http.Request, personID, staffID int64, d Data) (Session, error) {
	token := make([]byte, 32)
	if _, err := rand.Read(token); err != nil {
		return Session{}, err
	}
	now := m.Now().UTC()
	s := Session{ID: hashToken(token), PersonID: personID, StaffID: staffID, Data: d, CreatedAt: now,
		LastSeenAt: now, ExpiresAt: now.Add(m.Absolute), IP: clientIP(r), UserAgent: truncate(r.UserAgent(), 200)}
	if err := m.Store.CreateSession(ctx, s); err != nil {
		return Session{}, err
	}
	http.SetCookie(w, m.cookie(base64.RawURLEncoding.EncodeToString(token), 0))
	return s, nil
}

// Load returns the session of r. It returns ErrNoSession without a cookie and
// ErrExpired when the cookie names a session that ended (idle, absolute or
// logged out), so the caller can say "your session expired", and another
// error when the store cannot answer.
func (m *Manager) Load(ctx context.Context, r *http.Request) (Session, error) {
	return m.LoadWith(ctx, r, m.Store.SessionByID)
}

// LoadWith is Load reading the session with read instead of the store's
// SessionByID: a caller that needs more than the session for the request
// can read it in the same statement. read answers as SessionByID does.
func (m *Manager) LoadWith(ctx context.Context, r *http.Request, read func(ctx context.Context, id string) (Session, error)) (Session, error) {
	c, err := r.Cookie(CookieName)
	if err != nil || c.Value == "" {
		return Session{}, ErrNoSession
	}
	token, err := base64.RawURLEncoding.DecodeString(c.Value)
	if err != nil || len(token) != 32 {
		return Session{}, ErrExpired
	}
	s, err := read(ctx, hashToken(token))
	if errs.Is(err, errs.NotFound) {
		return Session{}, ErrExpired
	}
	if err != nil {
		return Session{}, fmt.Errorf("session: load: %w", err) // the store is down: not the user's fault
	}
	now := m.Now().UTC()
	if now.After(s.ExpiresAt) || now.Sub(s.LastSeenAt) > m.Idle {
		_ = m.Store.DeleteSession(ctx, s.ID)
		return Session{}, ErrExpired
	}
	if now.Sub(s.LastSeenAt) > time.Minute { // write at most once a minute per session
		if err := m.Store.TouchSession(ctx, s.ID, now); err != nil {
			return Session{}, err
		}
		s.LastSeenAt = now
	}
	return s, nil
}

// Save stores the changed data of s.
func (m *Manager) Save(ctx context.Context, s Session) error {
	return m.Store.SaveSessionData(ctx, s.ID, s.Data)
}

// End ends s and clears the cookie.
func (m *Manager) End(ctx context.Context, w http.ResponseWriter, s Session) error {
	http.SetCookie(w, m.cookie("", -1))
	return m.Store.DeleteSession(ctx, s.ID)
}

// EndEverywhere ends every session of the owner of s and clears the cookie.
func (m *Manager) EndEverywhere(ctx context.Context, w http.ResponseWriter, s Session) error {
	http.SetCookie(w, m.cookie("", -1))
	return m.Store.DeleteSessionsOf(ctx, s.PersonID, s.StaffID)
}

// Clear removes the session cookie without touching the store.
func (m *Manager) Clear(w http.ResponseWriter) { http.SetCookie(w, m.cookie("", -1)) }

// Sweep deletes ended sessions; run it periodically.
func (m *Manager) Sweep(ctx context.Context) (int64, error) {
	now := m.Now().UTC()
	return m.Store.DeleteExpiredSessions(ctx, now.Add(-m.Idle), now)
}

func (m *Manager) cookie(value string, maxAge int) *http.Cookie {
	return &http.Cookie{Name: CookieName, Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: m.Secure, SameSite: http.SameSiteLaxMode}
}

func hashToken(token []byte) string {
	sum := sha256.Sum256(token)
	return hex.EncodeToString(sum[:])
}

func clientIP(r *http.Request) string {
	host := r.RemoteAddr
	for i := len(host) - 1; i >= 0; i-- {
		if host[i] == ':' {
			return host[:i]
		}
	}
	return host
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
