package idp

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
)

// accessTokenTTL is how long an access token opens the userinfo endpoint.
const accessTokenTTL = 5 * time.Minute

var errUnsupported = errors.New("not supported by the demo identity provider")

// accessToken is what an opaque access token stands for.
type accessToken struct {
	subject, clientID string
	expires           time.Time
}

// CreateAccessToken stores an access token for the code flow.
func (s *storage) CreateAccessToken(_ context.Context, r op.TokenRequest) (string, time.Time, error) {
	t := accessToken{subject: r.GetSubject(), expires: s.now().Add(accessTokenTTL)}
	if req, ok := r.(*authRequest); ok {
		t.clientID = req.clientID
	}
	id := rand.Text()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tokens[id] = t
	return id, t.expires, nil
}

// CreateAccessAndRefreshTokens is not supported: no refresh tokens.
func (s *storage) CreateAccessAndRefreshTokens(context.Context, op.TokenRequest, string) (string, string, time.Time, error) {
	return "", "", time.Time{}, fmt.Errorf("refresh tokens: %w", errUnsupported)
}

// TokenRequestByRefreshToken is not supported: no refresh tokens.
func (s *storage) TokenRequestByRefreshToken(context.Context, string) (op.RefreshTokenRequest, error) {
	return nil, op.ErrInvalidRefreshToken
}

// GetRefreshTokenInfo is not supported: no refresh tokens.
func (s *storage) GetRefreshTokenInfo(context.Context, string, string) (string, string, error) {
	return "", "", op.ErrInvalidRefreshToken
}

// TerminateSession forgets the access tokens of a user at a client.
func (s *storage) TerminateSession(_ context.Context, subject, clientID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, t := range s.tokens {
		if t.subject == subject && t.clientID == clientID {
			delete(s.tokens, id)
		}
	}
	return nil
}

// RevokeToken forgets an access token of the client.
func (s *storage) RevokeToken(_ context.Context, tokenID, _, clientID string) *oidc.Error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if t, ok := s.tokens[tokenID]; ok && t.clientID != clientID {
		return oidc.ErrInvalidClient().WithDescription("token was not issued to this client")
	}
	delete(s.tokens, tokenID)
	return nil
}

// SetUserinfoFromScopes is deprecated in op and left empty;
// SetUserinfoFromRequest fills the ID token.
func (s *storage) SetUserinfoFromScopes(context.Context, *oidc.UserInfo, string, string, []string) error {
	return nil
}

// SetUserinfoFromRequest fills the claims of the ID token.
func (s *storage) SetUserinfoFromRequest(_ context.Context, info *oidc.UserInfo, r op.IDTokenRequest, _ []string) error {
	return s.fillUserinfo(info, r.GetSubject())
}

// SetUserinfoFromToken fills the userinfo response of a valid access token.
func (s *storage) SetUserinfoFromToken(_ context.Context, info *oidc.UserInfo, tokenID, subject, _ string) error {
	if _, err := s.token(tokenID, subject); err != nil {
		return err
	}
	return s.fillUserinfo(info, subject)
}

// SetIntrospectionFromToken describes a valid access token of the client.
func (s *storage) SetIntrospectionFromToken(_ context.Context, resp *oidc.IntrospectionResponse, tokenID, subject, clientID string) error {
	t, err := s.token(tokenID, subject)
	if err != nil || t.clientID != clientID {
		return errors.New("token is not valid for this client")
	}
	info := new(oidc.UserInfo)
	if err := s.fillUserinfo(info, subject); err != nil {
		return err
	}
	resp.SetUserInfo(info)
	resp.ClientID = t.clientID
	resp.Expiration = oidc.FromTime(t.expires)
	return nil
}

// token returns an unexpired access token of subject.
func (s *storage) token(id, subject string) (accessToken, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.tokens[id]
	if !ok || t.subject != subject || s.now().After(t.expires) {
		return accessToken{}, fmt.Errorf("access token: %w", errNotFound)
	}
	return t, nil
}

// fillUserinfo sets the claims of a user: sub, names, e-mail and the
// codice fiscale as fiscal_number "TINIT-<CF>". The demo releases every
// claim whatever the scopes, as a SPID provider releases what it was asked.
func (s *storage) fillUserinfo(info *oidc.UserInfo, subject string) error {
	u, ok := s.users[subject]
	if !ok {
		return fmt.Errorf("user %q: %w", subject, errNotFound)
	}
	info.Subject = u.Subject
	info.GivenName, info.FamilyName = u.GivenName, u.FamilyName
	info.Name = u.GivenName + " " + u.FamilyName
	info.Email = u.Email
	if u.CodiceFiscale != "" {
		info.AppendClaims(FiscalNumberClaim, "TINIT-"+u.CodiceFiscale)
	}
	return nil
}

// GetPrivateClaimsFromScopes adds no claims to access tokens.
func (s *storage) GetPrivateClaimsFromScopes(context.Context, string, string, []string) (map[string]any, error) {
	return nil, nil
}

// GetKeyByIDAndClientID is not supported: no private_key_jwt or JWT profile.
func (s *storage) GetKeyByIDAndClientID(context.Context, string, string) (*jose.JSONWebKey, error) {
	return nil, fmt.Errorf("client keys: %w", errUnsupported)
}

// ValidateJWTProfileScopes is not supported: no JWT profile grant.
func (s *storage) ValidateJWTProfileScopes(context.Context, string, []string) ([]string, error) {
	return nil, fmt.Errorf("JWT profile grant: %w", errUnsupported)
}
