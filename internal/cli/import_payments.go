package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/cassetto-dev/cassetto/internal/batch"
	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/config"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// maxPaymentChunk bounds --chunk.
const maxPaymentChunk = 100_000

// importPaymentsArgs are the parsed arguments of "import payments".
type importPaymentsArgs struct {
	file    string
	chunk   int
	turFile string
	resolve func(func(string) string) (config.Config, error)
}

// runImportPayments imports the F24 lines of a CSV file and reconciles them
// (see ledger.ImportPayments and store.Payments), after reconciling any
// payment a previous run or another path left unreconciled. It prints a
// progress bar on a terminal, refused lines on stderr and in
// FILE.errors.csv, and ends with two summary lines on stdout.
func runImportPayments(ctx context.Context, env Env) error {
	a, err := parseImportPayments(env)
	if err != nil {
		return err
	}
	params, err := engineParams("import payments", "", a.turFile)
	if err != nil {
		return err
	}
	f, size, err := openPaymentsFile(a.file)
	if err != nil {
		return err
	}
	defer f.Close()
	r, err := ledger.NewF24Reader(f)
	if err != nil {
		return fmt.Errorf("import payments: %s: %w", a.file, err)
	}
	_, db, err := openConfigured(ctx, a.resolve, env.Getenv)
	if err != nil {
		return err
	}
	defer db.Close()
	w := store.NewPayments(db, ledger.Reconciler{Params: params}, time.Now)
	return importPayments(ctx, env, a, r, w, size)
}

// parseImportPayments reads the flags and the FILE argument, which may come
// before or after the flags.
func parseImportPayments(env Env) (importPaymentsArgs, error) {
	fs := newFlagSet("import payments", env)
	a := importPaymentsArgs{resolve: config.RegisterFlags(fs)}
	fs.IntVar(&a.chunk, "chunk", ledger.DefaultPaymentChunk, "lines written (and reconciled) per transaction")
	fs.StringVar(&a.turFile, "tur", "", "file of ECB rates to add for the sanctions, in the format of tur.csv")
	if err := parseFlags(fs, env.Args); err != nil {
		return a, err
	}
	if fs.NArg() == 0 {
		return a, Usagef("import payments: say which file: import payments FILE.csv")
	}
	a.file = fs.Arg(0)
	if err := parseFlags(fs, fs.Args()[1:]); err != nil {
		return a, err
	}
	if fs.NArg() > 0 {
		return a, Usagef("import payments: unexpected argument %q (one file at a time)", fs.Arg(0))
	}
	if a.chunk < 1 || a.chunk > maxPaymentChunk {
		return a, Usagef("import payments: --chunk wants a whole number of lines from 1 to %d", maxPaymentChunk)
	}
	return a, nil
}

// openPaymentsFile opens the file and returns its size (0 when unknown).
func openPaymentsFile(name string) (*os.File, int64, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, 0, fmt.Errorf("import payments: cannot read %s: %w", name, errors.Unwrap(err))
	}
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		f.Close()
		return nil, 0, fmt.Errorf("import payments: cannot read %s: not a file", name)
	}
	return f, st.Size(), nil
}

// importPayments runs the import proper and prints its summary.
func importPayments(ctx context.Context, env Env, a importPaymentsArgs, r *ledger.F24Reader, w *store.Payments, size int64) error {
	start := time.Now()
	defer w.Bulk(ctx)()
	pending, err := w.ReconcilePending(ctx, a.chunk)
	if err != nil {
		return err
	}
	report := newRejectReport(env.Stderr, a.file)
	progress := batch.NewProgress(env.Stderr, "import payments", size)
	var done int64
	res, err := ledger.ImportPayments(ctx, r, w, ledger.ImportOptions{
		Source: filepath.Base(a.file), Chunk: a.chunk, Today: civil.Of(time.Now()), Reject: report.add,
		Progress: func(offset, _ int64) { progress.Add(offset - done); done = offset },
	})
	progress.Finish()
	if cerr := report.close(); cerr != nil {
		fmt.Fprintf(env.Stderr, "import payments: %v\n", cerr)
	}
	if err != nil {
		return fmt.Errorf("import payments: %w (the chunks written so far are kept: run it again to go on)", err)
	}
	if err := w.Analyze(ctx); err != nil {
		return err
	}
	res.Reconcile.Add(pending)
	printPaymentsSummary(env.Stdout, a.file, res, time.Since(start))
	return nil
}

// printPaymentsSummary writes the two summary lines.
func printPaymentsSummary(w io.Writer, file string, res ledger.ImportResult, elapsed time.Duration) {
	fmt.Fprintln(w, batch.Summary{Name: "import payments " + filepath.Base(file), Read: res.Read, Created: res.Created,
		Skipped: res.Skipped, Rejected: res.Rejected, Amount: res.Amount, Elapsed: elapsed})
	fmt.Fprintln(w, res.Reconcile)
}
