package auth

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/demo/idp"
)

var testUsers = []idp.User{
	{Subject: "u-mario", CodiceFiscale: "rssmra80a01h501u", GivenName: "Mario", FamilyName: "Rossi",
		Email: "mario.rossi@example.invalid", Label: "Titolare artigiano", Description: "Mario Rossi — posizione AR 10000001"},
	{Subject: "u-anon", GivenName: "Senza", FamilyName: "Codice", Label: "Utente senza codice fiscale", Description: "Nessun fiscal_number"},
}

// harness is one server hosting the portal's /start and /auth/callback and
// the demo provider on /demo-idp/, as in demo mode, plus a browser with a
// cookie jar that stops before the callback so tests can look at it.
type harness struct {
	srv     *httptest.Server
	mux     *http.ServeMux
	rp      *RelyingParty
	browser *http.Client
	clock   *clock

	mu   sync.Mutex
	last result
}

// result is what Finish returned at the last callback.
type result struct {
	id       Identity
	returnTo string
	err      error
}

// clock is a settable clock; zero means time.Now.
type clock struct {
	mu     sync.Mutex
	offset time.Duration
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.offset)
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.offset += d
}

// newHarness starts the server; rpIssuerPath is the path of the issuer the
// relying party is configured with ("/demo-idp" for the real one).
func newHarness(t *testing.T, rpIssuerPath string) *harness {
	t.Helper()
	h := &harness{mux: http.NewServeMux(), clock: &clock{}}
	h.srv = httptest.NewServer(h.mux)
	t.Cleanup(h.srv.Close)
	callback := h.srv.URL + "/auth/callback"
	h.mountProvider(t, "/demo-idp", h.srv.URL+"/demo-idp", callback)
	h.rp = NewRelyingParty(RPConfig{
		Issuer: h.srv.URL + rpIssuerPath, ClientID: "portal", ClientSecret: "s3cret",
		RedirectURL: callback, Scopes: []string{"profile"},
	}, h.srv.Client(), h.clock.now)
	h.mux.HandleFunc("GET /start", func(w http.ResponseWriter, r *http.Request) {
		if err := h.rp.Start(w, r, r.URL.Query().Get("return")); err != nil {
			h.record(result{err: err})
			http.Error(w, "provider unavailable", http.StatusServiceUnavailable)
		}
	})
	h.mux.HandleFunc("GET /auth/callback", func(w http.ResponseWriter, r *http.Request) {
		id, returnTo, err := h.rp.Finish(w, r)
		h.record(result{id, returnTo, err})
		_, _ = io.WriteString(w, "done")
	})
	jar, _ := cookiejar.New(nil)
	h.browser = &http.Client{Jar: jar, CheckRedirect: func(r *http.Request, _ []*http.Request) error {
		if r.URL.Path == "/auth/callback" {
			return http.ErrUseLastResponse
		}
		return nil
	}}
	return h
}

// mountProvider mounts a demo provider claiming issuer at path.
func (h *harness) mountProvider(t *testing.T, path, issuer, callback string) {
	t.Helper()
	p, err := idp.New(issuer, []idp.Client{{ID: "portal", Secret: "s3cret", RedirectURIs: []string{callback}}}, testUsers, nil)
	if err != nil {
		t.Fatalf("idp.New: %v", err)
	}
	h.mux.Handle(path+"/", http.StripPrefix(path, p))
}

func (h *harness) record(r result) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.last = r
}

func (h *harness) result() result {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.last
}

var (
	actionRE = regexp.MustCompile(`<form method="post" action="([^"]+)">`)
	idRE     = regexp.MustCompile(`<input type="hidden" name="id" value="([^"]+)">`)
)

// loginPage starts a login with returnTo and follows the browser to the
// provider's login page; it returns the page, the form action and the
// request id.
func (h *harness) loginPage(t *testing.T, returnTo string) (body, action, id string) {
	t.Helper()
	resp, err := h.browser.Get(h.srv.URL + "/start?return=" + url.QueryEscape(returnTo))
	if err != nil {
		t.Fatalf("GET /start: %v", err)
	}
	body = readBody(t, resp)
	a, i := actionRE.FindStringSubmatch(body), idRE.FindStringSubmatch(body)
	if resp.StatusCode != http.StatusOK || a == nil || i == nil {
		t.Fatalf("no login page: status %d: %s", resp.StatusCode, body)
	}
	return body, a[1], i[1]
}

// press posts the login form with a button and returns the callback URL
// the provider sends the browser to.
func (h *harness) press(t *testing.T, action, id, button, value string) *url.URL {
	t.Helper()
	resp, err := h.browser.PostForm(action, url.Values{"id": {id}, button: {value}})
	if err != nil {
		t.Fatalf("POST login: %v", err)
	}
	body := readBody(t, resp)
	loc, err := resp.Location()
	if err != nil || loc.Path != "/auth/callback" {
		t.Fatalf("no redirect to the callback: status %d: %s", resp.StatusCode, body)
	}
	return loc
}

// callback opens the callback URL in the browser and returns what Finish
// returned and the callback's response.
func (h *harness) callback(t *testing.T, u *url.URL) (result, *http.Response) {
	t.Helper()
	h.record(result{})
	resp, err := h.browser.Get(u.String())
	if err != nil {
		t.Fatalf("GET callback: %v", err)
	}
	readBody(t, resp)
	return h.result(), resp
}

// login runs a whole login as subject and returns the callback URL, before
// the browser opens it.
func (h *harness) login(t *testing.T, returnTo, subject string) *url.URL {
	t.Helper()
	_, action, id := h.loginPage(t, returnTo)
	return h.press(t, action, id, "user", subject)
}

// flowCookie returns the login cookie the browser holds for the callback.
func (h *harness) flowCookie(t *testing.T) *http.Cookie {
	t.Helper()
	u, _ := url.Parse(h.srv.URL + "/auth/callback")
	for _, c := range h.browser.Jar.Cookies(u) {
		if c.Name == flowCookieName {
			return c
		}
	}
	t.Fatal("the browser holds no login cookie")
	return nil
}

// setFlowCookie replaces the login cookie in the browser.
func (h *harness) setFlowCookie(value string) {
	u, _ := url.Parse(h.srv.URL + "/auth/callback")
	h.browser.Jar.SetCookies(u, []*http.Cookie{{Name: flowCookieName, Value: value, Path: "/auth/callback"}})
}

func readBody(t *testing.T, resp *http.Response) string {
	t.Helper()
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read body: %v", err)
	}
	return string(b)
}
