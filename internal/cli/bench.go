package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/cassetto-dev/cassetto/internal/bench"
)

// benchUsage is the summary of the bench command.
const benchUsage = "measure the batches and the portal on fresh databases against raw-insert and minimal-handler baselines: " +
	"bench [--positions 100000] [--lines 1000000] [--quick] [--out DIR] [--sqlite-only | --postgres-only] [--skip-portal] [--growth 10000,100000,1000000] | " +
	"bench gen-payments --out FILE --lines N"

// runBench runs `cassetto bench`: the JSON and Markdown reports go to --out
// (default the current directory), the Markdown also to stdout, progress
// lines to stderr. PostgreSQL is measured too when
// CASSETTO_BENCH_POSTGRES_URL is set.
func runBench(ctx context.Context, env Env) error {
	if len(env.Args) > 0 && env.Args[0] == "gen-payments" {
		return runGenPayments(ctx, env)
	}
	o, out, err := parseBench(env)
	if err != nil {
		return err
	}
	if out == "" {
		if o.Dir, err = os.MkdirTemp("", "cassetto-bench-"); err != nil {
			return err
		}
		defer os.RemoveAll(o.Dir)
		out = "."
	} else {
		o.Dir = out
		if err := os.MkdirAll(out, 0o750); err != nil {
			return fmt.Errorf("bench: --out %s: %w", out, err)
		}
	}
	rep, runErr := bench.Run(ctx, o)
	if rep == nil {
		return runErr
	}
	jsonPath, mdPath, err := rep.Write(out)
	if err != nil {
		return fmt.Errorf("bench: write the report: %w", err)
	}
	rep.Markdown(env.Stdout)
	fmt.Fprintf(env.Stderr, "bench: report in %s and %s\n", jsonPath, mdPath)
	return runErr
}

// parseBench reads the flags into bench options; it returns --out apart.
func parseBench(env Env) (bench.Options, string, error) {
	fs := newFlagSet("bench", env)
	d := bench.Defaults()
	positions := fs.Int("positions", d.Positions, "random positions of the main database (1–5000000)")
	lines := fs.Int("lines", d.Lines, "payment lines to import and reconcile")
	quick := fs.Bool("quick", false, "a short run (300 positions, 20,000 lines, 3 s load runs, growth 100,300) to check the harness")
	out := fs.String("out", "", "directory of the databases and the reports (default: a temporary directory, reports in the current one)")
	sqliteOnly := fs.Bool("sqlite-only", false, "ignore CASSETTO_BENCH_POSTGRES_URL")
	postgresOnly := fs.Bool("postgres-only", false, "only the PostgreSQL of CASSETTO_BENCH_POSTGRES_URL")
	skipPortal := fs.Bool("skip-portal", false, "batches only: no load runs, no growth curve")
	growth := fs.String("growth", joinInts(d.Growth), "positions of the growth curve, comma separated")
	sessions := fs.Int("sessions", d.Sessions, "synthetic sessions of the load runs")
	rate := fs.Int("rate", d.Rate, "requests/s of the fixed-rate load run")
	loadTime := fs.Duration("load-time", d.LoadTime, "length of each load run")
	growthRate := fs.Int("growth-rate", d.GrowthRate, "requests/s of each page's run in the growth curve (below saturation)")
	binary := fs.String("binary", "", "the cassetto executable the server runs from (default this program)")
	if err := parseFlags(fs, env.Args); err != nil {
		return d, "", err
	}
	if fs.NArg() > 0 {
		return d, "", Usagef("bench: unexpected argument %q", fs.Arg(0))
	}
	o := d
	if *quick {
		o = bench.Quick(d)
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	pick := func(name string, dst *int, v int) {
		if set[name] || !*quick {
			*dst = v
		}
	}
	pick("positions", &o.Positions, *positions)
	pick("lines", &o.Lines, *lines)
	pick("sessions", &o.Sessions, *sessions)
	pick("rate", &o.Rate, *rate)
	pick("growth-rate", &o.GrowthRate, *growthRate)
	if set["load-time"] || !*quick {
		o.LoadTime = *loadTime
	}
	if set["growth"] || !*quick {
		g, err := parseInts(*growth)
		if err != nil {
			return o, "", Usagef("bench: --growth wants numbers of positions like 10000,100000: %v", err)
		}
		o.Growth = g
	}
	if err := checkBench(o); err != nil {
		return o, "", err
	}
	o.SkipPortal = *skipPortal
	if !*sqliteOnly {
		o.PostgresURL = env.Getenv("CASSETTO_BENCH_POSTGRES_URL")
	}
	if o.SkipSQLite = *postgresOnly; o.SkipSQLite && (*sqliteOnly || o.PostgresURL == "") {
		return o, "", Usagef("bench: --postgres-only wants CASSETTO_BENCH_POSTGRES_URL=postgres://… set, and not --sqlite-only")
	}
	o.Binary = *binary
	if o.Binary == "" {
		exe, err := os.Executable()
		if err != nil {
			return o, "", fmt.Errorf("bench: cannot find this program's executable: %w", err)
		}
		o.Binary = exe
	}
	o.Command = strings.TrimSpace("cassetto bench " + strings.Join(env.Args, " "))
	o.Progress = env.Stderr
	return o, *out, nil
}

// checkBench refuses numbers out of range, naming the flag.
func checkBench(o bench.Options) error {
	switch {
	case o.Positions < 1 || o.Positions > maxSeedPositions:
		return Usagef("bench: --positions wants a whole number from 1 to %d", maxSeedPositions)
	case o.Lines < 1 || o.Lines > 100_000_000:
		return Usagef("bench: --lines wants a whole number from 1 to 100000000")
	case o.Sessions < 1 || o.Rate < 1 || o.GrowthRate < 1:
		return Usagef("bench: --sessions, --rate and --growth-rate want whole numbers from 1")
	case o.LoadTime < time.Second:
		return Usagef("bench: --load-time wants at least 1s")
	}
	for _, n := range o.Growth {
		if n < 1 || n > maxSeedPositions {
			return Usagef("bench: --growth wants numbers of positions from 1 to %d", maxSeedPositions)
		}
	}
	return nil
}

func parseInts(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ",")
}
