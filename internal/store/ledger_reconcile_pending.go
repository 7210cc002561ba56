package store

import (
	"context"
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// ReconcilePending reconciles the payments not yet reconciled
// (reconciled_at IS NULL: written by another path than WritePayments), in
// order of ID, chunk at a time, each chunk in one transaction that also
// marks its payments reconciled. A crash loses no work done; a re-run
// continues.
func (s *Payments) ReconcilePending(ctx context.Context, chunk int) (ledger.ReconcileStats, error) {
	if chunk <= 0 {
		chunk = ledger.DefaultPaymentChunk
	}
	var total ledger.ReconcileStats
	for {
		var n int
		err := s.db.payInTx(ctx, func(t *payTx) error {
			now := s.now().UTC()
			pending, err := recPending(ctx, t.q, chunk)
			if n = len(pending); err != nil || n == 0 {
				return err
			}
			stats, err := recReconcile(ctx, t, s.rec, pending, now)
			if err != nil {
				return err
			}
			total.Add(stats)
			return recMarkReconciled(ctx, t.q, pending, now)
		})
		if err != nil {
			return total, fmt.Errorf("store: reconcile pending payments: %w", err)
		}
		if n < chunk {
			return total, nil
		}
	}
}

// recPending reads up to limit unreconciled payments, by ID.
func recPending(ctx context.Context, q Querier, limit int) ([]ledger.Payment, error) {
	rows, err := q.Query(ctx, `SELECT `+PaymentSelect+` FROM payments p WHERE p.reconciled_at IS NULL ORDER BY p.id LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("store: pending payments: %w", err)
	}
	defer rows.Close()
	var out []ledger.Payment
	for rows.Next() {
		p, err := ScanPayment(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// recMarkReconciled sets reconciled_at of payments.
func recMarkReconciled(ctx context.Context, q Querier, payments []ledger.Payment, now time.Time) error {
	ids := make([]int64, len(payments))
	for i, p := range payments {
		ids[i] = p.ID
	}
	cond, arg, err := payIn(q.Dialect(), "id", ids)
	if err != nil {
		return err
	}
	if _, err := q.Exec(ctx, `UPDATE payments SET reconciled_at = ? WHERE `+cond, now, arg); err != nil {
		return fmt.Errorf("store: mark payments reconciled: %w", err)
	}
	return nil
}
