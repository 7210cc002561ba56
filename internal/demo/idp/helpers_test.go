package idp_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/cassetto-dev/cassetto/internal/demo/idp"
)

var demoUsers = []idp.User{
	{Subject: "u-mario", CodiceFiscale: "RSSMRA80A01H501U", GivenName: "Mario", FamilyName: "Rossi",
		Email: "mario.rossi@example.invalid", Label: "Titolare artigiano", Description: "Mario Rossi — posizione AR 10000001"},
	{Subject: "u-laura", CodiceFiscale: "BNCLRA75C41F205X", GivenName: "Laura", FamilyName: "Bianchi",
		Email: "laura.bianchi@example.invalid", Label: "Intermediario delegato", Description: "Laura Bianchi — CAF delegato"},
}

// env is a server with the demo provider mounted on /demo-idp/ and a
// registered client whose callback /cb is never served: the browser stops
// before it.
type env struct {
	srv     *httptest.Server
	issuer  string
	browser *http.Client
	oauth   *oauth2.Config
	oidc    *oidc.Provider
}

func newEnv(t *testing.T) *env {
	t.Helper()
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	e := &env{srv: srv, issuer: srv.URL + "/demo-idp"}
	h, err := idp.New(e.issuer, []idp.Client{{ID: "portal", Secret: "s3cret", RedirectURIs: []string{srv.URL + "/cb"}}}, demoUsers, nil)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	mux.Handle("/demo-idp/", http.StripPrefix("/demo-idp", h))
	jar, _ := cookiejar.New(nil)
	e.browser = &http.Client{Jar: jar, CheckRedirect: func(r *http.Request, _ []*http.Request) error {
		if r.URL.Path == "/cb" {
			return http.ErrUseLastResponse
		}
		return nil
	}}
	e.oidc, err = oidc.NewProvider(context.Background(), e.issuer)
	if err != nil {
		t.Fatalf("discovery: %v", err)
	}
	e.oauth = &oauth2.Config{ClientID: "portal", ClientSecret: "s3cret", RedirectURL: srv.URL + "/cb",
		Endpoint: e.oidc.Endpoint(), Scopes: []string{oidc.ScopeOpenID, "profile"}}
	return e
}

// loginPage is the provider's login page of an authorization request.
type loginPage struct {
	body, action, id string
}

var (
	actionRE = regexp.MustCompile(`<form method="post" action="([^"]+)">`)
	idRE     = regexp.MustCompile(`<input type="hidden" name="id" value="([^"]+)">`)
)

// authorize opens the authorization URL and follows redirects to the
// login page.
func (e *env) authorize(t *testing.T, authURL string) loginPage {
	t.Helper()
	resp, err := e.browser.Get(authURL)
	if err != nil {
		t.Fatalf("GET authorize: %v", err)
	}
	body := readBody(t, resp)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("login page: status %d: %s", resp.StatusCode, body)
	}
	a, i := actionRE.FindStringSubmatch(body), idRE.FindStringSubmatch(body)
	if a == nil || i == nil {
		t.Fatalf("login page has no form with a request id:\n%s", body)
	}
	return loginPage{body: body, action: a[1], id: i[1]}
}

// submit posts the login form with the button pressed and returns the
// client callback the browser is sent to.
func (e *env) submit(t *testing.T, p loginPage, button, value string) url.Values {
	t.Helper()
	resp, err := e.browser.PostForm(p.action, url.Values{"id": {p.id}, button: {value}})
	if err != nil {
		t.Fatalf("POST login: %v", err)
	}
	body := readBody(t, resp)
	loc, err := resp.Location()
	if err != nil || loc.Path != "/cb" {
		t.Fatalf("login did not redirect to the client: status %d, %v: %s", resp.StatusCode, err, body)
	}
	return loc.Query()
}

// code runs a login as subject and returns the code, for the PKCE verifier.
func (e *env) code(t *testing.T, verifier, nonce string) string {
	t.Helper()
	p := e.authorize(t, e.oauth.AuthCodeURL("st", oauth2.S256ChallengeOption(verifier), oidc.Nonce(nonce)))
	q := e.submit(t, p, "user", "u-mario")
	if q.Get("state") != "st" || q.Get("code") == "" {
		t.Fatalf("callback query = %v, want state st and a code", q)
	}
	return q.Get("code")
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

func getJSON(t *testing.T, u string) map[string]any {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(readBody(t, resp)), &m); err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	return m
}

func contains(list any, want string) bool {
	items, _ := list.([]any)
	for _, it := range items {
		if it == want {
			return true
		}
	}
	return false
}

func hasAll(t *testing.T, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("page lacks %q", w)
		}
	}
}
