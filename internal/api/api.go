package api

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/audit"
	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// Prefix is where the API is mounted.
const Prefix = "/api/v1"

// DefaultRate is the default number of requests per minute of one token.
const DefaultRate = 120

// Deps are the API's dependencies, wired by the cli package.
type Deps struct {
	DB          *store.DB // access facts and the caller's delegations
	Registry    *store.Registry
	Ledger      *store.LedgerReader
	Audit       audit.Store
	Tokens      *store.APITokens
	Params      *contrib.Params
	Institution string // the author of the PDF documents
	Logger      *slog.Logger
	Now         func() time.Time
	RatePerMin  int // requests per minute per token; 0 means DefaultRate
}

// API is the http.Handler of /api/v1/.
type API struct {
	Deps
	limiter *limiter
	mux     *http.ServeMux
}

// route is one endpoint: its pattern (under Prefix), the action the access
// policy must allow, what the access log says of it, and the handler.
type route struct {
	pattern string
	action  access.Action
	detail  string
	handler func(w http.ResponseWriter, r *http.Request, c *call)
}

// routes is the route map of the API.
func (a *API) routes() []route {
	return []route{
		{"GET /positions", access.CitizenOnly, "", a.listPositions},
		{"GET /positions/{number}", access.ViewPosition, "API: anagrafica", a.getPosition},
		{"GET /positions/{number}/balance", access.ViewPosition, "API: situazione debitoria", a.getBalance},
		{"GET /positions/{number}/dues", access.ViewPosition, "API: quote contributive dovute", a.listDues},
		{"GET /positions/{number}/payments", access.ViewPosition, "API: versamenti", a.listPayments},
		{"GET /positions/{number}/statement", access.ViewOwnStatement, "API: estratto conto", a.getStatement},
		{"GET /positions/{number}/notices", access.ViewPosition, "API: avvisi", a.listNotices},
		{"GET /positions/{number}/deadlines", access.ViewPosition, "API: scadenze", a.listDeadlines},
		{"GET /positions/{number}/f24", access.ViewPosition, "API: modello F24 (PDF)", a.getF24},
		{"GET /delegations", access.CitizenOnly, "", a.listDelegations},
	}
}

// Routes returns the patterns and actions of every authenticated route,
// for the tests and the documentation.
func (a *API) Routes() map[string]access.Action {
	out := map[string]access.Action{}
	for _, rt := range a.routes() {
		out[rt.pattern] = rt.action
	}
	return out
}

// New builds the API handler.
func New(d Deps) *API {
	if d.RatePerMin <= 0 {
		d.RatePerMin = DefaultRate
	}
	a := &API{Deps: d, limiter: newLimiter(d.RatePerMin, d.Now), mux: http.NewServeMux()}
	a.mux.HandleFunc("GET "+Prefix+"/openapi.json", serveSpec)
	for _, rt := range a.routes() {
		method, path, _ := cutPattern(rt.pattern)
		a.mux.Handle(method+" "+Prefix+path, a.authenticate(a.gate(rt)))
	}
	a.mux.Handle(Prefix+"/", a.authenticate(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a.problem(w, r, problemNotFound, "", nil)
	})))
	return a
}

// ServeHTTP serves a request under Prefix.
func (a *API) ServeHTTP(w http.ResponseWriter, r *http.Request) { a.mux.ServeHTTP(w, r) }

func (a *API) today() civil.Date { return civil.Of(a.Now()) }

func cutPattern(p string) (method, path string, ok bool) {
	for i := 0; i < len(p); i++ {
		if p[i] == ' ' {
			return p[:i], p[i+1:], true
		}
	}
	return "", p, false
}

// call is what the API knows of a request once authenticated: the token,
// its person as an actor and, on position routes, the position.
type call struct {
	token    store.APIToken
	person   registry.Person
	actor    access.Actor // Profile set per position
	position *registry.PositionView
	facts    access.Facts
}
