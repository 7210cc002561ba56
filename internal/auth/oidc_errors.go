package auth

import (
	"errors"
	"fmt"
)

// The errors of the login, wrapped with %w so the web layer can tell them
// apart with errors.Is and show a clear page for each.
var (
	// ErrState: the login cookie is missing, expired or does not match the
	// state in the callback (an old tab, a forged callback, cookies off).
	ErrState = errors.New("auth: login state missing, expired or not matching")
	// ErrDenied: the user cancelled or denied consent at the provider.
	ErrDenied = errors.New("auth: the user denied consent at the identity provider")
	// ErrProvider: the provider answered with an error (see ProviderError).
	ErrProvider = errors.New("auth: the identity provider returned an error")
	// ErrProviderUnavailable: the provider could not be reached, or did not
	// serve its discovery document or token endpoint.
	ErrProviderUnavailable = errors.New("auth: the identity provider is unavailable")
	// ErrDiscovery: the provider's discovery document names another issuer
	// than the configured one, or the issuer is not configured.
	ErrDiscovery = errors.New("auth: the identity provider's configuration does not match")
	// ErrToken: the ID token is missing or invalid (signature, issuer,
	// audience, expiry, nonce, access token hash, userinfo subject).
	ErrToken = errors.New("auth: the ID token is not valid")
	// ErrNoFiscalNumber: neither the ID token nor the userinfo carry a
	// well-formed codice fiscale in the configured claim.
	ErrNoFiscalNumber = errors.New("auth: the identity provider sent no valid codice fiscale")
)

// ProviderError is an OAuth error code returned by the provider, at the
// callback or at the token endpoint. It unwraps to ErrDenied for
// access_denied and to ErrProvider otherwise. Description is the provider's
// text: untrusted, for logs rather than for users.
type ProviderError struct {
	Code        string
	Description string
}

// Error describes the provider's error.
func (e *ProviderError) Error() string {
	return fmt.Sprintf("auth: identity provider error %q: %s", e.Code, e.Description)
}

// Unwrap returns ErrDenied or ErrProvider.
func (e *ProviderError) Unwrap() error {
	if e.Code == "access_denied" {
		return ErrDenied
	}
	return ErrProvider
}
