package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/session"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// middleware wraps the mux: request id, recovery, logging and metrics,
// security headers, cross-site request forgery protection, and the session.
func (s *Server) middleware(next http.Handler) http.Handler {
	csrf := http.NewCrossOriginProtection()
	csrf.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.renderError(w, r, http.StatusForbidden, "error.csrf")
	}))
	inner := csrf.Handler(s.loadSession(s.replicaReads(next)))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := s.Now()
		st := &state{requestID: requestID(r), actor: access.Actor{Kind: access.Anonymous}}
		r = withState(r, st)
		rec := &recorder{ResponseWriter: w, status: http.StatusOK}
		rec.Header().Set("X-Request-Id", st.requestID)
		s.securityHeaders(rec.Header())
		defer func() {
			if p := recover(); p != nil {
				s.Logger.Error("panic", "request_id", st.requestID, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
				if !rec.wrote {
					s.renderError(rec, r, http.StatusInternalServerError, "error.internal")
				}
			}
			s.observe(r, rec, start)
		}()
		inner.ServeHTTP(rec, r)
	})
}

func (s *Server) observe(r *http.Request, rec *recorder, start time.Time) {
	pattern := r.Pattern
	if pattern == "" {
		pattern = "unmatched"
	}
	elapsed := s.Now().Sub(start)
	s.metrics.observe(pattern, rec.status, elapsed)
	st := stateOf(r)
	s.Logger.LogAttrs(r.Context(), levelFor(rec.status), "request",
		slog.String("request_id", st.requestID),
		slog.Group("request", slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.String("pattern", pattern), slog.String("remote", clientIP(r))),
		slog.Int("status", rec.status), slog.Duration("duration", elapsed),
		slog.String("actor", string(st.actor.Kind)))
}

func levelFor(status int) slog.Level {
	if status >= 500 {
		return slog.LevelError
	}
	return slog.LevelInfo
}

func (s *Server) securityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "+
		"font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	if s.Secure {
		h.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
	}
}

// loadSession resolves the session cookie into the request's actor.
func (s *Server) loadSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st := stateOf(r)
		if sessionless(r.URL.Path) {
			next.ServeHTTP(w, r)
			return
		}
		sess, err := s.Sessions.LoadWith(r.Context(), r, s.sessionReader(r.URL.Path, st))
		if err != nil {
			st.page = nil
		}
		switch {
		case errors.Is(err, session.ErrExpired):
			st.expired = true
			s.Sessions.Clear(w)
		case err == nil:
			actor, name, aerr := actorOf(sess)
			if aerr != nil {
				s.Logger.Warn("session owner unavailable", "request_id", st.requestID, "err", aerr)
				st.expired = true
				s.Sessions.Clear(w)
				break
			}
			st.session, st.actor, st.name = &sess, actor, name
		case !errors.Is(err, session.ErrNoSession):
			s.fail(w, r, err) // the database does not answer: a 503 page, not a false "expired"
			return
		}
		next.ServeHTTP(w, r)
	})
}

// sessionReader reads a request's session. On a position's page (path
// /posizioni/NUMBER/…) it reads the position in the same statement and
// leaves it in st.page for the gate.
func (s *Server) sessionReader(path string, st *state) func(context.Context, string) (session.Session, error) {
	num, ok := positionInPath(path)
	if !ok || s.DB == nil {
		return s.Sessions.Store.SessionByID
	}
	return func(ctx context.Context, id string) (session.Session, error) {
		sess, page, found, err := store.ReadSessionPage(ctx, s.DB, id, num)
		if found {
			st.page = &page
		}
		return sess, err
	}
}

// positionInPath returns the position number of a path of the position
// routes (/posizioni/NUMBER/… and the bench's /bench/baseline/NUMBER).
func positionInPath(path string) (string, bool) {
	rest, ok := strings.CutPrefix(path, "/posizioni/")
	if !ok {
		rest, ok = strings.CutPrefix(path, "/bench/baseline/")
	}
	num, _, _ := strings.Cut(rest, "/")
	return num, ok && positionNumberRe.MatchString(num)
}

// actorOf resolves the owner of a session, read with it, into an access
// actor and a display name. An inactive staff member, or an owner that no
// longer exists, is an error: the session must end.
func actorOf(s session.Session) (access.Actor, string, error) {
	o := s.Owner
	switch {
	case !o.Found:
		return access.Actor{}, "", fmt.Errorf("web: the owner of session %.8s… no longer exists", s.ID)
	case s.StaffID != 0 && !o.Active:
		return access.Actor{}, "", fmt.Errorf("web: staff %s is not active", o.Username)
	case s.StaffID != 0:
		return access.Actor{Kind: access.Staff, StaffID: s.StaffID, Role: o.Role, OfficeCode: o.OfficeCode,
			Label: o.Name + " (" + o.Username + ")"}, o.Name, nil
	}
	return access.Actor{Kind: access.Citizen, PersonID: s.PersonID, Profile: access.Profile(s.Data.Profile),
		Label: o.Name + " (" + o.CodiceFiscale + ")"}, o.Name, nil
}

// sessionless reports whether path is served without looking at the
// session: probes, metrics and static files answer even when the session
// store does not.
func sessionless(path string) bool {
	switch path {
	case "/healthz", "/readyz", "/metrics":
		return true
	}
	return strings.HasPrefix(path, "/static/") || strings.HasPrefix(path, "/api/") // the API authenticates by token
}

func requestID(r *http.Request) string {
	if id := r.Header.Get("X-Request-Id"); id != "" && len(id) <= 64 {
		return id
	}
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
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

// recorder remembers the status a handler wrote.
type recorder struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	return r.ResponseWriter.Write(b)
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
