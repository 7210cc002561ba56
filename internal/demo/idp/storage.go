package idp

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
)

// requestTTL is how long an authorization request, and its code, live.
const requestTTL = 10 * time.Minute

var errNotFound = errors.New("not found or expired")

// storage is the in-memory op.Storage of the demo provider. Clients, users
// and the key are fixed at start; requests, codes and tokens change under mu.
type storage struct {
	now     func() time.Time
	clients map[string]*client
	users   map[string]User
	key     *signingKey

	mu       sync.Mutex
	requests map[string]*authRequest
	codes    map[string]string // code → request id
	tokens   map[string]accessToken
}

var (
	_ op.Storage                   = (*storage)(nil)
	_ op.CanSetUserinfoFromRequest = (*storage)(nil)
)

func newStorage(issuer string, clients []Client, users []User, now func() time.Time) (*storage, error) {
	key, err := newSigningKey()
	if err != nil {
		return nil, err
	}
	s := &storage{
		now: now, key: key,
		clients:  map[string]*client{},
		users:    map[string]User{},
		requests: map[string]*authRequest{},
		codes:    map[string]string{},
		tokens:   map[string]accessToken{},
	}
	for _, c := range clients {
		s.clients[c.ID] = &client{Client: c, loginURL: issuer + loginPath}
	}
	for _, u := range users {
		s.users[u.Subject] = u
	}
	return s, nil
}

// CreateAuthRequest stores a validated authorization request. It refuses
// prompt=none (the user must choose) and requests without PKCE S256.
func (s *storage) CreateAuthRequest(_ context.Context, r *oidc.AuthRequest, _ string) (op.AuthRequest, error) {
	if len(r.Prompt) == 1 && r.Prompt[0] == oidc.PromptNone {
		return nil, oidc.ErrLoginRequired()
	}
	if r.CodeChallenge == "" || r.CodeChallengeMethod != oidc.CodeChallengeMethodS256 {
		return nil, oidc.ErrInvalidRequest().WithDescription("PKCE with S256 is required")
	}
	req := newAuthRequest(rand.Text(), r, s.now())
	s.mu.Lock()
	defer s.mu.Unlock()
	s.prune()
	s.requests[req.id] = req
	copied := *req
	return &copied, nil
}

// AuthRequestByID returns a copy of an unexpired request.
func (s *storage) AuthRequestByID(_ context.Context, id string) (op.AuthRequest, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	req, err := s.request(id)
	if err != nil {
		return nil, err
	}
	copied := *req
	return &copied, nil
}

// AuthRequestByCode returns a copy of the completed request of a code; a
// code works once because the exchange deletes its request.
func (s *storage) AuthRequestByCode(ctx context.Context, code string) (op.AuthRequest, error) {
	s.mu.Lock()
	id, ok := s.codes[code]
	s.mu.Unlock()
	if !ok {
		return nil, fmt.Errorf("code: %w", errNotFound)
	}
	return s.AuthRequestByID(ctx, id)
}

// SaveAuthCode links a code to its request.
func (s *storage) SaveAuthCode(_ context.Context, id, code string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.codes[code] = id
	return nil
}

// DeleteAuthRequest forgets a request and its code.
func (s *storage) DeleteAuthRequest(_ context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.deleteRequest(id)
	return nil
}

// complete records the user chosen on the login page.
func (s *storage) complete(id, subject string) error {
	if _, ok := s.users[subject]; !ok {
		return fmt.Errorf("user %q: %w", subject, errNotFound)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	req, err := s.request(id)
	if err != nil {
		return err
	}
	req.subject, req.authTime, req.done = subject, s.now(), true
	return nil
}

// request returns an unexpired request; s.mu must be held.
func (s *storage) request(id string) (*authRequest, error) {
	req, ok := s.requests[id]
	if !ok || s.now().Sub(req.created) > requestTTL {
		return nil, fmt.Errorf("authorization request: %w", errNotFound)
	}
	return req, nil
}

// deleteRequest forgets a request and its codes; s.mu must be held.
func (s *storage) deleteRequest(id string) {
	delete(s.requests, id)
	for code, rid := range s.codes {
		if rid == id {
			delete(s.codes, code)
		}
	}
}

// prune forgets expired requests and tokens; s.mu must be held.
func (s *storage) prune() {
	now := s.now()
	for id, req := range s.requests {
		if now.Sub(req.created) > requestTTL {
			s.deleteRequest(id)
		}
	}
	for id, t := range s.tokens {
		if now.After(t.expires) {
			delete(s.tokens, id)
		}
	}
}

// GetClientByClientID returns a registered client.
func (s *storage) GetClientByClientID(_ context.Context, id string) (op.Client, error) {
	c, ok := s.clients[id]
	if !ok {
		return nil, fmt.Errorf("client %q: %w", id, errNotFound)
	}
	return c, nil
}

// AuthorizeClientIDSecret checks a client's secret in constant time.
func (s *storage) AuthorizeClientIDSecret(_ context.Context, id, secret string) error {
	c, ok := s.clients[id]
	if !ok || subtle.ConstantTimeCompare([]byte(c.Secret), []byte(secret)) != 1 {
		return errors.New("wrong client id or secret")
	}
	return nil
}

// Health reports the storage as always healthy.
func (s *storage) Health(context.Context) error { return nil }
