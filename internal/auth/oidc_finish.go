package auth

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"net/http"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// Finish completes a login at the callback. It deletes the login cookie,
// checks the state (and the iss parameter, when the provider sends it),
// handles an error sent by the provider, exchanges the code with the PKCE
// verifier, verifies the ID token (signature, issuer, audience = client id,
// expiry, nonce) and returns the Identity.
//
// returnTo is the local path given to Start, or "/" when the login cookie
// is missing; it is returned with errors too, so a page can offer to retry.
// Errors wrap ErrState, ErrDenied, ErrProvider (with a *ProviderError),
// ErrProviderUnavailable, ErrDiscovery, ErrToken or ErrNoFiscalNumber.
func (rp *RelyingParty) Finish(w http.ResponseWriter, r *http.Request) (Identity, string, error) {
	rp.clearFlowCookie(w)
	w.Header().Set("Cache-Control", "no-store")
	f, err := rp.readFlowCookie(r)
	if err != nil {
		return Identity{}, "/", err
	}
	q := r.URL.Query()
	if subtle.ConstantTimeCompare([]byte(q.Get("state")), []byte(f.State)) != 1 {
		return Identity{}, f.ReturnTo, fmt.Errorf("%w: state does not match the login cookie", ErrState)
	}
	if q.Has("iss") && q.Get("iss") != rp.cfg.Issuer { // RFC 9207, against mix-up
		return Identity{}, f.ReturnTo, fmt.Errorf("%w: response from issuer %q", ErrState, q.Get("iss"))
	}
	if code := q.Get("error"); code != "" {
		return Identity{}, f.ReturnTo, &ProviderError{Code: code, Description: q.Get("error_description")}
	}
	if q.Get("code") == "" {
		return Identity{}, f.ReturnTo, fmt.Errorf("%w: callback without code", ErrProvider)
	}
	id, err := rp.redeem(r.Context(), q.Get("code"), f)
	return id, f.ReturnTo, err
}

// redeem exchanges the code and turns the tokens into an Identity.
func (rp *RelyingParty) redeem(ctx context.Context, code string, f flowState) (Identity, error) {
	d, err := rp.discover(ctx)
	if err != nil {
		return Identity{}, err
	}
	ctx = rp.context(ctx)
	tok, err := d.oauth.Exchange(ctx, code, oauth2.VerifierOption(f.Verifier))
	if err != nil {
		return Identity{}, exchangeError(err)
	}
	idt, err := rp.verifyIDToken(ctx, d, tok, f.Nonce)
	if err != nil {
		return Identity{}, err
	}
	var claims map[string]any
	if err := idt.Claims(&claims); err != nil {
		return Identity{}, fmt.Errorf("%w: claims: %w", ErrToken, err)
	}
	userinfo := func() (map[string]any, error) { return fetchUserinfo(ctx, d.provider, tok) }
	return identityFromClaims(idt.Subject, claims, rp.cfg.CFClaim, userinfo)
}

// exchangeError classifies a failed code exchange: an OAuth error from the
// token endpoint is a *ProviderError, anything else means unreachable.
func exchangeError(err error) error {
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) {
		return fmt.Errorf("%w: token endpoint: %w", ErrProviderUnavailable, err)
	}
	if re.ErrorCode == "" {
		return fmt.Errorf("%w: token endpoint answered %s", ErrProviderUnavailable, re.Response.Status)
	}
	return fmt.Errorf("token endpoint: %w", &ProviderError{Code: re.ErrorCode, Description: re.ErrorDescription})
}

// verifyIDToken checks the ID token of tok with go-oidc, then its nonce and,
// when present, its access token hash.
func (rp *RelyingParty) verifyIDToken(ctx context.Context, d *discovered, tok *oauth2.Token, nonce string) (*oidc.IDToken, error) {
	raw, ok := tok.Extra("id_token").(string)
	if !ok || raw == "" {
		return nil, fmt.Errorf("%w: token response without id_token", ErrToken)
	}
	idt, err := d.verifier.Verify(ctx, raw)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrToken, err)
	}
	if subtle.ConstantTimeCompare([]byte(idt.Nonce), []byte(nonce)) != 1 {
		return nil, fmt.Errorf("%w: nonce does not match the login", ErrToken)
	}
	if idt.AccessTokenHash != "" {
		if err := idt.VerifyAccessToken(tok.AccessToken); err != nil {
			return nil, fmt.Errorf("%w: %w", ErrToken, err)
		}
	}
	return idt, nil
}

// fetchUserinfo returns the claims of the userinfo endpoint.
func fetchUserinfo(ctx context.Context, p *oidc.Provider, tok *oauth2.Token) (map[string]any, error) {
	info, err := p.UserInfo(ctx, oauth2.StaticTokenSource(tok))
	if err != nil {
		return nil, fmt.Errorf("%w: userinfo: %w", ErrProvider, err)
	}
	var claims map[string]any
	if err := info.Claims(&claims); err != nil {
		return nil, fmt.Errorf("%w: userinfo claims: %w", ErrProvider, err)
	}
	return claims, nil
}
