// Package idp is the embedded demo identity provider: a real OpenID Connect
// provider (github.com/zitadel/oidc/v3/pkg/op) with in-memory storage, whose
// login page lists the demo identities instead of asking for SPID or CIE
// credentials. The portal logs in against it with the same relying-party code
// it uses against a real provider, so demo, tests and production share one
// login path.
//
// It supports the authorization code flow with PKCE (S256 is required),
// client_secret_basic and client_secret_post, and puts the codice fiscale in
// the fiscal_number claim as "TINIT-<CF>", as SPID and CIE providers do, in
// both the ID token and the userinfo response. It issues no refresh tokens.
// Everything is lost at restart, including the signing key, which is fine
// for a demo and nothing else.
package idp
