package bench

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/cassetto-dev/cassetto/internal/bench/load"
)

// PageStats are the figures of one load run, in milliseconds and megabytes.
type PageStats struct {
	Name        string  `json:"name"`
	Rate        float64 `json:"rate"`
	Throughput  float64 `json:"throughput"`
	Sent        float64 `json:"sent"` // requests/s the client managed to send
	Requests    int     `json:"requests"`
	Errors      int     `json:"errors"`
	P50         float64 `json:"p50_ms"`
	P95         float64 `json:"p95_ms"`
	P99         float64 `json:"p99_ms"`
	RSSMaxMB    float64 `json:"rss_max_mb"`
	ErrorSample string  `json:"error_sample,omitempty"`
	// CPU milliseconds per request: the server's, the client's and the
	// database's (PostgreSQL on this machine; SQLite is in the server).
	ServerCPU   float64 `json:"server_cpu_ms,omitempty"`
	ClientCPU   float64 `json:"client_cpu_ms,omitempty"`
	DatabaseCPU float64 `json:"database_cpu_ms,omitempty"`
}

// cpu describes the CPU per request of s, "" when it was not measured.
func (s PageStats) cpu() string {
	if s.ServerCPU == 0 {
		return ""
	}
	return fmt.Sprintf("CPU/request %.2f ms server, %.2f ms database, %.2f ms client", s.ServerCPU, s.DatabaseCPU, s.ClientCPU)
}

func pageStats(s load.Stats) PageStats {
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	return PageStats{Name: s.Name, Rate: s.Rate, Throughput: s.Throughput, Sent: s.Sent, Requests: s.Requests, Errors: s.Errors,
		P50: ms(s.P50), P95: ms(s.P95), P99: ms(s.P99), RSSMaxMB: float64(s.RSSMaxBytes) / (1 << 20), ErrorSample: s.ErrorSample,
		ServerCPU: ms(s.ServerCPU), ClientCPU: ms(s.ClientCPU), DatabaseCPU: ms(s.DatabaseCPU)}
}

// Portal is the load run of the main database: the page mix at a fixed
// rate and at the highest clean rate, and the same for the baseline
// handler behind the same server stack.
type Portal struct {
	Sessions int `json:"sessions"`
	// FirstViews is every visited position's dashboard once, at the fixed
	// rate, before the other runs: what the first views cost.
	FirstViews PageStats `json:"first_views"`
	Fixed      PageStats `json:"fixed"`
	Max        PageStats `json:"max"`
	Dashboard  PageStats `json:"dashboard_max"` // the dashboard alone, highest rate with p99 ≤ 50 ms
	// DashboardUncached is Dashboard with the ledger records cache off: every
	// page reads the position's whole history (omitted by --quick).
	DashboardUncached *PageStats  `json:"dashboard_max_uncached,omitempty"`
	Baseline          PageStats   `json:"baseline"`
	BaselineMax       PageStats   `json:"baseline_max"`
	Pages             []PageStats `json:"pages"`
	P99Ratio          float64     `json:"p99_ratio_to_baseline"`        // Fixed.P99 / Baseline.P99
	MaxRatio          float64     `json:"max_throughput_ratio_to_base"` // Max.Throughput / BaselineMax.Throughput
	DashRatio         float64     `json:"dashboard_ratio_to_base"`      // Dashboard.Throughput / BaselineMax.Throughput
}

func (r *Database) portal(ctx context.Context, o Options, t *target, p progress) error {
	p.printf("%s portal: %d sessions, %d req/s, %s per run", r.Kind, o.Sessions, o.Rate, o.LoadTime)
	res, err := load.Run(ctx, loadConfig(o, t, r.Kind, p))
	if err != nil {
		return fmt.Errorf("portal: %w", err)
	}
	pt := &Portal{Sessions: o.Sessions, FirstViews: pageStats(res.FirstViews), Fixed: pageStats(res.Fixed), Max: pageStats(res.Max), Dashboard: pageStats(res.Dashboard),
		Baseline: pageStats(res.Baseline), BaselineMax: pageStats(res.BaselineMax)}
	for _, s := range res.Pages {
		pt.Pages = append(pt.Pages, pageStats(s))
	}
	pt.P99Ratio = ratio(pt.Fixed.P99, pt.Baseline.P99)
	pt.MaxRatio = ratio(pt.Max.Throughput, pt.BaselineMax.Throughput)
	pt.DashRatio = ratio(pt.Dashboard.Throughput, pt.BaselineMax.Throughput)
	if o.Uncached {
		s, err := load.Max(ctx, uncached(loadConfig(o, t, r.Kind, p)), load.PageDashboard, load.DashboardP99)
		if err != nil {
			return fmt.Errorf("portal, records cache off: %w", err)
		}
		ps := pageStats(s)
		pt.DashboardUncached = &ps
	}
	r.Portal = pt
	p.printf("%s portal: fixed %.0f req/s p99 %.1f ms (baseline %.1f ms); max %.0f req/s, dashboard alone %.0f req/s (baseline %.0f); %d errors",
		r.Kind, pt.Fixed.Throughput, pt.Fixed.P99, pt.Baseline.P99, pt.Max.Throughput, pt.Dashboard.Throughput,
		pt.BaselineMax.Throughput, pt.Fixed.Errors)
	return nil
}

// uncached is cfg with the server's ledger records cache off: every page
// reads the position's records from the database.
func uncached(cfg load.Config) load.Config {
	cfg.Env = append(slices.Clone(cfg.Env), "CASSETTO_LEDGER_CACHE_MB=0")
	return cfg
}

// loadConfig is the configuration of a load run on t; each run is logged.
func loadConfig(o Options, t *target, kind string, p progress) load.Config {
	return load.Config{Binary: o.Binary, Env: t.env(), DB: t.db, Sessions: o.Sessions, Rate: o.Rate, Duration: o.LoadTime,
		MaxSteps: o.LoadSteps, Progress: func(s load.Stats) {
			ps := pageStats(s)
			p.printf("%s load %s: asked %.0f/s, served %.1f/s, p99 %.1f ms, %d errors %s %s", kind, ps.Name, ps.Rate,
				ps.Throughput, ps.P99, ps.Errors, ps.cpu(), ps.ErrorSample)
		}}
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// growthPages are the pages of the growth curve. Each size first asks
// every visited position's dashboard once (load.FirstViews), as the load
// runs do: those first views read from the disk what the later ones find
// in memory, so they are reported apart, and the pages are measured after
// them.
var growthPages = []string{load.PageDashboard, load.PageSituation}

// growthColumns are the figures of a growth point: the first views, then
// growthPages.
func growthColumns() []string { return append([]string{load.FirstViews}, growthPages...) }

// Growth is the latency of growthColumns at several numbers of positions,
// each database seeded with the same history.
type Growth struct {
	Pages    []string           `json:"pages"`
	Rate     int                `json:"rate"` // requests/s of each page's run
	Points   []GrowthPoint      `json:"points"`
	P99Ratio map[string]float64 `json:"p99_ratio_largest_to_smallest"`
}

// GrowthPoint is one size of the growth curve.
type GrowthPoint struct {
	Positions   int         `json:"positions"`
	SeedSeconds float64     `json:"seed_seconds"` // positions and history
	Pages       []PageStats `json:"pages"`
}

// growthPoint measures the growth pages on t, of n positions, when n is a
// size of the curve.
func (r *Database) growthPoint(ctx context.Context, o Options, t *target, n int, p progress) error {
	if r.Growth == nil || !slices.Contains(o.Growth, n) {
		return nil
	}
	cfg := uncached(loadConfig(o, t, r.Kind, p)) // the curve measures the database's reads
	cfg.LatencyRate, cfg.FirstViews = o.GrowthRate, true
	stats, err := load.Latency(ctx, cfg, growthPages)
	if err != nil {
		return fmt.Errorf("growth at %d positions: %w", n, err)
	}
	pt := GrowthPoint{Positions: n}
	for _, s := range stats {
		ps := pageStats(s)
		pt.Pages = append(pt.Pages, ps)
		p.printf("%s growth %d positions: %s p99 %.1f ms", r.Kind, n, ps.Name, ps.P99)
	}
	r.Growth.Points = append(r.Growth.Points, pt)
	return nil
}

// growthCurve measures the sizes other than the main database's, each on a
// fresh database removed afterwards, then the p99 ratios.
func (r *Database) growthCurve(ctx context.Context, o Options, p progress) error {
	for _, n := range o.Growth {
		if n == o.Positions {
			continue
		}
		r.noteClones()
		t, err := newTarget(ctx, o, r.Kind, "growth-"+strconv.Itoa(n))
		if err != nil {
			return err
		}
		p.printf("%s growth: seeding %d positions with their history", r.Kind, n)
		start := time.Now()
		err = seedWithHistory(ctx, t.db, n)
		secs := time.Since(start).Seconds()
		if err == nil {
			err = r.growthPoint(ctx, o, t, n, p)
		}
		t.close(true)
		if err != nil {
			return fmt.Errorf("growth at %d positions: %w", n, err)
		}
		r.Growth.Points[len(r.Growth.Points)-1].SeedSeconds = secs
	}
	slices.SortFunc(r.Growth.Points, func(a, b GrowthPoint) int { return a.Positions - b.Positions })
	r.Growth.P99Ratio = p99Ratios(r.Growth.Points)
	return nil
}

// p99Ratios returns, per page, the p99 at the largest size over the p99
// at the smallest.
func p99Ratios(points []GrowthPoint) map[string]float64 {
	if len(points) < 2 {
		return nil
	}
	first, last := points[0], points[len(points)-1]
	out := map[string]float64{}
	for _, a := range first.Pages {
		for _, b := range last.Pages {
			if a.Name == b.Name {
				out[a.Name] = ratio(b.P99, a.P99)
			}
		}
	}
	return out
}
