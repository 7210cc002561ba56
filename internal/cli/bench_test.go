package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/batch/batchtest"
	"github.com/cassetto-dev/cassetto/internal/bench"
	"github.com/cassetto-dev/cassetto/internal/bench/load"
	"github.com/cassetto-dev/cassetto/internal/cli"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

// TestBenchQuickReportsEverySection runs `cassetto bench --quick` in
// process — on SQLite, and on PostgreSQL too when the tests run there —
// and checks that the report has every batch with its baseline, the portal
// runs and the growth curve, with figures above zero. It never looks at
// how fast anything was.
func TestBenchQuickReportsEverySection(t *testing.T) {
	if testing.Short() {
		t.Skip("the quick bench takes a minute or two")
	}
	if storetest.Backend() == "sqlite" && os.Getenv("CASSETTO_TEST_POSTGRES_URL") != "" {
		t.Skip("the PostgreSQL pass of the suite runs the quick bench on both databases")
	}
	bin := batchtest.Binary(t)
	out := t.TempDir()
	getenv := func(k string) string {
		if k == "CASSETTO_BENCH_POSTGRES_URL" && storetest.Backend() == "postgres" {
			return os.Getenv("CASSETTO_TEST_POSTGRES_URL")
		}
		return ""
	}
	var stdout, stderr bytes.Buffer
	err := cli.Run(context.Background(), []string{"bench", "--quick", "--out", out, "--binary", bin}, getenv, &stdout, &stderr)
	if err != nil {
		t.Fatalf("bench --quick: %v\n%s", err, stderr.String())
	}
	b, err := os.ReadFile(filepath.Join(out, "bench-report.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rep bench.Report
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatal(err)
	}
	want := 1
	if storetest.Backend() == "postgres" {
		want = 2
	}
	if len(rep.Databases) != want || rep.Machine.Cores == 0 || rep.Machine.GoVersion == "" {
		t.Fatalf("report: %d databases (want %d), machine %+v", len(rep.Databases), want, rep.Machine)
	}
	for _, d := range rep.Databases {
		checkBenchDatabase(t, d)
	}
	md := stdout.String()
	for _, s := range []string{"| seed |", "| history |", "| impose 2027 |", "| import + reconcile payments |",
		"| notices |", "### Portal", "### Growth curve", "ratio"} {
		if !strings.Contains(md, s) {
			t.Errorf("the Markdown lacks %q:\n%s", s, md)
		}
	}
}

func checkBenchDatabase(t *testing.T, d bench.Database) {
	t.Helper()
	if d.Version == "" || len(d.Batches) != 5 {
		t.Fatalf("%s: version %q, %d batches, want 5", d.Kind, d.Version, len(d.Batches))
	}
	for _, b := range d.Batches {
		if b.Rows == 0 || b.RowsPerSec == 0 || b.Baseline.Rows != b.Rows || b.Baseline.RowsPerSec == 0 || b.Ratio == 0 {
			t.Errorf("%s %s: %+v", d.Kind, b.Name, b)
		}
	}
	p := d.Portal
	if p == nil {
		t.Fatalf("%s: no portal section", d.Kind)
	}
	for _, s := range []bench.PageStats{p.Fixed, p.Max, p.Baseline, p.BaselineMax} {
		if s.Requests == 0 || s.Throughput == 0 || s.P99 == 0 {
			t.Errorf("%s portal run %s: %+v", d.Kind, s.Name, s)
		}
	}
	if p.Fixed.Errors != 0 || len(p.Pages) == 0 {
		t.Errorf("%s portal: %d errors at the fixed rate, %d pages", d.Kind, p.Fixed.Errors, len(p.Pages))
	}
	g := d.Growth
	if g == nil || len(g.Points) != 2 || len(g.P99Ratio) != 3 {
		t.Fatalf("%s growth: %+v", d.Kind, g)
	}
	for _, pt := range g.Points {
		if len(pt.Pages) != 3 || pt.Pages[0].Name != load.FirstViews {
			t.Fatalf("%s growth at %d: %+v, want the first views and two pages", d.Kind, pt.Positions, pt.Pages)
		}
		for _, s := range pt.Pages {
			if s.Requests == 0 || s.P99 == 0 {
				t.Errorf("%s growth at %d, %s: %+v", d.Kind, pt.Positions, s.Name, s)
			}
		}
	}
}

func TestBenchRefusesBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"bench", "--positions", "0"},
		{"bench", "--growth", "10k"},
		{"bench", "--lines", "-1"},
		{"bench", "extra"},
		{"bench", "--postgres-only"}, // without CASSETTO_BENCH_POSTGRES_URL
		{"bench", "gen-payments", "--lines", "0"},
	} {
		var out, errOut bytes.Buffer
		err := cli.Run(context.Background(), args, func(string) string { return "" }, &out, &errOut)
		if cli.ExitCode(err) != 2 {
			t.Errorf("%v: exit %d (%v), want 2", args, cli.ExitCode(err), err)
		}
	}
}

func TestBenchGenPaymentsWritesAFile(t *testing.T) {
	url := storetest.URL(t)
	if _, code := runSeed(t, url, "--positions", "20"); code != 0 {
		t.Fatal("seed failed")
	}
	file := filepath.Join(t.TempDir(), "f24.csv")
	var out, errOut bytes.Buffer
	getenv := func(k string) string {
		if k == "CASSETTO_DATABASE_URL" {
			return url
		}
		return ""
	}
	err := cli.Run(context.Background(), []string{"bench", "gen-payments", "--dues", "2025", "--lines", "100", "--out", file},
		getenv, &out, &errOut)
	if err != nil {
		t.Fatalf("gen-payments: %v\n%s", err, errOut.String())
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if lines := strings.Count(string(b), "\n"); lines != 101 {
		t.Fatalf("%d lines, want the header and 100", lines)
	}
}
