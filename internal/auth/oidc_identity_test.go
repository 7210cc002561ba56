package auth

import (
	"errors"
	"strings"
	"testing"
)

func TestSafeReturnTo(t *testing.T) {
	cases := map[string]string{
		"/":                    "/",
		"/pratiche?anno=2024":  "/pratiche?anno=2024",
		"/a/b#c":               "/a/b#c",
		"":                     "/",
		"pratiche":             "/",
		"//evil.example":       "/",
		`/\evil.example`:       "/",
		"https://evil.example": "/",
		"/\t/evil.example":     "/",
		"/\n/evil.example":     "/",
	}
	cases["/"+strings.Repeat("a", 1023)] = "/" + strings.Repeat("a", 1023)
	cases["/"+strings.Repeat("a", 1024)] = "/"
	for in, want := range cases {
		if got := SafeReturnTo(in); got != want {
			t.Errorf("SafeReturnTo(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNormalizeCF(t *testing.T) {
	ok := map[string]string{
		"TINIT-RSSMRA80A01H501U": "RSSMRA80A01H501U",
		"tinit-rssmra80a01h501u": "RSSMRA80A01H501U",
		"RSSMRA80A01H501U":       "RSSMRA80A01H501U",
	}
	for in, want := range ok {
		if got, err := normalizeCF(in); err != nil || got != want {
			t.Errorf("normalizeCF(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "TINIT-", "TINIT-RSSMRA80A01H501", "RSSMRA80A01H501U1", "RSSMRA80A01H50-U", "TINIT-RSSMRA80A01H501Ù"} {
		if got, err := normalizeCF(bad); err == nil {
			t.Errorf("normalizeCF(%q) = %q, want an error", bad, got)
		}
	}
}

func TestIdentityFromClaims_AsksUserinfoOnlyWhenTheIDTokenLacksTheCF(t *testing.T) {
	calls := 0
	userinfo := func(claims map[string]any) func() (map[string]any, error) {
		return func() (map[string]any, error) { calls++; return claims, nil }
	}

	id, err := identityFromClaims("s1", map[string]any{"fiscal_number": "TINIT-RSSMRA80A01H501U"}, "fiscal_number", userinfo(nil))
	if err != nil || id.CodiceFiscale != "RSSMRA80A01H501U" || calls != 0 {
		t.Errorf("CF in the ID token: %+v, %v, %d userinfo calls; want no call", id, err, calls)
	}

	id, err = identityFromClaims("s1", map[string]any{"given_name": "Mario"}, "fiscal_number",
		userinfo(map[string]any{"sub": "s1", "fiscal_number": "TINIT-RSSMRA80A01H501U", "given_name": "Other", "family_name": "Rossi"}))
	want := Identity{Subject: "s1", CodiceFiscale: "RSSMRA80A01H501U", GivenName: "Mario", FamilyName: "Rossi"}
	if err != nil || id != want || calls != 1 {
		t.Errorf("CF in userinfo: %+v, %v; want %+v (ID token claims win)", id, err, want)
	}

	_, err = identityFromClaims("s1", map[string]any{}, "fiscal_number",
		userinfo(map[string]any{"sub": "s2", "fiscal_number": "TINIT-RSSMRA80A01H501U"}))
	if !errors.Is(err, ErrToken) {
		t.Errorf("userinfo about another subject: err = %v, want ErrToken", err)
	}

	_, err = identityFromClaims("s1", map[string]any{"cf": "TINIT-123"}, "cf", userinfo(nil))
	if !errors.Is(err, ErrNoFiscalNumber) {
		t.Errorf("malformed CF: err = %v, want ErrNoFiscalNumber", err)
	}
}
