package cli

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/cassetto-dev/cassetto/internal/batch"
	"github.com/cassetto-dev/cassetto/internal/config"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// runImportIncomes imports a CSV of incomes (ledger.ImportIncomes): the
// valid lines are stored with the above-minimale dues of the years already
// imposed, the others go to FILE.errors.csv and stderr.
func runImportIncomes(ctx context.Context, env Env) error {
	flags := newFlagSet("import incomes", env)
	resolve := config.RegisterFlags(flags)
	chunk := flags.Int("chunk", ledger.IncomeChunk, "lines per transaction (100–100000)")
	paramsFile := flags.String("params", "", "file of yearly parameters to add, in the format of params.json")
	args, file := env.Args, ""
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		file, args = args[0], args[1:]
	}
	if err := parseFlags(flags, args); err != nil {
		return err
	}
	if file == "" && flags.NArg() > 0 {
		file = flags.Arg(0)
	}
	switch {
	case file == "":
		return Usagef("import incomes: FILE wants the CSV file to import (header %s)", ledger.IncomeHeader)
	case flags.NArg() > 1 || (flags.NArg() == 1 && flags.Arg(0) != file):
		return Usagef("import incomes: unexpected argument %q (one FILE only)", flags.Arg(flags.NArg()-1))
	case *chunk < 100 || *chunk > 100_000:
		return Usagef("import incomes: --chunk wants a whole number from 100 to 100000")
	}
	p, err := engineParams("import incomes", *paramsFile, "")
	if err != nil {
		return err
	}
	in, err := os.Open(file)
	if err != nil {
		return Usagef("import incomes: FILE wants a readable CSV file: %v", err)
	}
	defer in.Close()
	reader, err := ledger.NewIncomeReader(in)
	if err != nil {
		return fmt.Errorf("import incomes %s: %w", file, err)
	}
	_, db, err := openConfigured(ctx, resolve, env.Getenv)
	if err != nil {
		return err
	}
	defer db.Close()
	report, err := newErrorReport(file)
	if err != nil {
		return err
	}
	opts := ledger.IncomeOptions{Source: file, Chunk: *chunk, Params: p}
	return importIncomes(ctx, env, store.NewIncomes(db, time.Now), reader, opts, report)
}

// importIncomes runs the import with a progress bar, the error report and
// the summary.
func importIncomes(ctx context.Context, env Env, st *store.Incomes, r *ledger.IncomeReader, opts ledger.IncomeOptions,
	report *errorReport) error {
	name := "import incomes " + opts.Source
	prog := batch.NewProgress(env.Stderr, name, 0)
	rep := &rejectReporter{w: env.Stderr}
	opts.Progress = prog.Add
	opts.Reject = func(e *ledger.IncomeLineError) {
		rep.report("refused: %v", e)
		report.add(e)
	}
	start := time.Now()
	stats, err := ledger.ImportIncomes(ctx, st, r, opts)
	prog.Finish()
	if cerr := report.close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if stats.Rejected > 0 {
		fmt.Fprintf(env.Stderr, "%d lines refused: see %s\n", stats.Rejected, report.path)
	}
	fmt.Fprintf(env.Stdout, "above-minimale dues: %d created, %d already present; amount %s €\n",
		stats.DuesCreated, stats.DuesSkipped, stats.DuesAmount)
	fmt.Fprintln(env.Stdout, batch.Summary{Name: name, Read: stats.Lines, Created: stats.Created,
		Skipped: stats.Skipped, Rejected: stats.Rejected, Amount: stats.Amount, Elapsed: time.Since(start)})
	return nil
}

// errorReport is FILE.errors.csv: one row per refused line (line, field,
// value, reason), written only when a line is refused.
type errorReport struct {
	path string
	f    *os.File
	w    *csv.Writer
	err  error
}

// newErrorReport removes the report of an earlier run of file.
func newErrorReport(file string) (*errorReport, error) {
	r := &errorReport{path: file + ".errors.csv"}
	if err := os.Remove(r.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("import incomes: remove the old %s: %w", r.path, err)
	}
	return r, nil
}

func (r *errorReport) add(e *ledger.IncomeLineError) {
	if r.err != nil {
		return
	}
	if r.w == nil {
		if r.f, r.err = os.Create(r.path); r.err != nil {
			return
		}
		r.w = csv.NewWriter(r.f)
		r.err = r.w.Write([]string{"line", "field", "value", "reason"})
	}
	if r.err == nil {
		r.err = r.w.Write([]string{strconv.Itoa(e.Line), e.Field, e.Value, e.Reason})
	}
}

func (r *errorReport) close() error {
	if r.w != nil {
		r.w.Flush()
		r.err = errors.Join(r.err, r.w.Error(), r.f.Close())
	}
	if r.err != nil {
		return fmt.Errorf("import incomes: write %s: %w", r.path, r.err)
	}
	return nil
}
