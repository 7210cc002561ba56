package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/api"
	"github.com/cassetto-dev/cassetto/internal/store"
)

type problemBody struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Errors []struct {
		Name string `json:"name"`
	} `json:"errors"`
}

// problemOf decodes a problem+json answer and checks its status and type.
func (w *world) problemOf(res response, status int, slug string) problemBody {
	w.t.Helper()
	var p problemBody
	if res.status != status || res.header.Get("Content-Type") != "application/problem+json" {
		w.t.Fatalf("got %d %s, want %d problem+json: %s", res.status, res.header.Get("Content-Type"), status, res.body)
	}
	w.must(json.Unmarshal([]byte(res.body), &p))
	if p.Type != api.ProblemBase+slug || p.Status != status || p.Title == "" {
		w.t.Errorf("problem %+v, want type %s", p, slug)
	}
	return p
}

// TestTokensThatMayNotBeUsed: no token, a malformed or unknown one, a
// revoked and an expired one are each a 401 with its own problem type.
func TestTokensThatMayNotBeUsed(t *testing.T) {
	w := newWorld(t, 1000)
	revoked := w.reader(w.titolare)
	toks, err := w.tokens.OfPerson(context.Background(), w.titolare.ID)
	w.must(err)
	if ok, err := w.tokens.Revoke(context.Background(), w.titolare.ID, toks[0].ID); !ok || err != nil {
		t.Fatalf("revoke: %v %v", ok, err)
	}
	expired := w.token(w.titolare, store.APIScopeRead, "2026-11-22") // valid through yesterday
	lastDay := w.token(w.titolare, store.APIScopeRead, "2026-11-23")
	cases := []struct{ token, slug string }{
		{"", "token-missing"},
		{"abc", "token-invalid"},
		{api.TokenPrefix + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "token-invalid"},
		{revoked, "token-revoked"},
		{expired, "token-expired"},
	}
	for _, c := range cases {
		res := w.do(http.MethodGet, "/api/v1/positions", c.token)
		w.problemOf(res, http.StatusUnauthorized, c.slug)
		if res.header.Get("WWW-Authenticate") == "" {
			t.Errorf("%s: no WWW-Authenticate", c.slug)
		}
	}
	if res := w.get("/api/v1/positions", lastDay); res.status != http.StatusOK {
		t.Errorf("a token on its expiry day: %d", res.status)
	}
}

// TestReadOnlyTokenRefusesWrites: a read-only token may not use a method
// that changes state (403 token-scope, before any route), a read-write one
// passes the scope check.
func TestReadOnlyTokenRefusesWrites(t *testing.T) {
	w := newWorld(t, 1000)
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch} {
		w.problemOf(w.do(m, "/api/v1/positions", w.reader(w.titolare)), http.StatusForbidden, "token-scope")
		res := w.do(m, "/api/v1/positions", w.token(w.titolare, store.APIScopeWrite, "2027-01-01"))
		if res.status == http.StatusForbidden || res.status == http.StatusUnauthorized {
			t.Errorf("%s with a read-write token: %d", m, res.status)
		}
	}
}

// TestTokenUseIsRecorded: the last use of a token is stored.
func TestTokenUseIsRecorded(t *testing.T) {
	w := newWorld(t, 1000)
	w.get("/api/v1/positions", w.reader(w.titolare))
	toks, err := w.tokens.OfPerson(context.Background(), w.titolare.ID)
	w.must(err)
	if len(toks) != 1 || !toks[0].LastUsedAt.Equal(w.now) {
		t.Errorf("tokens %+v", toks)
	}
}

// TestRateLimitPerToken: beyond CASSETTO_API_RATE requests a minute a
// token gets 429 with Retry-After; another token is not affected, and the
// bucket refills with time.
func TestRateLimitPerToken(t *testing.T) {
	w := newWorld(t, 2)
	tok := w.reader(w.titolare)
	for range 2 {
		if res := w.get("/api/v1/delegations", tok); res.status != http.StatusOK {
			t.Fatalf("got %d", res.status)
		}
	}
	res := w.get("/api/v1/delegations", tok)
	w.problemOf(res, http.StatusTooManyRequests, "rate-limited")
	if ra := res.header.Get("Retry-After"); ra != "30" {
		t.Errorf("Retry-After %q, want 30 (2 a minute)", ra)
	}
	if res := w.get("/api/v1/delegations", w.reader(w.other)); res.status != http.StatusOK {
		t.Errorf("another token: %d", res.status)
	}
	w.now = w.now.Add(30e9)
	if res := w.get("/api/v1/delegations", tok); res.status != http.StatusOK {
		t.Errorf("after Retry-After: %d", res.status)
	}
}
