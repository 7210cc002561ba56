package idp

import (
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/zitadel/oidc/v3/pkg/op"
	"golang.org/x/text/language"
)

// FiscalNumberClaim is the claim that carries the codice fiscale, prefixed
// with "TINIT-", in the ID token and the userinfo response.
const FiscalNumberClaim = "fiscal_number"

// User is a demo identity offered on the login page.
type User struct {
	Subject       string // stable "sub" claim; required and unique
	CodiceFiscale string // sent as fiscal_number "TINIT-<CF>"
	GivenName     string
	FamilyName    string
	Email         string
	Label         string // headline of the button, e.g. "Titolare artigiano"
	Description   string // second line, e.g. "Mario Rossi — posizione AR 10000001"
}

// Client is a relying party registered at the demo provider. It
// authenticates at the token endpoint with its secret (client_secret_basic
// or client_secret_post) and may only be sent back to one of RedirectURIs,
// compared exactly.
type Client struct {
	ID           string
	Secret       string
	RedirectURIs []string
}

// New returns the HTTP handler of a demo provider whose issuer is issuer
// (for instance http://127.0.0.1:8080/demo-idp; http is allowed).
//
// The handler serves the provider's paths relative to the issuer
// (/.well-known/openid-configuration, /authorize, /oauth/token, /userinfo,
// /keys, /login, …), and the discovery document advertises absolute URLs
// built from the issuer. When the issuer has a path, mount the handler
// under that path with the prefix stripped:
//
//	mux.Handle("/demo-idp/", http.StripPrefix("/demo-idp", h))
//
// When the issuer has no path, mount it at "/" of its own server. The issuer
// must be the URL at which browsers and the relying party reach the handler.
//
// logger receives the demo logins and page errors; nil discards them. The op
// library itself logs protocol errors through slog.Default.
func New(issuer string, clients []Client, users []User, logger *slog.Logger) (http.Handler, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	issuer = strings.TrimRight(issuer, "/")
	if err := validate(clients, users); err != nil {
		return nil, fmt.Errorf("demo identity provider: %w", err)
	}
	store, err := newStorage(issuer, clients, users, time.Now)
	if err != nil {
		return nil, fmt.Errorf("demo identity provider: %w", err)
	}
	provider, err := newProvider(issuer, store)
	if err != nil {
		return nil, fmt.Errorf("demo identity provider: %w", err)
	}
	page, err := newLoginPage(issuer, store, provider, users, logger)
	if err != nil {
		return nil, fmt.Errorf("demo identity provider: %w", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+loginPath, page.show)
	mux.HandleFunc("GET "+cssPath, page.stylesheet)
	submit := op.NewIssuerInterceptor(provider.IssuerFromRequest).HandlerFunc(page.submit)
	mux.Handle("POST "+loginPath, http.NewCrossOriginProtection().Handler(submit))
	mux.Handle("/", provider)
	return mux, nil
}

// newProvider configures the op provider: code flow, PKCE S256, secret by
// basic auth or form post, the fiscal_number claim in discovery, http
// issuers allowed, and a random key for the encrypted codes and tokens.
func newProvider(issuer string, store *storage) (*op.Provider, error) {
	var key [32]byte
	if _, err := rand.Read(key[:]); err != nil {
		return nil, fmt.Errorf("token encryption key: %w", err)
	}
	cfg := &op.Config{
		CryptoKey:          key,
		CryptoKeyId:        "demo",
		CodeMethodS256:     true,
		AuthMethodPost:     true,
		SupportedUILocales: []language.Tag{language.Italian, language.English},
		SupportedClaims:    append(slices.Clone(op.DefaultSupportedClaims), FiscalNumberClaim),
	}
	p, err := op.NewProvider(cfg, store, op.StaticIssuer(issuer), op.WithAllowInsecure())
	if err != nil {
		return nil, fmt.Errorf("provider for issuer %q: %w", issuer, err)
	}
	return p, nil
}

// validate checks that every client and user can be used.
func validate(clients []Client, users []User) error {
	if len(clients) == 0 || len(users) == 0 {
		return errors.New("at least one client and one user are required")
	}
	seen := map[string]bool{}
	for _, c := range clients {
		if c.ID == "" || c.Secret == "" || len(c.RedirectURIs) == 0 {
			return fmt.Errorf("client %q: id, secret and a redirect URI are required", c.ID)
		}
		if seen["client "+c.ID] {
			return fmt.Errorf("client %q: duplicate id", c.ID)
		}
		seen["client "+c.ID] = true
	}
	for _, u := range users {
		if u.Subject == "" || u.Label == "" {
			return fmt.Errorf("user %q: subject and label are required", u.Subject)
		}
		if seen["user "+u.Subject] {
			return fmt.Errorf("user %q: duplicate subject", u.Subject)
		}
		seen["user "+u.Subject] = true
	}
	return nil
}
