package bench

import (
	"strings"
	"testing"
)

func goodDatabase() Database {
	b := Batch{Name: "seed", Unit: "rows", Rows: 10, Seconds: 1, RowsPerSec: 10,
		Baseline: Baseline{Table: "t", Rows: 10, Seconds: 0.5, RowsPerSec: 20}, Ratio: 0.5}
	s := PageStats{Name: "mix", Rate: 10, Throughput: 10, Requests: 100, P50: 1, P95: 2, P99: 3}
	return Database{Kind: "sqlite", Version: "SQLite 3", Positions: 10, Batches: []Batch{b},
		Portal: &Portal{Sessions: 2, FirstViews: s, Fixed: s, Max: s, Baseline: s, BaselineMax: s, Pages: []PageStats{s}},
		Growth: &Growth{Pages: []string{"dashboard"}, Points: []GrowthPoint{{Positions: 5}, {Positions: 10}}}}
}

func TestCheckPassesACompleteReport(t *testing.T) {
	r := &Report{Options: RunOptions{Growth: []int{5, 10}}, Databases: []Database{goodDatabase()}}
	if err := r.Check(true, true); err != nil {
		t.Fatal(err)
	}
}

func TestCheckFailsABrokenHarnessNotASlowOne(t *testing.T) {
	cases := map[string]func(d *Database){
		"no rows":         func(d *Database) { d.Batches[0].Rows = 0 },
		"no baseline":     func(d *Database) { d.Batches[0].Baseline.Rows = 0 },
		"load errors":     func(d *Database) { d.Portal.Fixed.Errors = 3 },
		"no requests":     func(d *Database) { d.Portal.BaselineMax.Requests = 0 },
		"growth missing":  func(d *Database) { d.Growth.Points = d.Growth.Points[:1] },
		"no portal":       func(d *Database) { d.Portal = nil },
		"no batch at all": func(d *Database) { d.Batches = nil },
	}
	for name, spoil := range cases {
		d := goodDatabase()
		spoil(&d)
		r := &Report{Options: RunOptions{Growth: []int{5, 10}}, Databases: []Database{d}}
		if r.Check(true, true) == nil {
			t.Errorf("%s: Check passed", name)
		}
	}
	d := goodDatabase()
	d.Portal.Fixed.Errors = 5 // a full run's fixed rate beyond what the machine serves
	if err := (&Report{Options: RunOptions{Growth: []int{5, 10}}, Databases: []Database{d}}).Check(true, false); err != nil {
		t.Fatalf("not strict: %v", err)
	}
	d = goodDatabase()
	d.Batches[0].RowsPerSec, d.Batches[0].Ratio = 0.001, 0.0001 // slow is fine
	d.Portal, d.Growth = nil, nil
	if err := (&Report{Databases: []Database{d}}).Check(false, true); err != nil {
		t.Fatalf("without the portal: %v", err)
	}
}

func TestMarkdownHasEveryTable(t *testing.T) {
	var b strings.Builder
	(&Report{Command: "cassetto bench --quick", Databases: []Database{goodDatabase()}}).Markdown(&b)
	for _, s := range []string{"`cassetto bench --quick`", "## SQLite 3 — 10 positions", "| seed | 10 rows | 1.0 s | 10 | 20 | 0.500 |",
		"### Portal (2 sessions)", "| first views: each visited position's dashboard once |", "| mix, fixed rate |", "### Growth curve"} {
		if !strings.Contains(b.String(), s) {
			t.Errorf("no %q in\n%s", s, b.String())
		}
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567", -4200: "-4,200"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestBenchParamsProjectTheBenchYear(t *testing.T) {
	p, err := benchParams()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := p.Year(BenchYear); !ok {
		t.Fatalf("no parameters for %d", BenchYear)
	}
}

// TestMarkdownGivesNoRatioForOneSize: a growth curve of one size has no
// ratio, rather than a ratio of 0.00×.
func TestMarkdownGivesNoRatioForOneSize(t *testing.T) {
	d := goodDatabase()
	d.Growth.Points = d.Growth.Points[:1]
	var b strings.Builder
	(&Report{Command: "cassetto bench --growth 5", Databases: []Database{d}}).Markdown(&b)
	if out := b.String(); !strings.Contains(out, "One size only: no p99 ratio.") || strings.Contains(out, "p99 ratio, largest to smallest") {
		t.Errorf("one growth size:\n%s", out)
	}
}
