package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/cassetto-dev/cassetto/internal/audit"
	"github.com/cassetto-dev/cassetto/internal/auth"
	"github.com/cassetto-dev/cassetto/internal/blob"
	"github.com/cassetto-dev/cassetto/internal/cases"
	"github.com/cassetto-dev/cassetto/internal/config"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/session"
	"github.com/cassetto-dev/cassetto/internal/staff"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/web"
	"github.com/cassetto-dev/cassetto/internal/web/static"
)

func runServe(ctx context.Context, env Env) error {
	fs := newFlagSet("serve", env)
	resolve := config.RegisterFlags(fs)
	if err := parseFlags(fs, env.Args); err != nil {
		return err
	}
	cfg, db, err := openConfigured(ctx, resolve, env.Getenv)
	if err != nil {
		return err
	}
	defer db.Close()
	logger := newLogger(cfg, env.Stderr)
	fmt.Fprintln(env.Stderr, "configuration:")
	cfg.Print(env.Stderr)
	if cfg.DatabaseReplicaURL != "" {
		if err := db.AttachReplica(ctx, cfg.DatabaseReplicaURL, logger); err != nil {
			return fmt.Errorf("cannot open the read replica (CASSETTO_DATABASE_REPLICA_URL): %w", err)
		}
	}
	return serve(ctx, cfg, db, logger, serveOptions{})
}

// serveOptions are the differences between serve and demo.
type serveOptions struct {
	extra   map[string]http.Handler // extra mounts (the demo identity provider)
	ready   func(addr string)       // called once the listener is open
	listen  net.Listener            // an already open listener (demo)
	demo    bool
	oidcCfg *auth.RPConfig // overrides the configured provider (demo)
}

func newLogger(cfg config.Config, w io.Writer) *slog.Logger {
	level := map[string]slog.Level{"debug": slog.LevelDebug, "info": slog.LevelInfo, "warn": slog.LevelWarn, "error": slog.LevelError}[cfg.LogLevel]
	opts := &slog.HandlerOptions{Level: level}
	if cfg.LogFormat == "text" {
		return slog.New(slog.NewTextHandler(w, opts))
	}
	return slog.New(slog.NewJSONHandler(w, opts))
}

// buildServer wires the HTML server on db.
func buildServer(cfg config.Config, db *store.DB, logger *slog.Logger, opt serveOptions) (*web.Server, *session.Manager, error) {
	now := time.Now
	reg := store.NewRegistry(db, now)
	staffStore := store.NewStaff(db)
	sessions := &session.Manager{Store: store.NewSessions(db), Now: now, Idle: cfg.SessionIdle,
		Absolute: cfg.SessionAbsolute, Secure: cfg.SecureCookies()}
	assets, err := static.New()
	if err != nil {
		return nil, nil, err
	}
	metrics := prometheus.NewRegistry()
	metrics.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	metrics.MustRegister(dbCollectors(db)...)
	ledger := store.NewLedgerReader(db).WithCache(store.NewRecordsCache(int64(cfg.LedgerCacheMB) << 20))
	metrics.MustRegister(cacheCollectors(ledger.Cache())...)
	auditLog := audit.NewGroupCommit(store.NewAudit(db)) // one for the pages and the API: they batch together
	d := web.Deps{
		Site: web.Site{Institution: cfg.InstitutionName, SupportEmail: cfg.SupportEmail, SupportPhone: cfg.SupportPhone,
			AccessibilityURL: cfg.AccessibilityURL, PrivacyURL: cfg.PrivacyURL, LoginLabel: cfg.OIDCLabel, Demo: opt.demo},
		DB: db, Ledger: ledger, Params: contrib.Default(), Registry: reg, Delegations: reg, Audit: auditLog, Sessions: sessions,
		Staff: staff.NewAccounts(staffStore, now, staff.Config{MaxFailed: cfg.LoginMaxFailed, Lockout: cfg.LoginLockout,
			Issuer: cfg.InstitutionName}),
		StaffDir: staffStore, Assets: assets, Logger: logger, Now: now, Metrics: metrics, Gatherer: metrics,
		Extra: opt.extra, Secure: cfg.SecureCookies(),
		BaseURL: cfg.BaseURL,
	}
	d.Extra = withAPI(opt.extra, cfg, apiDeps{db: db, reg: reg, ledger: ledger, audit: auditLog}, logger, now)
	if d.Blobs, err = blob.OpenFS(filepath.Join(cfg.DataDir, "blobs")); err != nil {
		return nil, nil, err
	}
	d.DelegationInviteDays = cfg.DelegationInviteDays
	d.BenchBaseline = cfg.BenchBaseline
	d.MaxInFlight = cfg.MaxInFlight
	d.Cases = cases.DefaultConfig
	d.Cases.ReopenDays = cfg.CaseReopenDays
	d.Cases.Limits.MaxSize = int64(cfg.CaseAttachmentMaxMB) << 20
	rpCfg := opt.oidcCfg
	if rpCfg == nil && cfg.OIDCIssuer != "" {
		rpCfg = &auth.RPConfig{Issuer: cfg.OIDCIssuer, ClientID: cfg.OIDCClientID, ClientSecret: cfg.OIDCClientSecret,
			RedirectURL: cfg.BaseURL + "/auth/callback", Scopes: cfg.OIDCScopes, CFClaim: cfg.OIDCCFClaim,
			SecureCookies: cfg.SecureCookies()}
	}
	if rpCfg != nil {
		d.OIDC = auth.NewRelyingParty(*rpCfg, &http.Client{Timeout: 10 * time.Second}, now)
		d.Site.LoginEnabled = true
	}
	srv, err := web.New(d)
	return srv, sessions, err
}

// serve runs the HTTP server until ctx ends, then shuts down gracefully.
func serve(ctx context.Context, cfg config.Config, db *store.DB, logger *slog.Logger, opt serveOptions) error {
	setMemoryLimit(cfg.MemoryLimitMB, os.Getenv("GOMEMLIMIT"), logger)
	srv, sessions, err := buildServer(cfg, db, logger, opt)
	if err != nil {
		return err
	}
	ln := opt.listen
	if ln == nil {
		if ln, err = net.Listen("tcp", cfg.Listen); err != nil {
			return fmt.Errorf("cannot listen on %s (CASSETTO_LISTEN): %w", cfg.Listen, err)
		}
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 120 * time.Second,
		ErrorLog: slog.NewLogLogger(logger.Handler(), slog.LevelWarn)}
	if err := startPprof(ctx, cfg.PprofListen, logger); err != nil {
		return err
	}
	go sweepSessions(ctx, sessions, logger)
	stopNotifier := startNotifier(ctx, cfg, db, logger, opt.demo)
	defer stopNotifier()
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	logger.Info("listening on http://" + ln.Addr().String())
	if opt.ready != nil {
		opt.ready(ln.Addr().String())
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func sweepSessions(ctx context.Context, m *session.Manager, logger *slog.Logger) {
	t := time.NewTicker(10 * time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if n, err := m.Sweep(ctx); err != nil {
				logger.Warn("session sweep", "err", err)
			} else if n > 0 {
				logger.Info("session sweep", "deleted", n)
			}
		}
	}
}

// dbCollectors are the metrics of the database pools: statements by pool
// (primary, replica), reads the replica failed to serve, and whether the
// replica is in use.
func dbCollectors(db *store.DB) []prometheus.Collector {
	queries := func(pool string, n func(store.PoolStats) uint64) prometheus.Collector {
		return prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "cassetto_db_queries_total",
			Help: "Statements run by the portal, by database pool.", ConstLabels: prometheus.Labels{"pool": pool}},
			func() float64 { return float64(n(db.Stats())) })
	}
	return []prometheus.Collector{
		queries("primary", func(s store.PoolStats) uint64 { return s.Primary }),
		queries("replica", func(s store.PoolStats) uint64 { return s.Replica }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "cassetto_db_replica_fallbacks_total",
			Help: "Reads meant for the read replica served by the primary because the replica failed."},
			func() float64 { return float64(db.Stats().Fallbacks) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "cassetto_db_replica_up",
			Help: "1 when a read replica is attached and answering, else 0."},
			func() float64 {
				if db.ReplicaUp() {
					return 1
				}
				return 0
			}),
	}
}

// cacheCollectors are the counters of the ledger records cache: reads
// served from memory and reads of the database (none without a cache).
func cacheCollectors(c *store.RecordsCache) []prometheus.Collector {
	if c == nil {
		return nil
	}
	reads := func(result string, n func() int64) prometheus.Collector {
		return prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "cassetto_ledger_cache_reads_total",
			Help:        "Reads of a position's ledger records, served from memory (hit) or from the database (miss).",
			ConstLabels: prometheus.Labels{"result": result}}, func() float64 { return float64(n()) })
	}
	return []prometheus.Collector{
		reads("hit", func() int64 { h, _ := c.Stats(); return h }),
		reads("miss", func() int64 { _, m := c.Stats(); return m }),
	}
}

// setMemoryLimit sets the soft limit of the Go heap to mb megabytes, unless
// the GOMEMLIMIT environment variable (gomemlimit) already set one or mb
// is 0: near the limit the garbage collector runs more often instead of
// letting the heap double, which keeps the process's memory bounded under
// load.
func setMemoryLimit(mb int, gomemlimit string, logger *slog.Logger) {
	if mb <= 0 || gomemlimit != "" {
		return
	}
	debug.SetMemoryLimit(int64(mb) << 20)
	logger.Info("memory limit", "mb", mb)
}
