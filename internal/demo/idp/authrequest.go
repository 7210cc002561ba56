package idp

import (
	"log/slog"
	"time"

	"github.com/zitadel/oidc/v3/pkg/oidc"
)

// authRequest is an authorization request between /authorize and the token
// exchange. It implements op.AuthRequest. The storage hands out copies, so
// the getters never race with the login page completing the request.
type authRequest struct {
	id           string
	clientID     string
	redirectURI  string
	state        string
	nonce        string
	scopes       []string
	responseType oidc.ResponseType
	responseMode oidc.ResponseMode
	challenge    *oidc.CodeChallenge
	created      time.Time

	subject  string // chosen on the login page
	authTime time.Time
	done     bool
}

func newAuthRequest(id string, r *oidc.AuthRequest, now time.Time) *authRequest {
	return &authRequest{
		id:           id,
		clientID:     r.ClientID,
		redirectURI:  r.RedirectURI,
		state:        r.State,
		nonce:        r.Nonce,
		scopes:       r.Scopes,
		responseType: r.ResponseType,
		responseMode: r.ResponseMode,
		challenge: &oidc.CodeChallenge{
			Challenge: r.CodeChallenge,
			Method:    r.CodeChallengeMethod,
		},
		created: now,
	}
}

// LogValue keeps state and nonce out of the logs of the op library.
func (a *authRequest) LogValue() slog.Value {
	return slog.GroupValue(slog.String("id", a.id), slog.String("client_id", a.clientID),
		slog.String("redirect_uri", a.redirectURI))
}

// GetID returns the request id.
func (a *authRequest) GetID() string { return a.id }

// GetACR returns no authentication context class.
func (a *authRequest) GetACR() string { return "" }

// GetAMR returns no authentication methods.
func (a *authRequest) GetAMR() []string { return nil }

// GetAudience returns the client id: tokens are for the client only.
func (a *authRequest) GetAudience() []string { return []string{a.clientID} }

// GetAuthTime returns when the user chose an identity.
func (a *authRequest) GetAuthTime() time.Time { return a.authTime }

// GetClientID returns the client id.
func (a *authRequest) GetClientID() string { return a.clientID }

// GetCodeChallenge returns the PKCE challenge.
func (a *authRequest) GetCodeChallenge() *oidc.CodeChallenge { return a.challenge }

// GetNonce returns the nonce to put in the ID token.
func (a *authRequest) GetNonce() string { return a.nonce }

// GetRedirectURI returns the client's redirect URI.
func (a *authRequest) GetRedirectURI() string { return a.redirectURI }

// GetResponseType returns the response type.
func (a *authRequest) GetResponseType() oidc.ResponseType { return a.responseType }

// GetResponseMode returns the response mode.
func (a *authRequest) GetResponseMode() oidc.ResponseMode { return a.responseMode }

// GetScopes returns the requested scopes.
func (a *authRequest) GetScopes() []string { return a.scopes }

// GetState returns the client's state.
func (a *authRequest) GetState() string { return a.state }

// GetSubject returns the chosen user.
func (a *authRequest) GetSubject() string { return a.subject }

// Done reports whether the user chose an identity.
func (a *authRequest) Done() bool { return a.done }
