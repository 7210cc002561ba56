package idp

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"fmt"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/zitadel/oidc/v3/pkg/op"
)

// signingKey is the RSA key that signs ID tokens, generated at start.
// It implements op.SigningKey; publicKey implements op.Key.
type signingKey struct {
	id  string
	key *rsa.PrivateKey
}

type publicKey struct{ *signingKey }

func newSigningKey() (*signingKey, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, fmt.Errorf("signing key: %w", err)
	}
	return &signingKey{id: rand.Text(), key: key}, nil
}

// SignatureAlgorithm returns RS256.
func (k *signingKey) SignatureAlgorithm() jose.SignatureAlgorithm { return jose.RS256 }

// Key returns the private key.
func (k *signingKey) Key() any { return k.key }

// ID returns the key id.
func (k *signingKey) ID() string { return k.id }

// Algorithm returns RS256.
func (k publicKey) Algorithm() jose.SignatureAlgorithm { return jose.RS256 }

// Use returns "sig".
func (k publicKey) Use() string { return "sig" }

// Key returns the public key.
func (k publicKey) Key() any { return &k.key.PublicKey }

// SigningKey returns the key that signs ID tokens.
func (s *storage) SigningKey(context.Context) (op.SigningKey, error) { return s.key, nil }

// SignatureAlgorithms returns RS256.
func (s *storage) SignatureAlgorithms(context.Context) ([]jose.SignatureAlgorithm, error) {
	return []jose.SignatureAlgorithm{jose.RS256}, nil
}

// KeySet returns the public key published at /keys.
func (s *storage) KeySet(context.Context) ([]op.Key, error) {
	return []op.Key{publicKey{s.key}}, nil
}
