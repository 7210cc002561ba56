// Command paymentgen writes a realistic F24 payments file for the
// benchmarks of "cassetto import payments" (docs/performance.md): it pays
// the fixed rates stored in the database, after writing them with
// paymentgen.SeedDues for the years of -dues when the imposition has not
// run. Usage:
//
//	go run ./internal/ledger/paymentgen/cmd/paymentgen -database-url URL [-dues 2024,2025] -lines 1000000 -out FILE
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger/paymentgen"
	"github.com/cassetto-dev/cassetto/internal/store"
)

func main() {
	if err := run(context.Background(), os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "paymentgen:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("paymentgen", flag.ContinueOnError)
	url := fs.String("database-url", os.Getenv("CASSETTO_DATABASE_URL"), "database to read (and seed dues into)")
	dues := fs.String("dues", "", "years to write the fixed rates of first, comma separated (e.g. 2024,2025)")
	lines := fs.Int("lines", 1_000_000, "lines to write")
	seed := fs.Uint64("seed", 1, "seed of the generator")
	semicolon := fs.Bool("semicolon", false, "write ';' separators and decimal commas")
	out := fs.String("out", "", "file to write (default standard output)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *url == "" {
		return fmt.Errorf("-database-url (or CASSETTO_DATABASE_URL) is needed")
	}
	db, err := store.Open(ctx, *url)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		return err
	}
	if err := seedDues(ctx, db, *dues); err != nil {
		return err
	}
	w := os.Stdout
	if *out != "" {
		if w, err = os.Create(*out); err != nil {
			return err
		}
		defer w.Close()
	}
	start := time.Now()
	st, err := paymentgen.Write(ctx, db, w, paymentgen.Options{Lines: *lines, Seed: *seed, Semicolon: *semicolon})
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "paymentgen: %+v in %.1f s\n", st, time.Since(start).Seconds())
	return nil
}

// seedDues writes the fixed rates of each year of the comma-separated list.
func seedDues(ctx context.Context, db *store.DB, years string) error {
	for _, y := range strings.Split(years, ",") {
		if y = strings.TrimSpace(y); y == "" {
			continue
		}
		year, err := strconv.Atoi(y)
		if err != nil {
			return fmt.Errorf("-dues wants years like 2024,2025: %w", err)
		}
		start := time.Now()
		n, err := paymentgen.SeedDues(ctx, db, contrib.Default(), year, time.Now())
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "paymentgen: %d dues of %d written in %.1f s\n", n, year, time.Since(start).Seconds())
	}
	return nil
}
