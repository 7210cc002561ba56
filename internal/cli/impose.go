package cli

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"sync"
	"time"

	"github.com/cassetto-dev/cassetto/internal/batch"
	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/config"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// imposeUsage is the summary of the impose command.
const imposeUsage = "yearly imposition: fixed rates of every insured person, and saldo and acconti where incomes are known: impose --year Y [--as-of YYYY-MM-DD]"

// maxReportedRejects bounds the rejected persons or lines written to stderr
// one by one; the summary counts them all.
const maxReportedRejects = 50

// imposeFlags are the parsed flags of impose.
type imposeFlags struct {
	year  int
	asOf  civil.Date
	chunk int
	copy  bool
}

// runImpose writes the dues of a year (ledger.Impose) and prints the summary.
func runImpose(ctx context.Context, env Env) error {
	fs := newFlagSet("impose", env)
	resolve := config.RegisterFlags(fs)
	year := fs.String("year", "", "contribution year to impose")
	asOf := fs.String("as-of", "", "date of the run, YYYY-MM-DD (default today): stamps the dues written; --year may be at most the next year")
	chunk := fs.Int("chunk", ledger.ImposeChunk, "positions per transaction (100–100000)")
	copyFlag := fs.Bool("copy", true, "PostgreSQL: write with COPY (false: multi-row INSERTs)")
	paramsFile := fs.String("params", "", "file of yearly parameters to add, in the format of params.json")
	if err := parseFlags(fs, env.Args); err != nil {
		return err
	}
	p, err := engineParams("impose", *paramsFile, "")
	if err != nil {
		return err
	}
	f, err := checkImposeFlags(fs.Args(), *year, *asOf, *chunk, p.YearRange)
	if err != nil {
		return err
	}
	f.copy = *copyFlag
	_, db, err := openConfigured(ctx, resolve, env.Getenv)
	if err != nil {
		return err
	}
	defer db.Close()
	st := store.NewImposition(db, runClock(f.asOf))
	st.UseCopy(f.copy)
	defer st.Bulk(ctx)()
	return impose(ctx, env, st, p, f)
}

// checkImposeFlags validates the flags; a mistake is a UsageError naming the flag.
func checkImposeFlags(rest []string, year, asOf string, chunk int, years func() (int, int)) (imposeFlags, error) {
	var f imposeFlags
	first, last := years()
	if len(rest) > 0 {
		return f, Usagef("impose: unexpected argument %q (every input is a flag)", rest[0])
	}
	y, err := strconv.Atoi(year)
	if err != nil || y < first || y > last {
		return f, Usagef("impose: --year wants a year from %d to %d", first, last)
	}
	f.year, f.chunk, f.asOf = y, chunk, civil.Of(time.Now())
	if asOf != "" {
		if f.asOf, err = civil.Parse(asOf); err != nil {
			return f, Usagef("impose: --as-of wants a date as YYYY-MM-DD, like %d-01-15", y)
		}
	}
	if y > f.asOf.Year+1 {
		return f, Usagef("impose: --year wants a year up to %d, the year after --as-of %s", f.asOf.Year+1, f.asOf)
	}
	if chunk < 100 || chunk > 100_000 {
		return f, Usagef("impose: --chunk wants a whole number from 100 to 100000")
	}
	return f, nil
}

// runClock returns the clock of a run dated asOf: today's time when asOf is
// today, else noon of asOf in Europe/Rome.
func runClock(asOf civil.Date) func() time.Time {
	if asOf == civil.Of(time.Now()) {
		return time.Now
	}
	return asOf.Time
}

// impose runs the imposition with a progress bar and prints the summary.
func impose(ctx context.Context, env Env, st *store.Imposition, p *contrib.Params, f imposeFlags) error {
	total, err := st.CountPositions(ctx, f.year)
	if err != nil {
		return err
	}
	name := fmt.Sprintf("impose %d", f.year)
	prog := batch.NewProgress(env.Stderr, name, total)
	rep := &rejectReporter{w: env.Stderr}
	start := time.Now()
	stats, err := ledger.Impose(ctx, st, p, ledger.ImposeOptions{Year: f.year, Chunk: f.chunk, Progress: prog.Add,
		Reject: func(in *ledger.Insured, err error) {
			rep.report("refused: position %s subject %d: %v", in.Number, in.SubjectCode, err)
		}})
	prog.Finish()
	if err != nil {
		return err
	}
	if err := st.Analyze(ctx); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, batch.Summary{Name: name, Read: stats.Persons, Created: stats.Created,
		Skipped: stats.Skipped, Rejected: stats.Rejected, Amount: stats.Amount, Elapsed: time.Since(start)})
	return nil
}

// rejectReporter writes the first maxReportedRejects refusals to w.
type rejectReporter struct {
	mu sync.Mutex
	w  io.Writer
	n  int
}

func (r *rejectReporter) report(format string, a ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.n++
	switch {
	case r.n <= maxReportedRejects:
		fmt.Fprintf(r.w, format+"\n", a...)
	case r.n == maxReportedRejects+1:
		fmt.Fprintln(r.w, "… more refused; the summary counts them all")
	}
}
