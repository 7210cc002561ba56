package idp

import (
	"time"

	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
)

// client adapts a Client to op.Client: a confidential web application using
// the code flow, whose ID token carries the user's claims.
type client struct {
	Client
	loginURL string // absolute URL of the login page, without the query
}

// GetID returns the client id.
func (c *client) GetID() string { return c.ID }

// RedirectURIs returns the registered redirect URIs.
func (c *client) RedirectURIs() []string { return c.Client.RedirectURIs }

// PostLogoutRedirectURIs returns none.
func (c *client) PostLogoutRedirectURIs() []string { return nil }

// ApplicationType returns web: a confidential client on a server.
func (c *client) ApplicationType() op.ApplicationType { return op.ApplicationTypeWeb }

// AuthMethod returns client_secret_basic; client_secret_post is accepted too.
func (c *client) AuthMethod() oidc.AuthMethod { return oidc.AuthMethodBasic }

// ResponseTypes returns the code flow only.
func (c *client) ResponseTypes() []oidc.ResponseType {
	return []oidc.ResponseType{oidc.ResponseTypeCode}
}

// GrantTypes returns the authorization code grant only.
func (c *client) GrantTypes() []oidc.GrantType { return []oidc.GrantType{oidc.GrantTypeCode} }

// LoginURL returns the login page of the request id.
func (c *client) LoginURL(id string) string { return c.loginURL + "?authRequestID=" + id }

// AccessTokenType returns opaque bearer tokens.
func (c *client) AccessTokenType() op.AccessTokenType { return op.AccessTokenTypeBearer }

// IDTokenLifetime returns how long ID tokens are valid.
func (c *client) IDTokenLifetime() time.Duration { return 10 * time.Minute }

// DevMode returns false: redirect URIs are compared exactly.
func (c *client) DevMode() bool { return false }

// RestrictAdditionalIdTokenScopes keeps the scopes as requested.
func (c *client) RestrictAdditionalIdTokenScopes() func([]string) []string {
	return func(scopes []string) []string { return scopes }
}

// RestrictAdditionalAccessTokenScopes keeps the scopes as requested.
func (c *client) RestrictAdditionalAccessTokenScopes() func([]string) []string {
	return func(scopes []string) []string { return scopes }
}

// IsScopeAllowed allows no scope beyond the standard ones.
func (c *client) IsScopeAllowed(string) bool { return false }

// IDTokenUserinfoClaimsAssertion returns true: the ID token carries the
// user's claims (fiscal_number, names, e-mail), not only the userinfo.
func (c *client) IDTokenUserinfoClaimsAssertion() bool { return true }

// ClockSkew returns no skew.
func (c *client) ClockSkew() time.Duration { return 0 }
