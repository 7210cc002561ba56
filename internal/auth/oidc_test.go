package auth

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestLogin_ReturnsTheChosenIdentityAndReturnTo(t *testing.T) {
	h := newHarness(t, "/demo-idp")
	page, action, id := h.loginPage(t, "/pratiche?anno=2024")
	for _, u := range testUsers {
		if !strings.Contains(page, u.Label) || !strings.Contains(page, u.Description) {
			t.Errorf("login page does not list %q", u.Label)
		}
	}
	res, resp := h.callback(t, h.press(t, action, id, "user", "u-mario"))
	if res.err != nil {
		t.Fatalf("Finish: %v", res.err)
	}
	want := Identity{Subject: "u-mario", CodiceFiscale: "RSSMRA80A01H501U", GivenName: "Mario",
		FamilyName: "Rossi", Email: "mario.rossi@example.invalid"}
	if res.id != want {
		t.Errorf("identity = %+v, want %+v", res.id, want)
	}
	if res.returnTo != "/pratiche?anno=2024" {
		t.Errorf("returnTo = %q, want /pratiche?anno=2024", res.returnTo)
	}
	if c := findCookie(resp, flowCookieName); c == nil || c.MaxAge >= 0 {
		t.Errorf("Finish did not delete the login cookie: %v", c)
	}
}

func TestStart_RedirectsWithPKCEAndSetsAShortLivedCallbackCookie(t *testing.T) {
	h := newHarness(t, "/demo-idp")
	h.rp.cfg.SecureCookies = true
	req := httptest.NewRequest(http.MethodGet, "/start", nil)
	w := httptest.NewRecorder()
	if err := h.rp.Start(w, req, "/"); err != nil {
		t.Fatalf("Start: %v", err)
	}
	resp := w.Result()
	loc, err := resp.Location()
	if resp.StatusCode != http.StatusFound || err != nil || !strings.HasPrefix(loc.String(), h.srv.URL+"/demo-idp/authorize?") {
		t.Fatalf("status %d, location %v; want 302 to the provider", resp.StatusCode, loc)
	}
	q := loc.Query()
	for _, k := range []string{"state", "nonce", "code_challenge"} {
		if len(q.Get(k)) < 20 {
			t.Errorf("%s = %q, want a random value", k, q.Get(k))
		}
	}
	if q.Get("code_challenge_method") != "S256" || q.Get("client_id") != "portal" || !strings.Contains(q.Get("scope"), "openid") {
		t.Errorf("authorization query = %v", q)
	}
	c := findCookie(resp, flowCookieName)
	if c == nil || !c.HttpOnly || !c.Secure || c.SameSite != http.SameSiteLaxMode || c.Path != "/auth/callback" || c.MaxAge != 600 {
		t.Errorf("login cookie = %+v; want HttpOnly, Secure, Lax, path /auth/callback, 10 minutes", c)
	}
}

func TestLogin_ReturnToOutsideTheSiteBecomesRoot(t *testing.T) {
	for _, returnTo := range []string{"//evil.example", "https://evil.example", `/\evil.example`, "javascript:alert(1)", "/\t/evil.example", ""} {
		t.Run(returnTo, func(t *testing.T) {
			h := newHarness(t, "/demo-idp")
			res, _ := h.callback(t, h.login(t, returnTo, "u-mario"))
			if res.err != nil || res.returnTo != "/" {
				t.Errorf("returnTo = %q, err = %v; want / and no error", res.returnTo, res.err)
			}
		})
	}
}

func TestFinish_StateMustMatchTheLoginCookie(t *testing.T) {
	tamper := map[string]func(h *harness, u *url.URL){
		"state in query changed": func(_ *harness, u *url.URL) {
			q := u.Query()
			q.Set("state", "forged")
			u.RawQuery = q.Encode()
		},
		"cookie garbled": func(h *harness, _ *url.URL) { h.setFlowCookie("garbage!") },
		"cookie of another login": func(h *harness, _ *url.URL) {
			f, _ := decodeFlowState(h.flowCookie(t).Value)
			f.State = "another"
			h.setFlowCookie(f.encode())
		},
		"no cookie": func(h *harness, _ *url.URL) { h.setFlowCookie("") },
		"iss of another provider": func(_ *harness, u *url.URL) {
			q := u.Query()
			q.Set("iss", "https://other.example")
			u.RawQuery = q.Encode()
		},
	}
	for name, change := range tamper {
		t.Run(name, func(t *testing.T) {
			h := newHarness(t, "/demo-idp")
			u := h.login(t, "/x", "u-mario")
			change(h, u)
			if res, _ := h.callback(t, u); !errors.Is(res.err, ErrState) {
				t.Errorf("err = %v, want ErrState", res.err)
			}
		})
	}
}

func TestFinish_DenyButtonGivesErrDenied(t *testing.T) {
	h := newHarness(t, "/demo-idp")
	_, action, id := h.loginPage(t, "/x")
	res, _ := h.callback(t, h.press(t, action, id, "deny", "1"))
	var pe *ProviderError
	if !errors.Is(res.err, ErrDenied) || !errors.As(res.err, &pe) || pe.Code != "access_denied" {
		t.Errorf("err = %v, want ErrDenied with code access_denied", res.err)
	}
	if errors.Is(res.err, ErrProvider) {
		t.Error("a denial is also reported as a provider failure")
	}
}

func TestFinish_ProviderErrorKeepsItsCode(t *testing.T) {
	h := newHarness(t, "/demo-idp")
	u := h.login(t, "/x", "u-mario")
	q := u.Query()
	q.Del("code")
	q.Set("error", "temporarily_unavailable")
	u.RawQuery = q.Encode()
	res, _ := h.callback(t, u)
	var pe *ProviderError
	if !errors.Is(res.err, ErrProvider) || !errors.As(res.err, &pe) || pe.Code != "temporarily_unavailable" {
		t.Errorf("err = %v, want ErrProvider with code temporarily_unavailable", res.err)
	}
}

func TestFinish_ReplayedCodeIsRefused(t *testing.T) {
	h := newHarness(t, "/demo-idp")
	u := h.login(t, "/x", "u-mario")
	cookie := h.flowCookie(t).Value
	if res, _ := h.callback(t, u); res.err != nil {
		t.Fatalf("first callback: %v", res.err)
	}
	if res, _ := h.callback(t, u); !errors.Is(res.err, ErrState) {
		t.Errorf("replay without the cookie: err = %v, want ErrState", res.err)
	}
	h.setFlowCookie(cookie)
	res, _ := h.callback(t, u)
	var pe *ProviderError
	if !errors.Is(res.err, ErrProvider) || !errors.As(res.err, &pe) || pe.Code != "invalid_grant" {
		t.Errorf("replay with the cookie: err = %v, want invalid_grant from the provider", res.err)
	}
}

func TestFinish_NonceMismatchGivesErrToken(t *testing.T) {
	h := newHarness(t, "/demo-idp")
	u := h.login(t, "/x", "u-mario")
	f, err := decodeFlowState(h.flowCookie(t).Value)
	if err != nil {
		t.Fatal(err)
	}
	f.Nonce = "another-nonce"
	h.setFlowCookie(f.encode())
	if res, _ := h.callback(t, u); !errors.Is(res.err, ErrToken) {
		t.Errorf("err = %v, want ErrToken", res.err)
	}
}

func TestFinish_LoginOlderThanTenMinutesGivesErrState(t *testing.T) {
	h := newHarness(t, "/demo-idp")
	u := h.login(t, "/x", "u-mario")
	h.clock.advance(11 * time.Minute)
	if res, _ := h.callback(t, u); !errors.Is(res.err, ErrState) {
		t.Errorf("err = %v, want ErrState", res.err)
	}
}

func TestFinish_ExpiredIDTokenGivesErrToken(t *testing.T) {
	h := newHarness(t, "/demo-idp")
	// The demo provider's ID tokens live 10 minutes; the portal's clock runs
	// 11 minutes ahead for the whole login, so the cookie is fresh.
	h.clock.advance(11 * time.Minute)
	if res, _ := h.callback(t, h.login(t, "/x", "u-mario")); !errors.Is(res.err, ErrToken) {
		t.Errorf("err = %v, want ErrToken", res.err)
	}
}

func TestFinish_NoFiscalNumberAnywhereGivesErrNoFiscalNumber(t *testing.T) {
	h := newHarness(t, "/demo-idp")
	if res, _ := h.callback(t, h.login(t, "/x", "u-anon")); !errors.Is(res.err, ErrNoFiscalNumber) {
		t.Errorf("err = %v, want ErrNoFiscalNumber", res.err)
	}
}

func TestStart_IssuerOtherThanDiscoveredFails(t *testing.T) {
	h := newHarness(t, "/wrong-idp")
	// A provider reachable at /wrong-idp that says its issuer is /elsewhere.
	h.mountProvider(t, "/wrong-idp", h.srv.URL+"/elsewhere", h.srv.URL+"/auth/callback")
	err := h.rp.Start(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/start", nil), "/")
	if !errors.Is(err, ErrDiscovery) {
		t.Errorf("err = %v, want ErrDiscovery", err)
	}
}

func TestStart_ProviderDownThenUpIsRetried(t *testing.T) {
	h := newHarness(t, "/late-idp")
	start := func() error {
		return h.rp.Start(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/start", nil), "/")
	}
	if err := start(); !errors.Is(err, ErrProviderUnavailable) {
		t.Fatalf("provider down: err = %v, want ErrProviderUnavailable", err)
	}
	h.mountProvider(t, "/late-idp", h.srv.URL+"/late-idp", h.srv.URL+"/auth/callback")
	if err := start(); err != nil {
		t.Errorf("provider up: err = %v, want discovery to be retried", err)
	}
}

func findCookie(resp *http.Response, name string) *http.Cookie {
	for _, c := range resp.Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}
