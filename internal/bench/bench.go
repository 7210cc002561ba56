// Package bench is `cassetto bench`: it seeds fresh databases (a SQLite file
// and, when asked, a PostgreSQL schema) with synthetic positions and their
// history, measures the batches (seed, imposition, payments import and
// reconciliation, notices) each against a raw bulk insert of as many rows of
// the same shape, drives the portal under load (package load) and measures
// how page latency grows with the number of positions. It writes a JSON and
// a Markdown report.
package bench

import (
	"context"
	"fmt"
	"io"
	"time"
)

// Options choose what Run measures.
type Options struct {
	Positions   int           // random positions of the main database
	Lines       int           // payment lines to import and reconcile
	Growth      []int         // positions of the growth curve
	Dir         string        // where the SQLite files and the payments file go
	PostgresURL string        // a server to create a fresh schema on; empty: SQLite only
	SkipSQLite  bool          // PostgreSQL only (PostgresURL must be set)
	SkipPortal  bool          // no load run, no growth curve
	Binary      string        // the cassetto executable the portal runs from
	Sessions    int           // synthetic sessions of the load runs
	Rate        int           // requests/s of the fixed-rate load run
	LoadTime    time.Duration // length of each load run
	LoadSteps   int           // runs of each max-rate search (0: the load package's default)
	GrowthRate  int           // requests/s of the growth curve's runs: low enough not to queue
	Uncached    bool          // also the dashboard's highest rate with the records cache off
	Strict      bool          // load errors at the fixed rate fail the run (--quick: its rate is low)
	Command     string        // the command line, for the report
	Progress    io.Writer     // progress lines; nil: none
}

// Defaults are the options of a full run.
func Defaults() Options {
	return Options{Positions: 100_000, Lines: 1_000_000, Growth: []int{10_000, 100_000, 1_000_000},
		Sessions: 200, Rate: 200, LoadTime: 20 * time.Second, GrowthRate: 10, Uncached: true}
}

// Quick returns o scaled down for a run of about a minute per database:
// enough to prove every part of the harness works. The history of the
// demo (2019–2026) costs about 20 ms per position on a loaded 2-core
// machine, so the databases stay small.
func Quick(o Options) Options {
	o.Positions, o.Lines, o.Growth = 300, 20_000, []int{100, 300}
	o.Sessions, o.Rate, o.LoadTime, o.LoadSteps = 20, 50, 3*time.Second, 3
	o.Strict, o.Uncached = true, false
	return o
}

// Run measures every database o names and returns the report. It fails
// when the harness breaks — an error, a batch that created no rows, with
// o.Strict load errors at the fixed rate — never because something is
// slow. A full run's fixed rate may be more than the machine serves: its
// errors are figures of the report.
func Run(ctx context.Context, o Options) (*Report, error) {
	rep := &Report{Started: time.Now().UTC(), Command: o.Command, Options: reportOptions(o)}
	rep.Machine = readMachine()
	p := progress{w: o.Progress}
	var targets []string
	if !o.SkipSQLite {
		targets = append(targets, "sqlite")
	}
	if o.PostgresURL != "" {
		targets = append(targets, "postgres")
	}
	for _, kind := range targets {
		p.printf("== %s", kind)
		r, err := runDatabase(ctx, o, kind, p)
		if r != nil {
			rep.Databases = append(rep.Databases, *r)
		}
		if err != nil {
			return rep, fmt.Errorf("bench %s: %w", kind, err)
		}
	}
	rep.Elapsed = time.Since(rep.Started).Seconds()
	return rep, rep.Check(!o.SkipPortal, o.Strict)
}

// progress writes timestamped progress lines.
type progress struct{ w io.Writer }

func (p progress) printf(format string, a ...any) {
	if p.w != nil {
		fmt.Fprintf(p.w, "bench %s "+format+"\n", append([]any{time.Now().Format("15:04:05")}, a...)...)
	}
}
