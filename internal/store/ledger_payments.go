package store

import (
	"context"
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// Payments stores F24 payment lines and reconciles them with the dues. It
// implements ledger.PaymentWriter.
type Payments struct {
	db       *DB
	rec      ledger.Reconciler
	now      func() time.Time
	reg      *payRegistry
	parts    partitionYears
	splitMin int // payments from which a PostgreSQL chunk is written by two writers
	splits   int // chunks written by two writers (for the tests)
}

var _ ledger.PaymentWriter = (*Payments)(nil)

// NewPayments returns the payments storage on db: rec allocates and charges
// sanctions, now is the clock (creation and reconciliation times). It
// remembers the persons and positions it has looked up (see payRegistry):
// make one per import.
func NewPayments(db *DB, rec ledger.Reconciler, now func() time.Time) *Payments {
	return &Payments{db: db, rec: rec, now: now, reg: newPayRegistry(), splitMin: paySplitMin}
}

// WritePayments stores chunk in one transaction (on PostgreSQL after making
// the partitions of its years, see YearPartitions): it resolves the person (by
// codice fiscale) and the position of each payment, inserts those whose
// line key is new, reconciles them (allocations, sanction dues) and marks
// them reconciled. A crash leaves the chunk all written or not at all, but
// for a large chunk on PostgreSQL, whose second writer commits just before
// the chunk (see writePG): a crash between the two commits keeps half of
// the chunk, complete, and a new run adds the other.
func (s *Payments) WritePayments(ctx context.Context, chunk []ledger.Payment) (ledger.ChunkResult, error) {
	var res ledger.ChunkResult
	now := s.now().UTC()
	if err := s.parts.ensure(ctx, s.db, payYears(chunk)); err != nil {
		return ledger.ChunkResult{}, err
	}
	err := s.db.payInTx(ctx, func(t *payTx) error {
		res = ledger.ChunkResult{}
		if err := payResolve(ctx, t.q, s.reg, chunk); err != nil {
			return err
		}
		if t.pg != nil {
			return s.writePG(ctx, t, chunk, now, &res)
		}
		created, err := payInsert(ctx, t, chunk, now)
		if err != nil {
			return err
		}
		payCount(&res, chunk, created)
		res.Reconcile, err = recReconcile(ctx, t, s.rec, created, now)
		return err
	})
	if err != nil {
		return ledger.ChunkResult{}, fmt.Errorf("store: write payments (lines %d–%d): %w",
			chunk[0].SourceLine, chunk[len(chunk)-1].SourceLine, err)
	}
	return res, nil
}

// payYears returns the years of the payment dates of chunk, in order of
// first appearance: on PostgreSQL the partitions WritePayments makes sure
// of before the chunk's transaction.
func payYears(chunk []ledger.Payment) []int {
	return payDistinct(chunk, func(p ledger.Payment) int { return p.PaidOn.Year })
}

// payCount sets the counts of res: created of chunk's payments created,
// the others skipped.
func payCount(res *ledger.ChunkResult, chunk, created []ledger.Payment) {
	res.Created, res.Skipped = int64(len(created)), int64(len(chunk)-len(created))
	for _, p := range created {
		res.Amount += p.Debit
	}
}
