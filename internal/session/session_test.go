package session_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/session"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func setup(t *testing.T) (*session.Manager, *clock, int64) {
	db := storetest.New(t)
	c := &clock{time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)}
	reg := store.NewRegistry(db, c.now)
	p := registry.Person{CodiceFiscale: "RSSMRA80A01F205X", GivenName: "Mario", FamilyName: "Rossi", Sex: "M",
		BirthDate: civil.MustParse("1980-01-01"), BirthplaceCode: "F205"}
	if err := reg.CreatePerson(context.Background(), &p); err != nil {
		t.Fatal(err)
	}
	m := &session.Manager{Store: store.NewSessions(db), Now: c.now, Idle: 30 * time.Minute, Absolute: 8 * time.Hour, Secure: true}
	return m, c, p.ID
}

// login begins a session and returns a request that carries its cookie.
func login(t *testing.T, m *session.Manager, personID int64) *http.Request {
	rec := httptest.NewRecorder()
	if _, err := m.Begin(context.Background(), rec, httptest.NewRequest("GET", "/", nil), personID, 0, session.Data{Method: "oidc"}); err != nil {
		t.Fatal(err)
	}
	cookie := rec.Result().Cookies()[0]
	if !cookie.HttpOnly || !cookie.Secure || cookie.SameSite != http.SameSiteLaxMode {
		t.Fatalf("cookie flags: %+v", cookie)
	}
	req := httptest.NewRequest("GET", "/", nil)
	req.AddCookie(cookie)
	return req
}

func TestSessionLifecycle(t *testing.T) {
	m, c, pid := setup(t)
	ctx := context.Background()
	if _, err := m.Load(ctx, httptest.NewRequest("GET", "/", nil)); err != session.ErrNoSession {
		t.Fatalf("no cookie: %v", err)
	}
	req := login(t, m, pid)
	s, err := m.Load(ctx, req)
	if err != nil || s.PersonID != pid || s.Data.Method != "oidc" {
		t.Fatalf("load: %+v %v", s, err)
	}
	s.Data.Profile = "self"
	if err := m.Save(ctx, s); err != nil {
		t.Fatal(err)
	}
	c.t = c.t.Add(20 * time.Minute)
	if s, err = m.Load(ctx, req); err != nil || s.Data.Profile != "self" {
		t.Fatalf("after 20 minutes: %+v %v", s, err)
	}
	c.t = c.t.Add(31 * time.Minute)
	if _, err := m.Load(ctx, req); err != session.ErrExpired {
		t.Fatalf("idle for 31 minutes: %v, want expired", err)
	}
}

func TestSessionAbsoluteTimeout(t *testing.T) {
	m, c, pid := setup(t)
	req := login(t, m, pid)
	for i := 0; i < 17; i++ { // active every 29 minutes for 8h13m
		c.t = c.t.Add(29 * time.Minute)
		if _, err := m.Load(context.Background(), req); err != nil {
			if i < 16 {
				t.Fatalf("step %d: %v", i, err)
			}
			return
		}
	}
	t.Fatal("session outlived its absolute timeout")
}

func TestEndEverywhere(t *testing.T) {
	m, _, pid := setup(t)
	ctx := context.Background()
	a, b := login(t, m, pid), login(t, m, pid)
	s, err := m.Load(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.EndEverywhere(ctx, httptest.NewRecorder(), s); err != nil {
		t.Fatal(err)
	}
	for _, r := range []*http.Request{a, b} {
		if _, err := m.Load(ctx, r); err != session.ErrExpired {
			t.Fatalf("after logout everywhere: %v", err)
		}
	}
}

func TestForgedCookieIsRefused(t *testing.T) {
	m, _, _ := setup(t)
	req := httptest.NewRequest("GET", "/", nil)
	req.AddCookie(&http.Cookie{Name: session.CookieName, Value: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
	if _, err := m.Load(context.Background(), req); err != session.ErrExpired {
		t.Fatalf("forged cookie: %v", err)
	}
}
