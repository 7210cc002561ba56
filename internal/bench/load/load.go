// Package load drives the portal under load for `cassetto bench`: it starts
// the server as a child process (`cassetto serve`), logs in synthetic
// sessions of titolari and intermediaries, and drives the portal's mix of
// pages with vegeta used as a library, once at a fixed rate and once at the
// highest rate the server sustains, beside a baseline handler behind the
// same server stack (middleware, session), so that every figure is also a
// ratio. It samples the server's resident memory during every run.
package load

import (
	"context"
	"errors"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"

	"github.com/cassetto-dev/cassetto/internal/store"
)

// Config is what a load run needs. The fields after Duration are optional.
type Config struct {
	Binary   string        // the cassetto executable; the server runs as `Binary serve` in a child process
	Env      []string      // environment for the child: CASSETTO_DATABASE_URL, CASSETTO_DATA_DIR, ...
	DB       *store.DB     // the same database, to create the synthetic sessions
	Sessions int           // K synthetic sessions, titolari and intermediaries
	Rate     int           // requests/s for the fixed-rate run
	Duration time.Duration // per run

	StepDuration time.Duration // per run of the max-rate search (0: Duration, at most 5 s)
	P99Bound     time.Duration // a clean run's p99 is at most this (0: 200 ms)
	MaxRate      int           // the max-rate search stops here (0: 20,000 requests/s)
	MaxSteps     int           // bisection runs of the max-rate search (0: 5)
	LatencyRate  int           // requests/s of Latency's runs (0: 50)
	Pause        time.Duration // rest before each run of the search (0: 500 ms)
	Warmup       time.Duration // unreported mix before the first run (0: 1 s; negative: none)
	Timeout      time.Duration // per request (0: 10 s)
	Connections  int           // idle connections kept per host (0: 10,000, vegeta's default)
	Progress     func(Stats)   // called after every run, for a live log; may be nil
	// CPUProfile, when set, is where the server's CPU profile of the
	// fixed-rate mix is written (Latency: one file per page, cpu-dashboard.pprof);
	// the child then serves its profiles on a loopback port (CASSETTO_PPROF_LISTEN).
	CPUProfile string
	// KeepBacklog skips `Binary notify --once` before the server starts. By
	// default the notifications a fresh seed leaves pending are processed
	// first: the server's worker would otherwise spend the runs on them.
	KeepBacklog bool
	// FirstViews makes Latency ask the dashboard of every visited position
	// once, at LatencyRate, before the pages: its Stats come first, named
	// FirstViews, and the pages are then measured on a server whose
	// database has read its users' positions, as in Run.
	FirstViews bool
	Logf       func(format string, args ...any) // what the harness does, for a live log; may be nil
}

// FirstViews names the run that asks every visited position's dashboard
// once, before the others.
const FirstViews = "first views"

// DashboardP99 is the p99 bound of the dashboard's highest-rate run: the
// target of issue 7 is 1,000 dashboard pages/s at a p99 within 50 ms.
const DashboardP99 = 50 * time.Millisecond

// Stats are the figures of one run. Throughput counts 200 answers only;
// every other status (a redirect to the login page too) is an error.
type Stats struct {
	Name        string
	Rate        float64 // requests/s asked (0 in per-page figures of a mix)
	Throughput  float64 // 200 answers/s achieved, over the run and the wait for its last answers
	Sent        float64 // requests/s the attacker managed to send (below Rate: the client could not keep up)
	Requests    int
	Errors      int
	P50         time.Duration
	P95         time.Duration
	P99         time.Duration
	RSSMaxBytes int64  // the server's peak resident memory during the run
	ErrorSample string // the first error: status, method and path

	// CPU time per request of the whole run (0 in per-page figures of a
	// mix): the server's, the client's (vegeta, in the bench process) and,
	// on a PostgreSQL server of this machine, the database's.
	ServerCPU, ClientCPU, DatabaseCPU time.Duration
}

// Result is the outcome of Run.
type Result struct {
	FirstViews  Stats   // every visited position's dashboard once, at cfg.Rate, before the runs below
	Fixed       Stats   // the mix at cfg.Rate
	Max         Stats   // the mix at the highest clean rate
	Dashboard   Stats   // the dashboard alone at its highest rate with p99 within DashboardP99
	Baseline    Stats   // the baseline handler at cfg.Rate
	BaselineMax Stats   // the baseline handler at its highest clean rate
	Pages       []Stats // the fixed-rate mix, page by page, in the mix's order
}

func (c Config) withDefaults() Config {
	if c.StepDuration <= 0 {
		c.StepDuration = min(c.Duration, 5*time.Second)
	}
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&c.MaxRate, 20000)
	def(&c.MaxSteps, 5)
	def(&c.LatencyRate, 50)
	def(&c.Connections, vegeta.DefaultConnections)
	if c.P99Bound <= 0 {
		c.P99Bound = 200 * time.Millisecond
	}
	if c.Pause <= 0 {
		c.Pause = 500 * time.Millisecond
	}
	if c.Warmup == 0 {
		c.Warmup = time.Second
	}
	if c.Timeout <= 0 {
		c.Timeout = 10 * time.Second
	}
	return c
}

func (c Config) logf(format string, args ...any) {
	if c.Logf != nil {
		c.Logf(format, args...)
	}
}

func (c Config) check() error {
	switch {
	case c.Binary == "":
		return errors.New("load: no cassetto executable (Config.Binary)")
	case c.DB == nil:
		return errors.New("load: no database (Config.DB)")
	case c.Sessions < 1:
		return errors.New("load: at least one session (Config.Sessions)")
	case c.Rate < 1:
		return errors.New("load: the rate must be at least 1 request/s (Config.Rate)")
	case c.Duration <= 0:
		return errors.New("load: the duration of a run must be positive (Config.Duration)")
	}
	return nil
}

// Run logs in the synthetic sessions, starts the server and measures the
// mix at cfg.Rate, the baseline at cfg.Rate, then the highest clean rate of
// each; it stops the server and ends the sessions. Failed requests are in
// the figures, not in the error, which reports what kept the runs from
// happening.
func Run(ctx context.Context, cfg Config) (res Result, err error) {
	err = withServer(ctx, cfg, func(r *runner) error {
		base := r.srv.base
		mix := r.pop.targeter(base, mixPages())
		r.warmup(ctx, mix)
		res.FirstViews = r.firstViews(ctx, r.cfg.Rate)
		time.Sleep(r.cfg.Pause)
		var byPage map[string]Stats
		perr := r.profiled(ctx, r.cfg.CPUProfile, r.cfg.Duration, func() {
			res.Fixed, byPage = r.attack(ctx, "mix", r.cfg.Rate, r.cfg.Duration, mix)
		})
		if perr != nil {
			return perr
		}
		for _, pg := range mixPages() {
			s := byPage[pg.name]
			s.Name = pg.name
			res.Pages = append(res.Pages, s)
		}
		baseline, _ := pageNamed(PageBaseline)
		bl := r.pop.targeter(base, []page{baseline})
		time.Sleep(r.cfg.Pause)
		res.Baseline, _ = r.attack(ctx, PageBaseline, r.cfg.Rate, r.cfg.Duration, bl)
		res.Max = r.maxRate(ctx, "mix (max)", mix, r.cfg.P99Bound)
		dash, _ := pageNamed(PageDashboard)
		res.Dashboard = r.maxRate(ctx, "dashboard (max)", r.pop.targeter(base, []page{dash}), DashboardP99)
		res.BaselineMax = r.maxRate(ctx, "baseline (max)", bl, r.cfg.P99Bound)
		return ctx.Err()
	})
	return res, err
}

// firstViews asks the dashboard of every visited position once at rate:
// the first view of a position reads its records from the database, later
// ones find them in memory, so the runs after it measure a server that has
// seen its users' positions, and this one what their first views cost.
func (r *runner) firstViews(ctx context.Context, rate int) Stats {
	n := len(r.pop.visits)
	d := time.Duration(n) * time.Second / time.Duration(rate)
	s, _ := r.attack(ctx, FirstViews, rate, max(d, time.Second), r.pop.firstViews(r.srv.base))
	return s
}

// Max starts a server and returns the highest rate at which the named
// page alone keeps its p99 within bound (see Run for the search).
func Max(ctx context.Context, cfg Config, name string, bound time.Duration) (Stats, error) {
	pg, err := pageNamed(name)
	if err != nil {
		return Stats{}, err
	}
	var s Stats
	err = withServer(ctx, cfg, func(r *runner) error {
		tr := r.pop.targeter(r.srv.base, []page{pg})
		r.warmup(ctx, tr)
		s = r.maxRate(ctx, name+" (max)", tr, bound)
		return ctx.Err()
	})
	return s, err
}

// Latency measures each named page alone (PageDashboard, PageSituation,
// PagePayments, PageStatement, PageF24, PageCases, PageBaseline,
// PageBaselineGated) at cfg.LatencyRate for cfg.Duration, one after the
// other on one server; with cfg.FirstViews, after the first views.
func Latency(ctx context.Context, cfg Config, names []string) ([]Stats, error) {
	var sel []page
	for _, n := range names {
		pg, err := pageNamed(n)
		if err != nil {
			return nil, err
		}
		sel = append(sel, pg)
	}
	var out []Stats
	err := withServer(ctx, cfg, func(r *runner) error {
		r.warmup(ctx, r.pop.targeter(r.srv.base, mixPages()))
		if r.cfg.FirstViews {
			out = append(out, r.firstViews(ctx, r.cfg.LatencyRate))
			time.Sleep(r.cfg.Pause)
		}
		for i, pg := range sel {
			if i > 0 {
				time.Sleep(r.cfg.Pause)
			}
			var s Stats
			err := r.profiled(ctx, profilePath(r.cfg.CPUProfile, pg.name), r.cfg.Duration, func() {
				s, _ = r.attack(ctx, pg.name, r.cfg.LatencyRate, r.cfg.Duration, r.pop.targeter(r.srv.base, []page{pg}))
			})
			if err != nil {
				return err
			}
			out = append(out, s)
		}
		return ctx.Err()
	})
	return out, err
}

// withServer makes the sessions, starts the server, runs fn, and undoes both.
func withServer(ctx context.Context, cfg Config, fn func(*runner) error) (err error) {
	if err := cfg.check(); err != nil {
		return err
	}
	cfg = cfg.withDefaults()
	pop, err := newPopulation(ctx, cfg.DB, cfg.Sessions, time.Now())
	if pop != nil {
		defer func() { err = errors.Join(err, pop.close(context.WithoutCancel(ctx), cfg.DB)) }()
	}
	if err != nil {
		return err
	}
	cfg.logf("sessions: %d titolari and %d intermediaries, %d positions to visit, %d with a due for the F24",
		len(pop.actors)-pop.intermediaries(), pop.intermediaries(), len(pop.visits), len(pop.f24))
	if !cfg.KeepBacklog {
		if err := drainNotifications(ctx, cfg); err != nil {
			return err
		}
	}
	srv, err := startServer(ctx, cfg)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, srv.stop()) }()
	return fn(&runner{cfg: cfg, srv: srv, pop: pop})
}
