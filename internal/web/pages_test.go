package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/audit"
	"github.com/cassetto-dev/cassetto/internal/auth"
	"github.com/cassetto-dev/cassetto/internal/store"
)

func TestContactsChangeKeepsHistoryAndIsAudited(t *testing.T) {
	w := newWorld(t)
	c := w.as(w.interActive.ID, 0, "intermediary")
	res := c.do("POST", "/posizioni/10000001/recapiti", map[string]string{
		"email": "Nuovo@Example.IT", "mobile": "333 123 4567", "street": "Via Roma 1", "postal_code": "20100", "city": "Milano", "province": "mi"})
	if res.status != http.StatusSeeOther || !strings.Contains(res.location, "esito=recapiti-aggiornati") {
		t.Fatalf("save: %d %s", res.status, res.location)
	}
	page := c.get(res.location)
	for _, want := range []string{"nuovo@example.it", "Via Roma 1, 20100 Milano (MI)", "Recapiti aggiornati"} {
		if !strings.Contains(page.body, want) {
			t.Errorf("anagrafica lacks %q", want)
		}
	}
	hist, err := w.reg.ContactHistory(context.Background(), w.titolare.ID)
	if err != nil || len(hist) != 2 || hist[1].Email != "titolare@example.it" || !strings.Contains(hist[0].ChangedBy, w.interActive.CodiceFiscale) {
		t.Fatalf("history: %+v %v", hist, err)
	}
	entries, _ := store.NewAudit(w.db).ForPosition(context.Background(), w.p1.ID, 0, 50)
	if !hasEntry(entries, "recapiti (modifica)", "intermediary") {
		t.Fatalf("change not audited: %+v", entries)
	}
	// the titolare sees who did it
	log := w.as(w.titolare.ID, 0, "self").get("/posizioni/10000001/accessi")
	if !strings.Contains(log.body, w.interActive.CodiceFiscale) || !strings.Contains(log.body, "intermediario delegato") {
		t.Fatalf("access log page does not show the intermediary:\n%s", log.body)
	}
}

func TestTitolareReadsAreNotAudited(t *testing.T) {
	w := newWorld(t)
	w.as(w.titolare.ID, 0, "self").get("/posizioni/10000001/anagrafica")
	entries, _ := store.NewAudit(w.db).ForPosition(context.Background(), w.p1.ID, 0, 50)
	if len(entries) != 0 {
		t.Fatalf("titolare's own reads were logged: %+v", entries)
	}
	w.as(0, w.operator.ID, "").get("/posizioni/10000001/anagrafica")
	entries, _ = store.NewAudit(w.db).ForPosition(context.Background(), w.p1.ID, 0, 50)
	if !hasEntry(entries, "anagrafica", "operator") {
		t.Fatalf("operator read not logged: %+v", entries)
	}
}

func hasEntry(entries []audit.Entry, detail, as string) bool {
	for _, e := range entries {
		if e.Detail == detail && e.ActingAs == as {
			return true
		}
	}
	return false
}

func TestInvalidContactsAreRefusedAndNothingIsStored(t *testing.T) {
	w := newWorld(t)
	c := w.as(w.titolare.ID, 0, "self")
	res := c.do("POST", "/posizioni/10000001/recapiti", map[string]string{"email": "mario@", "mobile": "abc", "city": "Roma"})
	if res.status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", res.status)
	}
	for _, want := range []string{"L&#39;e-mail non è valida", "Il cellulare non è valido", "Completa l&#39;indirizzo", `aria-invalid="true"`, `value="mario@"`} {
		if !strings.Contains(res.body, want) {
			t.Errorf("form lacks %q", want)
		}
	}
	hist, _ := w.reg.ContactHistory(context.Background(), w.titolare.ID)
	if len(hist) != 1 {
		t.Fatalf("invalid input stored: %d versions", len(hist))
	}
	en := w.as(w.titolare.ID, 0, "self")
	u, _ := url.Parse(w.ts.URL)
	en.http.Jar.SetCookies(u, []*http.Cookie{{Name: "cassetto_lang", Value: "en"}})
	res = en.do("POST", "/posizioni/10000001/recapiti", map[string]string{"email": "mario@"})
	if !strings.Contains(res.body, "The e-mail is not valid") {
		t.Errorf("English message missing")
	}
}

func TestOtherPositionIs404(t *testing.T) {
	w := newWorld(t)
	c := w.as(w.titolare.ID, 0, "self")
	for _, path := range []string{"/posizioni/10000002/anagrafica", "/posizioni/99999999/", "/posizioni/abc/"} {
		if res := c.get(path); res.status != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", path, res.status)
		}
	}
}

func TestExpiredSessionGoesToLoginThenBack(t *testing.T) {
	w := newWorld(t)
	c := w.as(w.titolare.ID, 0, "self")
	w.now = w.now.Add(31 * time.Minute)
	res := c.get("/posizioni/10000001/anagrafica")
	if res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, "/accesso?") {
		t.Fatalf("expired session: %d %s", res.status, res.location)
	}
	loc, _ := url.Parse(res.location)
	if loc.Query().Get("next") != "/posizioni/10000001/anagrafica" || loc.Query().Get("scaduta") != "1" {
		t.Fatalf("login redirect %s", res.location)
	}
	if page := c.get(res.location); !strings.Contains(page.body, "La sessione è scaduta") {
		t.Fatal("login page does not say the session expired")
	}
	// log in again through the (fake) provider: back to the page asked for
	w.oidc.identity = auth.Identity{CodiceFiscale: w.titolare.CodiceFiscale}
	start := c.get("/auth/login?next=" + url.QueryEscape("/posizioni/10000001/anagrafica"))
	cb := c.get(start.location)
	if cb.status != http.StatusSeeOther {
		t.Fatalf("callback %d %s", cb.status, cb.body)
	}
	final := c.get(cb.location) // the titolare has only one profile: chosen automatically
	if final.status != http.StatusOK || !strings.Contains(final.body, "Posizione anagrafica") {
		t.Fatalf("after login: %s → %d %s", cb.location, final.status, final.location)
	}
}

func TestLoginErrorsShowAClearPage(t *testing.T) {
	w := newWorld(t)
	cases := map[error]string{
		auth.ErrDenied: "negato il consenso",
		auth.ErrState:  "Ricomincia l&#39;accesso",
		auth.ErrToken:  "non è valida",
	}
	for err, want := range cases {
		w.oidc.err = err
		res := w.anonymous().get("/auth/callback?state=x&code=y")
		if res.status < 400 || !strings.Contains(res.body, want) || strings.Contains(res.body, "goroutine") {
			t.Errorf("%v: %d, body lacks %q", err, res.status, want)
		}
	}
}

func TestUnknownPersonCannotLogIn(t *testing.T) {
	w := newWorld(t)
	w.oidc.identity = auth.Identity{CodiceFiscale: "BNCGNN70A01H501Z"}
	c := w.anonymous()
	res := c.get(c.get("/auth/login").location)
	if res.status != http.StatusForbidden || !strings.Contains(res.body, "non risulta associata") {
		t.Fatalf("%d", res.status)
	}
}

func TestSecurityHeaders(t *testing.T) {
	w := newWorld(t)
	res := w.anonymous().get("/")
	h := res.header
	if !strings.Contains(h.Get("Content-Security-Policy"), "frame-ancestors 'none'") ||
		strings.Contains(h.Get("Content-Security-Policy"), "unsafe-inline") ||
		h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" || h.Get("X-Request-Id") == "" {
		t.Fatalf("headers: %v", h)
	}
	if strings.Contains(res.body, "<script>") || strings.Contains(res.body, " style=") {
		t.Fatal("inline script or style in the page")
	}
}

func TestCrossSiteFormIsRefused(t *testing.T) {
	w := newWorld(t)
	c := w.as(w.titolare.ID, 0, "self")
	req, _ := http.NewRequest("POST", w.ts.URL+"/esci", nil)
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	resp, err := c.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("cross-site POST: %d", resp.StatusCode)
	}
	if res := c.get("/posizioni/10000001/"); res.status != http.StatusOK {
		t.Fatal("the cross-site logout ended the session")
	}
}

func TestLogoutAndLogoutEverywhere(t *testing.T) {
	w := newWorld(t)
	a, b := w.as(w.titolare.ID, 0, "self"), w.as(w.titolare.ID, 0, "self")
	if res := a.do("POST", "/esci", map[string]string{}); res.status != http.StatusSeeOther {
		t.Fatalf("logout %d", res.status)
	}
	if res := a.get("/posizioni"); !isLoginRedirect(res) {
		t.Fatal("still logged in after logout")
	}
	if res := b.get("/posizioni"); res.status != http.StatusOK {
		t.Fatal("logout ended the other session too")
	}
	c := w.as(w.titolare.ID, 0, "self")
	c.do("POST", "/esci-ovunque", map[string]string{})
	if res := b.get("/posizioni"); !isLoginRedirect(res) {
		t.Fatal("logout everywhere left another session alive")
	}
}

func TestReadyzAndFriendlyPageWhenDatabaseIsDown(t *testing.T) {
	w := newWorld(t)
	c := w.as(w.titolare.ID, 0, "self")
	if res := c.get("/readyz"); res.status != http.StatusOK {
		t.Fatalf("readyz %d", res.status)
	}
	w.db.Close()
	if res := c.get("/readyz"); res.status != http.StatusServiceUnavailable || !strings.Contains(res.body, "unavailable") {
		t.Fatalf("readyz with the database down: %d %s", res.status, res.body)
	}
	if res := w.anonymous().get("/healthz"); res.status != http.StatusOK {
		t.Fatalf("healthz %d", res.status)
	}
	page := c.get("/posizioni/10000001/anagrafica")
	if page.status != http.StatusServiceUnavailable || !strings.Contains(page.body, "temporaneamente non disponibile") ||
		page.header.Get("Retry-After") == "" {
		t.Fatalf("a logged-in page with the database down: %d %s", page.status, page.location)
	}
}

func TestProfileChoiceForAnIntermediaryWhoIsAlsoTitolare(t *testing.T) {
	w := newWorld(t)
	w.delegate(w.p2.ID, w.titolare.ID, "full", "active", "2024-01-01", "")
	c := w.as(w.titolare.ID, 0, "")
	res := c.get("/posizioni/10000002/")
	if res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, "/profilo") {
		t.Fatalf("no profile: %d %s", res.status, res.location)
	}
	page := c.get(res.location)
	if !strings.Contains(page.body, `value="self"`) || !strings.Contains(page.body, `value="intermediary"`) {
		t.Fatal("both profiles should be offered")
	}
	bad := c.do("POST", "/profilo", map[string]string{"profile": "admin"})
	if bad.status != http.StatusUnprocessableEntity {
		t.Fatalf("bad profile %d", bad.status)
	}
	ok := c.do("POST", "/profilo", map[string]string{"profile": "intermediary", "next": "/posizioni/10000002/"})
	if ok.location != "/posizioni/10000002/" {
		t.Fatalf("choose: %s", ok.location)
	}
	if res := c.get("/posizioni/10000002/"); res.status != http.StatusOK {
		t.Fatalf("as intermediary: %d", res.status)
	}
	if res := c.get("/posizioni/10000001/"); res.status != http.StatusNotFound {
		t.Fatalf("own position while acting as intermediary: %d", res.status)
	}
}

func TestFascicoloSearchExplainsAMalformedCodiceFiscale(t *testing.T) {
	w := newWorld(t)
	c := w.as(0, w.operator.ID, "")
	cases := map[string]string{
		"RSSMRA80A01":      "deve avere 16 caratteri",
		"RSSMRA80A01H5011": "non ha la forma giusta",
		"RSSMRA80A01H501A": "carattere (di controllo) non corrisponde",
	}
	for q, want := range cases {
		res := c.get("/fascicolo/?q=" + url.QueryEscape(q))
		if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, want) {
			t.Errorf("%s: %d, body lacks %q", q, res.status, want)
		}
	}
	if res := c.get("/fascicolo/?q=10000001"); res.status != http.StatusOK || !strings.Contains(res.body, "/posizioni/10000001/") {
		t.Errorf("search by number: %d", res.status)
	}
	if res := c.get("/fascicolo/?q=10000002"); strings.Contains(res.body, "/posizioni/10000002/") {
		t.Error("an operator found a position of another office")
	}
	entries, _ := store.NewAudit(w.db).ForPosition(context.Background(), w.p1.ID, 0, 50)
	if !hasEntry(entries, "ricerca nel Fascicolo", "operator") {
		t.Errorf("the search that found 10000001 was not recorded: %+v", entries)
	}
	if other, _ := store.NewAudit(w.db).ForPosition(context.Background(), w.p2.ID, 0, 50); len(other) != 0 {
		t.Errorf("a position the operator could not see was recorded as read: %+v", other)
	}
}
