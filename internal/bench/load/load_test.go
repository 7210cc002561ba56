package load_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/bench/load"
	"github.com/cassetto-dev/cassetto/internal/demo"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

// buildCassetto builds the cassetto executable into a temporary directory.
func buildCassetto(t *testing.T) string {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool to build the server with")
	}
	bin := filepath.Join(t.TempDir(), "cassetto")
	out, err := exec.Command(gobin, "build", "-o", bin, "github.com/cassetto-dev/cassetto/cmd/cassetto").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// seeded returns the URL and an open handle of a database with the demo
// data and its ledger history (dues, payments, notices).
func seeded(t *testing.T) (string, *store.DB) {
	t.Helper()
	url := storetest.Prepared(t, func(ctx context.Context, db *store.DB) error {
		st, err := demo.Load(ctx, db, demo.Options{Seed: 3, Positions: 40})
		if err != nil {
			return err
		}
		_, err = demo.LoadHistory(ctx, db, st.Run)
		return err
	})
	db, err := store.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return url, db
}

func config(t *testing.T, bin, url string, db *store.DB) load.Config {
	return load.Config{Binary: bin, DB: db, Sessions: 10, Rate: 20, Duration: 2 * time.Second,
		Env:     []string{"CASSETTO_DATABASE_URL=" + url, "CASSETTO_DATA_DIR=" + t.TempDir(), "CASSETTO_LOG_LEVEL=warn"},
		MaxRate: 80, StepDuration: time.Second, MaxSteps: 1, P99Bound: 2 * time.Second, Logf: t.Logf}
}

func checkClean(t *testing.T, s load.Stats) {
	t.Helper()
	if s.Requests == 0 || s.Errors != 0 {
		t.Errorf("%s: %d requests, %d errors (first: %s)", s.Name, s.Requests, s.Errors, s.ErrorSample)
	}
	if s.P99 <= 0 || s.P50 > s.P99 || s.Throughput <= 0 {
		t.Errorf("%s: p50 %s, p99 %s, throughput %.1f/s", s.Name, s.P50, s.P99, s.Throughput)
	}
}

// TestRunDrivesTheMixWithoutErrors runs the whole harness on a small seeded
// database: every page of the mix answers 200 to the synthetic sessions,
// the baseline too, and the server's memory is measured.
func TestRunDrivesTheMixWithoutErrors(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the server")
	}
	bin := buildCassetto(t)
	url, db := seeded(t)
	res, err := load.Run(t.Context(), config(t, bin, url, db))
	if err != nil {
		t.Fatal(err)
	}
	checkClean(t, res.FirstViews)
	checkClean(t, res.Fixed)
	checkClean(t, res.Baseline)
	if res.Fixed.RSSMaxBytes <= 0 {
		t.Errorf("server RSS not measured: %d", res.Fixed.RSSMaxBytes)
	}
	if res.Fixed.ServerCPU <= 0 {
		t.Errorf("server CPU per request not measured: %s", res.Fixed.ServerCPU)
	}
	if postgres := db.Dialect == store.Postgres; postgres != (res.Fixed.DatabaseCPU > 0) {
		t.Errorf("database CPU per request %s on PostgreSQL %v: measured for PostgreSQL only (SQLite is in the server)",
			res.Fixed.DatabaseCPU, postgres)
	}
	names := []string{}
	for _, p := range res.Pages {
		names = append(names, p.Name)
		checkClean(t, p)
	}
	if got := strings.Join(names, " "); got != "dashboard situazione versamenti estratto-conto f24 richieste" {
		t.Errorf("pages %q", got)
	}
	for _, s := range []load.Stats{res.Max, res.BaselineMax} {
		if s.Rate < 20 && s.ErrorSample == "" {
			t.Errorf("%s: highest clean rate %.0f/s and no reason given", s.Name, s.Rate)
		}
	}
	var sessions int
	if err := db.R().QueryRow(t.Context(), `SELECT COUNT(*) FROM sessions`).Scan(&sessions); err != nil || sessions != 0 {
		t.Errorf("synthetic sessions left behind: %d (%v)", sessions, err)
	}
	t.Logf("fixed %+v\nmax %+v\nbaseline %+v\nbaseline max %+v", res.Fixed, res.Max, res.Baseline, res.BaselineMax)
}

// TestLatencyMeasuresEachPageAlone runs named pages one by one, with a CPU
// profile of the server for each, after the first views when asked, and
// refuses an unknown name before starting anything.
func TestLatencyMeasuresEachPageAlone(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the server")
	}
	bin := buildCassetto(t)
	url, db := seeded(t)
	cfg := config(t, bin, url, db)
	if _, err := load.Latency(t.Context(), cfg, []string{"cruscotto"}); err == nil || !strings.Contains(err.Error(), "unknown page") {
		t.Fatalf("unknown page: %v", err)
	}
	dir := t.TempDir()
	cfg.Duration, cfg.LatencyRate, cfg.CPUProfile = time.Second, 20, filepath.Join(dir, "cpu.pprof")
	cfg.FirstViews = true
	stats, err := load.Latency(t.Context(), cfg, []string{load.PageDashboard, load.PageF24, load.PageBaselineGated})
	if err != nil {
		t.Fatal(err)
	}
	if len(stats) != 4 {
		t.Fatalf("%d results, want the first views and 3 pages", len(stats))
	}
	first := stats[0]
	if first.Name != load.FirstViews || first.Rate != 20 {
		t.Errorf("first result %q at %.0f/s, want %q at the latency rate", first.Name, first.Rate, load.FirstViews)
	}
	checkClean(t, first)
	for _, s := range stats[1:] {
		checkClean(t, s)
		if fi, err := os.Stat(filepath.Join(dir, "cpu-"+s.Name+".pprof")); err != nil || fi.Size() == 0 {
			t.Errorf("%s: no CPU profile (%v)", s.Name, err)
		}
	}
}
