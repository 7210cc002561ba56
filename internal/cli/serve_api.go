package cli

import (
	"log/slog"
	"maps"
	"net/http"
	"time"

	"github.com/cassetto-dev/cassetto/internal/api"
	"github.com/cassetto-dev/cassetto/internal/audit"
	"github.com/cassetto-dev/cassetto/internal/config"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// apiDeps are what the API shares with the pages.
type apiDeps struct {
	db     *store.DB
	reg    *store.Registry
	ledger *store.LedgerReader
	audit  audit.Store
}

// withAPI returns the extra mounts with the JSON API at /api/v1/: it runs
// inside the HTML server's middleware (request id, security headers,
// logging and metrics) but reads no session: a bearer token is its only
// credential.
func withAPI(extra map[string]http.Handler, cfg config.Config, d apiDeps, logger *slog.Logger,
	now func() time.Time) map[string]http.Handler {
	out := map[string]http.Handler{}
	maps.Copy(out, extra)
	out[api.Prefix+"/"] = api.New(api.Deps{DB: d.db, Registry: d.reg, Ledger: d.ledger, Audit: d.audit,
		Tokens: store.NewAPITokens(d.db, now), Params: contrib.Default(), Institution: cfg.InstitutionName,
		Logger: logger, Now: now, RatePerMin: cfg.APIRate})
	return out
}
