package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/api"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/store"
)

var secretRe = regexp.MustCompile(`cst_[A-Za-z0-9_-]{43}`)

// apiStatus calls the JSON API on w's database with token.
func (w *world) apiStatus(token string) (int, string) {
	w.t.Helper()
	a := api.New(api.Deps{DB: w.db, Registry: w.reg, Ledger: store.NewLedgerReader(w.db), Audit: store.NewAudit(w.db),
		Tokens: store.NewAPITokens(w.db, w.srv.Now), Params: contrib.Default(), Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Now: w.srv.Now})
	req := httptest.NewRequest(http.MethodGet, "/api/v1/positions", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	rec := httptest.NewRecorder()
	a.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

// TestAPITokenIsShownOnceWorksAndIsRevoked: a titolare creates a token,
// sees it once (only its hash is stored), the API accepts it as him,
// he revokes it and the API refuses it at once.
func TestAPITokenIsShownOnceWorksAndIsRevoked(t *testing.T) {
	w := newWorld(t)
	c := w.as(w.titolare.ID, 0, "self")
	res := c.do("POST", "/token-api", map[string]string{"name": "gestionale", "scope": "read", "expires": "2027-01-31"})
	secret := secretRe.FindString(res.body)
	if res.status != http.StatusOK || secret == "" {
		t.Fatalf("create: %d, no token shown", res.status)
	}
	var stored string
	if err := w.db.R().QueryRow(context.Background(), `SELECT token_hash FROM api_tokens`).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if stored != api.TokenHash(secret) || strings.Contains(stored, secret) {
		t.Errorf("stored %q: not the SHA-256 of the token", stored)
	}
	if page := c.get("/token-api"); secretRe.MatchString(page.body) || !strings.Contains(page.body, "gestionale") {
		t.Errorf("the list shows the secret again, or not the token")
	}
	if code, body := w.apiStatus(secret); code != http.StatusOK || !strings.Contains(body, w.p1.Number) {
		t.Errorf("API with the new token: %d %s", code, body)
	}
	var id int64
	if err := w.db.R().QueryRow(context.Background(), `SELECT id FROM api_tokens`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	if res := w.as(w.other.ID, 0, "self").do("POST", "/token-api/revoca", map[string]string{"id": strconv.FormatInt(id, 10)}); res.status != http.StatusNotFound {
		t.Errorf("another person revoking it: %d", res.status)
	}
	if code, _ := w.apiStatus(secret); code != http.StatusOK {
		t.Errorf("after another person's attempt: %d", code)
	}
	res = c.do("POST", "/token-api/revoca", map[string]string{"id": strconv.FormatInt(id, 10)})
	if res.status != http.StatusSeeOther {
		t.Fatalf("revoke: %d", res.status)
	}
	if code, body := w.apiStatus(secret); code != http.StatusUnauthorized || !strings.Contains(body, "token-revoked") {
		t.Errorf("API after revocation: %d %s", code, body)
	}
}

// TestAPITokenBadInput: each bad field is said beside it, 422, nothing
// stored.
func TestAPITokenBadInput(t *testing.T) {
	w := newWorld(t)
	c := w.as(w.titolare.ID, 0, "self")
	cases := []struct {
		form  map[string]string
		field string
		text  string
	}{
		{map[string]string{"name": "", "scope": "read", "expires": "2027-01-31"}, "name", "Indica un nome"},
		{map[string]string{"name": "x", "scope": "admin", "expires": "2027-01-31"}, "scope", "Scegli i permessi"},
		{map[string]string{"name": "x", "scope": "read", "expires": "domani"}, "expires", "gg/mm/aaaa"},
		{map[string]string{"name": "x", "scope": "read", "expires": "2028-01-31"}, "expires", "un anno da oggi"},
		{map[string]string{"name": "x", "scope": "read", "expires": "23/11/2026"}, "expires", "tra domani"},
	}
	for _, tc := range cases {
		res := c.do("POST", "/token-api", tc.form)
		if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, `id="`+tc.field+`-error"`) ||
			!strings.Contains(res.body, tc.text) {
			t.Errorf("%v: %d, no message beside %s", tc.form, res.status, tc.field)
		}
	}
	var n int
	if err := w.db.R().QueryRow(context.Background(), `SELECT COUNT(*) FROM api_tokens`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d tokens stored (%v)", n, err)
	}
	if res := c.do("POST", "/token-api", map[string]string{"name": "x", "scope": "write", "expires": "22/11/2027"}); res.status != http.StatusOK {
		t.Errorf("an Italian date within a year: %d", res.status)
	}
}
