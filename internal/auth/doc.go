// Package auth is authentication: the OpenID Connect relying party, sessions
// and the checks that a request comes from a logged-in user.
//
// The relying party (RelyingParty) logs citizens in against any configured
// OpenID Connect provider (SPID/CIE gateways in production, the embedded demo
// provider otherwise) with the authorization code flow and PKCE, and turns
// the verified ID token into an Identity carrying the codice fiscale.
package auth
