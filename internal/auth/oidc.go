package auth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// DefaultCFClaim is the claim carrying the codice fiscale when RPConfig
// names none: SPID and CIE send it as fiscal_number "TINIT-<CF>".
const DefaultCFClaim = "fiscal_number"

// RPConfig configures the relying party.
type RPConfig struct {
	Issuer        string   // provider's issuer URL, exactly as in its discovery document
	ClientID      string   // client id registered at the provider
	ClientSecret  string   // client secret (client_secret_basic or _post)
	RedirectURL   string   // absolute callback URL, BASE_URL/auth/callback
	Scopes        []string // scopes to ask; "openid" is always added
	CFClaim       string   // claim carrying the codice fiscale; default DefaultCFClaim
	SecureCookies bool     // mark the login cookie Secure (HTTPS deployments)
}

// RelyingParty logs users in with the authorization code flow and PKCE
// against one OpenID Connect provider. Discovery is lazy: it runs at the
// first Start or Finish and is cached after it succeeds, so the portal
// starts while the provider is down and may serve the provider itself.
// It is safe for concurrent use.
type RelyingParty struct {
	cfg        RPConfig
	client     *http.Client
	now        func() time.Time
	cookiePath string

	mu   sync.Mutex
	disc *discovered
}

// discovered is what discovery yields.
type discovered struct {
	provider *oidc.Provider
	oauth    *oauth2.Config
	verifier *oidc.IDTokenVerifier
}

// NewRelyingParty returns a relying party. client makes the calls to the
// provider (nil: a client with a 10 s timeout); now is the clock (nil:
// time.Now). It does not contact the provider.
func NewRelyingParty(cfg RPConfig, client *http.Client, now func() time.Time) *RelyingParty {
	if client == nil {
		client = &http.Client{Timeout: 10 * time.Second}
	}
	if now == nil {
		now = time.Now
	}
	if cfg.CFClaim == "" {
		cfg.CFClaim = DefaultCFClaim
	}
	if !slices.Contains(cfg.Scopes, oidc.ScopeOpenID) {
		cfg.Scopes = append([]string{oidc.ScopeOpenID}, cfg.Scopes...)
	}
	path := "/"
	if u, err := url.Parse(cfg.RedirectURL); err == nil && u.Path != "" {
		path = u.Path
	}
	return &RelyingParty{cfg: cfg, client: client, now: now, cookiePath: path}
}

// context returns ctx carrying the relying party's HTTP client for go-oidc
// and oauth2.
func (rp *RelyingParty) context(ctx context.Context) context.Context {
	return oidc.ClientContext(ctx, rp.client)
}

// discover returns the provider's configuration, fetching it if it is not
// cached yet. Failures are not cached: the next call tries again.
func (rp *RelyingParty) discover(ctx context.Context) (*discovered, error) {
	rp.mu.Lock()
	defer rp.mu.Unlock()
	if rp.disc != nil {
		return rp.disc, nil
	}
	if rp.cfg.Issuer == "" {
		return nil, fmt.Errorf("%w: no issuer configured", ErrDiscovery)
	}
	p, err := oidc.NewProvider(rp.context(ctx), rp.cfg.Issuer)
	if mismatch := (*oidc.IssuerMismatchError)(nil); errors.As(err, &mismatch) {
		return nil, fmt.Errorf("%w: %w", ErrDiscovery, err)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: discovery of %s: %w", ErrProviderUnavailable, rp.cfg.Issuer, err)
	}
	rp.disc = &discovered{
		provider: p,
		oauth: &oauth2.Config{
			ClientID:     rp.cfg.ClientID,
			ClientSecret: rp.cfg.ClientSecret,
			RedirectURL:  rp.cfg.RedirectURL,
			Endpoint:     p.Endpoint(),
			Scopes:       rp.cfg.Scopes,
		},
		verifier: p.Verifier(&oidc.Config{ClientID: rp.cfg.ClientID, Now: rp.now}),
	}
	return rp.disc, nil
}
