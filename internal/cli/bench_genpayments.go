package cli

import (
	"context"
	"fmt"
	"os"

	"github.com/cassetto-dev/cassetto/internal/bench"
	"github.com/cassetto-dev/cassetto/internal/config"
)

// runGenPayments runs `cassetto bench gen-payments`: a realistic F24
// payments file paying the fixed rates stored in the configured database,
// for benchmarking `cassetto import payments` by hand.
func runGenPayments(ctx context.Context, env Env) error {
	fs := newFlagSet("bench gen-payments", env)
	resolve := config.RegisterFlags(fs)
	var o bench.GenOptions
	out := fs.String("out", "", "file to write (default standard output)")
	fs.IntVar(&o.Lines, "lines", 1_000_000, "lines to write")
	fs.Uint64Var(&o.Seed, "seed", 1, "seed of the generator: the same seed and database give the same file")
	fs.BoolVar(&o.Semicolon, "semicolon", false, "write ';' separators and decimal commas")
	dues := fs.String("dues", "", "years whose fixed rates to write first when the imposition has not run, e.g. 2024,2025")
	if err := parseFlags(fs, env.Args[1:]); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return Usagef("bench gen-payments: unexpected argument %q", fs.Arg(0))
	}
	if o.Lines < 1 {
		return Usagef("bench gen-payments: --lines wants a whole number from 1")
	}
	years, err := parseInts(*dues)
	if err != nil {
		return Usagef("bench gen-payments: --dues wants years like 2024,2025")
	}
	o.DuesYears = years
	_, db, err := openConfigured(ctx, resolve, env.Getenv)
	if err != nil {
		return err
	}
	defer db.Close()
	if *out == "" {
		_, err = bench.GenPayments(ctx, db, env.Stdout, o, env.Stderr)
		return err
	}
	f, err := os.Create(*out)
	if err != nil {
		return fmt.Errorf("bench gen-payments: %w", err)
	}
	if _, err := bench.GenPayments(ctx, db, f, o, env.Stderr); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
