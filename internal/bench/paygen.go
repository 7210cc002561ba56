package bench

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger/paymentgen"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// GenOptions choose what GenPayments writes.
type GenOptions struct {
	paymentgen.Options
	DuesYears []int // years whose fixed rates paymentgen.SeedDues writes first (when the imposition has not run)
}

// GenPayments writes a realistic F24 payments file to w for the benchmarks
// of the payments import (`cassetto bench gen-payments`): it pays the fixed
// rates stored in db, after writing those of o.DuesYears with
// paymentgen.SeedDues. Progress lines go to progress.
func GenPayments(ctx context.Context, db *store.DB, w io.Writer, o GenOptions, progress io.Writer) (paymentgen.Stats, error) {
	for _, y := range o.DuesYears {
		start := time.Now()
		n, err := paymentgen.SeedDues(ctx, db, contrib.Default(), y, time.Now())
		if err != nil {
			return paymentgen.Stats{}, err
		}
		fmt.Fprintf(progress, "gen-payments: %d dues of %d written in %.1f s\n", n, y, time.Since(start).Seconds())
	}
	start := time.Now()
	st, err := paymentgen.Write(ctx, db, w, o.Options)
	if err != nil {
		return st, err
	}
	fmt.Fprintf(progress, "gen-payments: %+v in %.1f s\n", st, time.Since(start).Seconds())
	return st, nil
}
