package web

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/cassetto-dev/cassetto/internal/audit"
	"github.com/cassetto-dev/cassetto/internal/auth"
	"github.com/cassetto-dev/cassetto/internal/blob"
	"github.com/cassetto-dev/cassetto/internal/cases"
	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/session"
	"github.com/cassetto-dev/cassetto/internal/staff"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// OIDCLogin is the login with a digital identity (auth.RelyingParty).
type OIDCLogin interface {
	Start(w http.ResponseWriter, r *http.Request, returnTo string) error
	Finish(w http.ResponseWriter, r *http.Request) (auth.Identity, string, error)
}

// Deps are the server's dependencies, wired by the cli package.
type Deps struct {
	Site     Site
	DB       *store.DB // for readiness checks and access facts
	Registry registry.Store
	Audit    audit.Store
	// Delegations answers the profile and position pickers (store.Registry).
	Delegations interface {
		HasOwnPositions(ctx context.Context, personID int64) (bool, error)
		IsIntermediary(ctx context.Context, personID int64) (bool, error)
		DelegatedPositions(ctx context.Context, personID int64, day civil.Date) ([]registry.PositionView, error)
	}
	// Ledger reads dues, payments and notices for the consultation pages.
	Ledger *store.LedgerReader
	// Params are the yearly contribution parameters (contrib.Default or
	// the operator's additions).
	Params   *contrib.Params
	Sessions *session.Manager
	OIDC     OIDCLogin       // nil when no provider is configured
	Staff    *staff.Accounts // local staff accounts
	StaffDir staff.Store     // staff lookups (login with a digital identity)
	Assets   Assets
	Logger   *slog.Logger
	Now      func() time.Time
	Metrics  prometheus.Registerer
	Gatherer prometheus.Gatherer
	Extra    map[string]http.Handler // extra mounts by path prefix (the demo identity provider)
	Secure   bool                    // served over HTTPS: HSTS
	BaseURL  string                  // public URL of the portal, for absolute links (feeds)
	// Blobs keeps uploaded documents (scanned paper delegations); nil: uploads are refused.
	Blobs blob.Store
	// DelegationInviteDays is how long an invitation waits for the intermediary (0: 30 days).
	DelegationInviteDays int
	// Cases are the settings of the requests' lifecycle (reopening window,
	// attachment limits); zero: cases.DefaultConfig.
	Cases cases.Config
	// BenchBaseline adds the baseline routes of `cassetto bench` (routes_bench.go).
	BenchBaseline bool
	// MaxInFlight is how many requests run at once; the others wait (0: no limit).
	MaxInFlight int
}

// Server is the HTML server.
type Server struct {
	Deps
	pages   pages
	catalog *Catalog
	site    Site
	metrics *metrics
	handler http.Handler
	buffers bufferPool // the pages' render buffers
}

// New parses the templates and messages and builds the handler; it fails at
// start on any template, message or route error.
func New(d Deps) (*Server, error) {
	s := &Server{Deps: d, site: d.Site}
	var err error
	if s.catalog, err = NewCatalog(); err != nil {
		return nil, err
	}
	if s.pages, err = parsePages(d.Assets, s.catalog); err != nil {
		return nil, err
	}
	if s.metrics, err = newMetrics(d.Metrics); err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	for _, rt := range s.routes() {
		mux.Handle(rt.pattern, s.gate(rt))
	}
	mux.Handle("GET /static/", d.Assets.Handler())
	for prefix, h := range d.Extra {
		mux.Handle(prefix, h)
	}
	s.handler = limitInFlight(s.middleware(mux), d.MaxInFlight)
	return s, nil
}

// ServeHTTP serves a request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }
