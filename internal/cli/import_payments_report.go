package cli

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// rejectsOnStderr is how many refused lines are printed on stderr; the
// error file has them all.
const rejectsOnStderr = 20

// rejectReport writes refused lines to stderr (the first rejectsOnStderr)
// and to FILE.errors.csv (line,field,reason), created at the first one. A
// run without refusals removes the error file of an earlier run.
type rejectReport struct {
	stderr io.Writer
	path   string
	file   *os.File
	csv    *csv.Writer
	n      int
	err    error // the first error writing the file
}

func newRejectReport(stderr io.Writer, input string) *rejectReport {
	return &rejectReport{stderr: stderr, path: input + ".errors.csv"}
}

// add records one refused line.
func (r *rejectReport) add(le ledger.PaymentLineError) {
	r.n++
	if r.n <= rejectsOnStderr {
		fmt.Fprintf(r.stderr, "import payments: %v\n", &le)
	}
	if r.err != nil {
		return
	}
	if r.csv == nil {
		if r.file, r.err = os.Create(r.path); r.err != nil {
			return
		}
		r.csv = csv.NewWriter(r.file)
		r.err = r.csv.Write([]string{"line", "field", "reason"})
	}
	if r.err == nil {
		r.err = r.csv.Write([]string{strconv.Itoa(le.Line), le.Field, le.Reason})
	}
}

// close finishes the error file (or removes a stale one) and says where
// the refused lines are.
func (r *rejectReport) close() error {
	if r.n == 0 {
		if err := os.Remove(r.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("cannot remove the old %s: %w", r.path, err)
		}
		return nil
	}
	if r.n > rejectsOnStderr {
		fmt.Fprintf(r.stderr, "import payments: … and %d more refused lines\n", r.n-rejectsOnStderr)
	}
	if r.csv != nil {
		r.csv.Flush()
		r.err = errors.Join(r.err, r.csv.Error(), r.file.Close())
	}
	if r.err != nil {
		return fmt.Errorf("cannot write the refused lines to %s: %w", r.path, r.err)
	}
	fmt.Fprintf(r.stderr, "import payments: %d refused lines listed in %s\n", r.n, r.path)
	return nil
}
