package load

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"

	"github.com/cassetto-dev/cassetto/internal/store"
)

// runner drives attacks against one running server.
type runner struct {
	cfg Config
	srv *server
	pop *population
}

// tally is what one run counted, overall or for one page.
type tally struct {
	m      vegeta.Metrics
	ok     int
	errors int
	sample string
}

func (t *tally) add(r *vegeta.Result) {
	t.m.Add(r)
	if r.Code == 200 && r.Error == "" {
		t.ok++
		return
	}
	t.errors++
	if t.sample == "" {
		t.sample = errorSample(r)
	}
}

// errorSample describes a failed request: status, method and path, where
// a redirect went, or the transport error.
func errorSample(r *vegeta.Result) string {
	path := r.URL
	if u, err := url.Parse(r.URL); err == nil {
		path = u.RequestURI()
	}
	s := fmt.Sprintf("%d %s %s", r.Code, r.Method, path)
	switch {
	case r.Code == 0:
		s += ": " + r.Error
	case r.Headers.Get("Location") != "":
		s += " -> " + r.Headers.Get("Location")
	}
	return s
}

// stats turns a tally into the figures of a run at rate.
func (t *tally) stats(name string, rate float64, rss int64) Stats {
	t.m.Close()
	s := Stats{Name: name, Rate: rate, Requests: int(t.m.Requests), Errors: t.errors,
		P50: t.m.Latencies.P50, P95: t.m.Latencies.P95, P99: t.m.Latencies.P99, RSSMaxBytes: rss, ErrorSample: t.sample}
	s.Sent = t.m.Rate
	if d := t.m.Duration + t.m.Wait; d > 0 {
		s.Throughput = float64(t.ok) / d.Seconds()
	}
	return s
}

// maxConnections caps the client's open connections, as the reverse proxy
// in front of a real deployment caps them: past saturation vegeta would
// open one per waiting request, until the process ran out of file
// descriptors (20,000 here) and the server's memory measured its
// connection buffers rather than its work.
const maxConnections = 1000

// attack runs tr at rate requests/s for d and returns the overall figures
// and those of each page seen.
func (r *runner) attack(ctx context.Context, name string, rate int, d time.Duration, tr vegeta.Targeter) (Stats, map[string]Stats) {
	// Our own transport, so that the run closes its connections when it
	// ends: the runs of a search would otherwise leave thousands idle on
	// the server. vegeta's options below set it.
	ht := &http.Transport{DialContext: (&net.Dialer{KeepAlive: 30 * time.Second}).DialContext}
	defer ht.CloseIdleConnections()
	atk := vegeta.NewAttacker(vegeta.Client(&http.Client{Transport: ht}),
		vegeta.Redirects(vegeta.NoFollow), vegeta.MaxBody(512), vegeta.KeepAlive(true),
		vegeta.Timeout(r.cfg.Timeout), vegeta.Connections(r.cfg.Connections),
		vegeta.MaxConnections(maxConnections))
	stop := context.AfterFunc(ctx, func() { atk.Stop() })
	defer stop()
	pid, postgres := r.srv.cmd.Process.Pid, r.cfg.DB != nil && r.cfg.DB.Dialect == store.Postgres
	rss, cpu := sampleRSS(pid), cpuNow(pid, postgres)
	var all tally
	byPage := map[string]*tally{}
	for res := range atk.Attack(tr, vegeta.Rate{Freq: rate, Per: time.Second}, d, name) {
		all.add(res)
		pg := pageOf(res.URL)
		if byPage[pg] == nil {
			byPage[pg] = &tally{}
		}
		byPage[pg].add(res)
	}
	peak := rss.Stop()
	out := map[string]Stats{}
	for pg, t := range byPage {
		out[pg] = t.stats(pg, 0, peak)
	}
	s := all.stats(name, float64(rate), peak)
	used := cpuNow(pid, postgres).perRequest(cpu, s.Requests)
	s.ServerCPU, s.ClientCPU, s.DatabaseCPU = used.server, used.client, used.database
	if r.cfg.Progress != nil {
		r.cfg.Progress(s)
	}
	return s, out
}

// clean reports whether a run had no error, kept its p99 within the bound
// and sent within 10% of its rate. vegeta does not wait for answers before
// sending (an open loop), so a server that cannot keep up shows in the
// latency; a client that cannot, in the rate sent.
func (r *runner) clean(s Stats, bound time.Duration) bool {
	return s.Requests > 0 && s.Errors == 0 && s.P99 <= bound && s.Sent >= 0.9*s.Rate
}

// warmup drives tr, unreported, so that the first run does not pay for
// the server's first connections and caches.
func (r *runner) warmup(ctx context.Context, tr vegeta.Targeter) {
	if r.cfg.Warmup <= 0 {
		return
	}
	progress := r.cfg.Progress
	r.cfg.Progress = nil
	defer func() { r.cfg.Progress = progress }()
	r.attack(ctx, "warmup", min(r.cfg.Rate, 50), r.cfg.Warmup, tr)
	time.Sleep(r.cfg.Pause)
}

// maxRate finds the highest clean rate of tr: it doubles the rate from
// cfg.Rate until a rate is not clean (or cfg.MaxRate), then bisects between
// the last clean rate and the first unclean one to within 10%. A rate whose
// run is slow but without errors is tried twice before it counts as unclean. It returns
// the figures of the highest clean run; with none, a zero-rate Stats whose
// ErrorSample says why the lowest rate failed. A clean run's p99 is at most
// bound.
func (r *runner) maxRate(ctx context.Context, name string, tr vegeta.Targeter, bound time.Duration) Stats {
	var best, failed Stats
	lo, hi := 0, 0
	try := func(rate int) bool {
		var s Stats
		for range 2 { // a rate fails when two runs fail: one may meet a busy machine
			time.Sleep(r.cfg.Pause)
			s, _ = r.attack(ctx, fmt.Sprintf("%s @%d/s", name, rate), rate, r.cfg.StepDuration, tr)
			if r.clean(s, bound) {
				best, lo = s, rate
				return true
			}
			if s.Errors > 0 || ctx.Err() != nil {
				break // errors are not noise
			}
		}
		failed, hi = s, rate
		return false
	}
	for rate := max(1, r.cfg.Rate); rate <= r.cfg.MaxRate && ctx.Err() == nil; rate *= 2 {
		if !try(rate) {
			break
		}
		if rate*2 > r.cfg.MaxRate && rate < r.cfg.MaxRate {
			try(r.cfg.MaxRate)
			break
		}
	}
	for steps := 0; hi > 0 && hi-lo > max(lo/10, 1) && steps < r.cfg.MaxSteps && ctx.Err() == nil; steps++ {
		try((lo + hi) / 2)
	}
	best.Name = name
	if lo == 0 {
		best.ErrorSample = fmt.Sprintf("no clean rate: at %.0f/s %d errors, p99 %s, %.0f/s served; %s",
			failed.Rate, failed.Errors, failed.P99, failed.Throughput, failed.ErrorSample)
	}
	return best
}
