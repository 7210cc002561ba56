package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// paySplitMin is the number of new payments from which a chunk is written
// on PostgreSQL by two writers at once: the server has a core for each.
const paySplitMin = 2000

// writePG is WritePayments' chunk on PostgreSQL, inside t (which holds the
// payments lock): it numbers the new payments (payNumber), reconciles them
// without writing (recPlan: nothing reads them back), numbers the
// sanction dues, then writes it all. A chunk of at least splitMin new
// payments is split in two by position (paySplit): the second part is
// written at the same time in a transaction of its own on another
// connection, committed only once the first part is written, just before
// the chunk's transaction commits. Should that commit then fail, the
// second part stays, complete with its allocations and sanctions, and a
// new run adds the first: the two touch no due in common, so the first
// reconciles as it would have.
func (s *Payments) writePG(ctx context.Context, t *payTx, chunk []ledger.Payment, now time.Time, res *ledger.ChunkResult) error {
	created, err := payNumber(ctx, t.q, chunk, now)
	if err != nil {
		return err
	}
	payCount(res, chunk, created)
	plan, err := recPlan(ctx, t.q, s.rec, created)
	res.Reconcile = plan.stats
	if err != nil {
		return err
	}
	if err := checkDues(plan.sanctions); err != nil {
		return fmt.Errorf("store: sanctions: %w", err)
	}
	w := payWrites{payments: created, allocs: plan.allocs, sanctions: plan.sanctions}
	return t.pg(func(c *pgx.Conn) error {
		if len(w.sanctions) > 0 {
			if err := impNumber(ctx, c, w.sanctions); err != nil {
				return err
			}
		}
		return s.writeParts(ctx, c, w, now)
	})
}

// writeParts writes w through c, the chunk's connection, and when w is
// large enough writes the second half of paySplit on another connection
// at the same time (see writePG).
func (s *Payments) writeParts(ctx context.Context, c *pgx.Conn, w payWrites, now time.Time) error {
	a, b := w, payWrites{}
	if s.db.Pool() != nil && len(w.payments) >= s.splitMin {
		a, b = paySplit(w)
	}
	if len(b.payments) == 0 { // paySplit gives b payments whenever it splits
		return pgWriteChunk(ctx, c, a, now)
	}
	aside := make(chan impAside, 1)
	go func() { aside <- payWriteAside(ctx, s, b, now) }()
	errA := pgWriteChunk(ctx, c, a, now)
	if err := (<-aside).end(ctx, errA); err != nil {
		return err
	}
	s.splits++
	return nil
}

// payWriteAside writes w in a new transaction on another connection of
// the pool and leaves it open. It does not take the payments lock: the
// chunk's transaction holds it.
func payWriteAside(ctx context.Context, s *Payments, w payWrites, now time.Time) impAside {
	tx, err := s.db.Pool().Begin(ctx)
	if err != nil {
		return impAside{err: fmt.Errorf("store: begin: %w", err)}
	}
	if err := impBatchTx(ctx, tx); err != nil {
		return impAside{tx: tx, err: err}
	}
	return impAside{tx: tx, err: pgWriteChunk(ctx, tx, w, now)}
}

// pgWriteChunk copies w's payments, then its allocations and sanction
// dues, whose foreign keys point at the partitioned payments and dues,
// with generic plans (pgGenericPlansFor).
func pgWriteChunk(ctx context.Context, w pgWriter, p payWrites, now time.Time) error {
	if err := pgCopyPayments(ctx, w, p.payments); err != nil {
		return err
	}
	if len(p.allocs) == 0 && len(p.sanctions) == 0 {
		return nil
	}
	return pgGenericPlansFor(func(q string) error { _, err := w.Exec(ctx, q); return err }, func() error {
		if err := pgCopyAllocations(ctx, w, p.allocs, now); err != nil {
			return err
		}
		if len(p.sanctions) == 0 {
			return nil
		}
		if _, err := pgCopyDues(ctx, w, p.sanctions, now); err != nil {
			return fmt.Errorf("store: sanctions: %w", err)
		}
		return nil
	})
}
