package idp_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/cassetto-dev/cassetto/internal/demo/idp"
)

func TestDiscovery_AdvertisesEndpointsUnderTheIssuerPath(t *testing.T) {
	e := newEnv(t)
	d := getJSON(t, e.issuer+"/.well-known/openid-configuration")
	if d["issuer"] != e.issuer {
		t.Errorf("issuer = %v, want %s", d["issuer"], e.issuer)
	}
	for _, k := range []string{"authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri"} {
		if s, _ := d[k].(string); !strings.HasPrefix(s, e.issuer+"/") {
			t.Errorf("%s = %v, want under %s/", k, d[k], e.issuer)
		}
	}
	checks := map[string]string{"claims_supported": idp.FiscalNumberClaim, "code_challenge_methods_supported": "S256"}
	for k, want := range checks {
		if !contains(d[k], want) {
			t.Errorf("%s = %v, want it to contain %s", k, d[k], want)
		}
	}
	for _, m := range []string{"client_secret_basic", "client_secret_post"} {
		if !contains(d["token_endpoint_auth_methods_supported"], m) {
			t.Errorf("token_endpoint_auth_methods_supported lacks %s", m)
		}
	}
}

func TestLoginPage_ListsEveryUserAccessiblyWithoutScript(t *testing.T) {
	e := newEnv(t)
	p := e.authorize(t, e.oauth.AuthCodeURL("st", oauth2.S256ChallengeOption(oauth2.GenerateVerifier())))
	hasAll(t, p.body, `<html lang="it">`, "Provider di identità dimostrativo", "SPID", "CIE",
		`name="viewport"`, "<legend>", `name="deny"`, "Annulla / nega il consenso")
	for _, u := range demoUsers {
		hasAll(t, p.body, `name="user" value="`+u.Subject+`"`, u.Label, u.Description)
	}
	if strings.Contains(p.body, "<script") || strings.Contains(p.body, "<style") || strings.Contains(p.body, "style=") {
		t.Error("login page uses a script or inline style (blocked by the portal's CSP)")
	}
	hasAll(t, p.body, `<link rel="stylesheet" href="`+e.issuer+`/login.css">`)
	resp, err := http.Get(e.issuer + "/login.css")
	if err != nil {
		t.Fatal(err)
	}
	if css := readBody(t, resp); resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/css") || !strings.Contains(css, "button") {
		t.Errorf("stylesheet: status %d, type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}

func TestCodeFlow_IDTokenAndUserinfoCarryTheClaims(t *testing.T) {
	for name, style := range map[string]oauth2.AuthStyle{
		"client_secret_basic": oauth2.AuthStyleInHeader,
		"client_secret_post":  oauth2.AuthStyleInParams,
	} {
		t.Run(name, func(t *testing.T) {
			e := newEnv(t)
			e.oauth.Endpoint.AuthStyle = style
			verifier := oauth2.GenerateVerifier()
			code := e.code(t, verifier, "n-123")
			tok, err := e.oauth.Exchange(context.Background(), code, oauth2.VerifierOption(verifier))
			if err != nil {
				t.Fatalf("Exchange: %v", err)
			}
			raw, _ := tok.Extra("id_token").(string)
			idt, err := e.oidc.Verifier(&oidc.Config{ClientID: "portal"}).Verify(context.Background(), raw)
			if err != nil {
				t.Fatalf("ID token: %v", err)
			}
			if idt.Nonce != "n-123" {
				t.Errorf("nonce = %q, want n-123", idt.Nonce)
			}
			var fromToken map[string]any
			_ = idt.Claims(&fromToken)
			checkClaims(t, "ID token", fromToken)
			info, err := e.oidc.UserInfo(context.Background(), oauth2.StaticTokenSource(tok))
			if err != nil {
				t.Fatalf("userinfo: %v", err)
			}
			var fromUserinfo map[string]any
			_ = info.Claims(&fromUserinfo)
			checkClaims(t, "userinfo", fromUserinfo)
		})
	}
}

func checkClaims(t *testing.T, where string, claims map[string]any) {
	t.Helper()
	want := map[string]string{"sub": "u-mario", "fiscal_number": "TINIT-RSSMRA80A01H501U",
		"given_name": "Mario", "family_name": "Rossi", "email": "mario.rossi@example.invalid"}
	for k, v := range want {
		if claims[k] != v {
			t.Errorf("%s: %s = %v, want %s", where, k, claims[k], v)
		}
	}
}

func TestToken_RejectsReplayedCodeWrongVerifierAndWrongSecret(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	verifier := oauth2.GenerateVerifier()

	code := e.code(t, verifier, "n")
	if _, err := e.oauth.Exchange(ctx, code, oauth2.VerifierOption(oauth2.GenerateVerifier())); !isOAuthError(err, "invalid_grant") {
		t.Errorf("wrong verifier: err = %v, want invalid_grant", err)
	}

	code = e.code(t, verifier, "n")
	wrong := *e.oauth
	wrong.ClientSecret = "nope"
	if _, err := wrong.Exchange(ctx, code, oauth2.VerifierOption(verifier)); !isOAuthError(err, "invalid_client") {
		t.Errorf("wrong secret: err = %v, want invalid_client", err)
	}
	if _, err := e.oauth.Exchange(ctx, code, oauth2.VerifierOption(verifier)); err != nil {
		t.Fatalf("first exchange: %v", err)
	}
	if _, err := e.oauth.Exchange(ctx, code, oauth2.VerifierOption(verifier)); !isOAuthError(err, "invalid_grant") {
		t.Errorf("replayed code: err = %v, want invalid_grant", err)
	}
}

func isOAuthError(err error, code string) bool {
	var re *oauth2.RetrieveError
	return errors.As(err, &re) && re.ErrorCode == code
}

func TestDeny_SendsAccessDeniedWithTheStateToTheClient(t *testing.T) {
	e := newEnv(t)
	p := e.authorize(t, e.oauth.AuthCodeURL("st-42", oauth2.S256ChallengeOption(oauth2.GenerateVerifier())))
	q := e.submit(t, p, "deny", "1")
	if q.Get("error") != "access_denied" || q.Get("state") != "st-42" || q.Get("code") != "" {
		t.Errorf("callback query = %v, want error=access_denied, state=st-42, no code", q)
	}
	resp, err := e.browser.PostForm(p.action, url.Values{"id": {p.id}, "user": {"u-mario"}})
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("choosing a user after denying: status %d, want 400", resp.StatusCode)
	}
	readBody(t, resp)
}

func TestAuthorize_RequiresPKCES256(t *testing.T) {
	e := newEnv(t)
	resp, err := e.browser.Get(e.oauth.AuthCodeURL("st"))
	if err != nil {
		t.Fatal(err)
	}
	readBody(t, resp)
	loc, err := resp.Location()
	if err != nil || loc.Query().Get("error") != "invalid_request" {
		t.Errorf("authorize without PKCE: status %d, location %v, want error=invalid_request", resp.StatusCode, loc)
	}
}

func TestAuthorize_RefusesUnregisteredRedirectURI(t *testing.T) {
	e := newEnv(t)
	evil := *e.oauth
	evil.RedirectURL = "https://evil.example/cb"
	resp, err := e.browser.Get(evil.AuthCodeURL("st", oauth2.S256ChallengeOption(oauth2.GenerateVerifier())))
	if err != nil {
		t.Fatal(err)
	}
	readBody(t, resp)
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("status %d, location %q; want 400 and no redirect", resp.StatusCode, resp.Header.Get("Location"))
	}
}

func TestLoginPage_UnknownRequestShowsExpiredPage(t *testing.T) {
	e := newEnv(t)
	resp, err := e.browser.Get(e.issuer + "/login?authRequestID=nope")
	if err != nil {
		t.Fatal(err)
	}
	body := readBody(t, resp)
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "scaduta o non valida") {
		t.Errorf("status %d, body %q; want 400 and the expired page", resp.StatusCode, body)
	}
}

func TestNew_RejectsUnusableConfiguration(t *testing.T) {
	client := idp.Client{ID: "c", Secret: "s", RedirectURIs: []string{"http://127.0.0.1/cb"}}
	user := idp.User{Subject: "u", Label: "U"}
	cases := map[string]struct {
		issuer  string
		clients []idp.Client
		users   []idp.User
	}{
		"no users":          {"http://127.0.0.1/idp", []idp.Client{client}, nil},
		"client no secret":  {"http://127.0.0.1/idp", []idp.Client{{ID: "c", RedirectURIs: client.RedirectURIs}}, []idp.User{user}},
		"duplicate subject": {"http://127.0.0.1/idp", []idp.Client{client}, []idp.User{user, user}},
		"issuer not a URL":  {"127.0.0.1/idp", []idp.Client{client}, []idp.User{user}},
	}
	for name, c := range cases {
		if _, err := idp.New(c.issuer, c.clients, c.users, nil); err == nil {
			t.Errorf("%s: New succeeded, want an error", name)
		}
	}
}
