package store

import (
	"context"
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib/codeline"
	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// recReconcile reconciles payments (stored, with their IDs) inside t: it
// plans the chunk's allocations and sanctions (recPlan) and writes them
// (with generic plans on PostgreSQL: see querierGenericPlans).
func recReconcile(ctx context.Context, t *payTx, rec ledger.Reconciler, payments []ledger.Payment, now time.Time) (ledger.ReconcileStats, error) {
	plan, err := recPlan(ctx, t.q, rec, payments)
	if err != nil || (len(plan.allocs) == 0 && len(plan.sanctions) == 0) {
		return plan.stats, err
	}
	err = querierGenericPlans(ctx, t.q, func() error {
		if err := recInsertAllocations(ctx, t, plan.allocs, now); err != nil {
			return err
		}
		if _, err := InsertDues(ctx, t.q, plan.sanctions, now); err != nil {
			return fmt.Errorf("store: sanctions: %w", err)
		}
		return nil
	})
	return plan.stats, err
}

// recPlanned is what reconciling a chunk writes: its allocations and its
// sanction dues, with the reconciliation's counts.
type recPlanned struct {
	allocs    []recAllocation
	sanctions []ledger.Due
	stats     ledger.ReconcileStats
}

// recPlan reconciles payments (with their IDs, written or not) through q
// without writing anything: it loads the dues they may pay (ledger.Book)
// in two queries, allocates them in order (ledger.Reconciler) and reads
// the notice dates of the dues paid late.
func recPlan(ctx context.Context, q Querier, rec ledger.Reconciler, payments []ledger.Payment) (recPlanned, error) {
	if len(payments) == 0 {
		return recPlanned{}, nil
	}
	dues, err := recLoadBook(ctx, q, payments)
	if err != nil {
		return recPlanned{}, err
	}
	out, err := rec.Reconcile(payments, ledger.NewBook(dues), func(ids []int64) (map[int64][]civil.Date, error) {
		return recNoticeDates(ctx, q, ids)
	})
	if err != nil {
		return recPlanned{stats: out.Stats}, err
	}
	allocs, err := recAllocationRows(out.Allocations, dues, payments)
	return recPlanned{allocs: allocs, sanctions: out.Sanctions, stats: out.Stats}, err
}

// recLoadBook loads the open dues payments may pay (the ledger.Book of
// the chunk): the dues of their
// verified codici INPS; for a verified code no due carries (a code
// re-generated for another amount), the dues whose codeline has the same
// position, subject, rata and year; then, for the payments to be matched
// (no verified code, or a code of no due), the dues of the same person and
// causale whose period overlaps theirs.
func recLoadBook(ctx context.Context, q Querier, payments []ledger.Payment) ([]ledger.OpenDue, error) {
	var codes []string
	verified := make([]bool, len(payments))
	for i, p := range payments {
		if p.Debit > 0 && p.CodelineVerified() {
			verified[i] = true
			codes = append(codes, p.CodiceINPS)
		}
	}
	dues, err := recDuesByCodeline(ctx, q, payDistinct(codes, func(c string) string { return c }))
	if err != nil {
		return nil, err
	}
	found := make(map[string]bool, len(dues))
	for _, d := range dues {
		found[d.Codeline] = true
	}
	var prefixes []string
	var wanted []recMatch
	for i, p := range payments {
		if verified[i] && !found[p.CodiceINPS] {
			prefixes = append(prefixes, p.CodiceINPS[:codeline.PrefixLen])
		}
		if p.Debit > 0 && p.PersonID != 0 && (!verified[i] || !found[p.CodiceINPS]) {
			wanted = append(wanted, recMatch{p.PersonID, p.Causale, p.PeriodFrom.String(), p.PeriodTo.String(),
				p.PeriodFrom.Year, p.PeriodTo.Year})
		}
	}
	regenerated, err := recDuesByPrefix(ctx, q, payDistinct(prefixes, func(c string) string { return c }))
	if err != nil {
		return nil, err
	}
	more, err := recDuesByMatch(ctx, q, payDistinct(wanted, func(m recMatch) recMatch { return m }))
	if err != nil {
		return nil, err
	}
	return append(append(dues, regenerated...), more...), nil
}

// recNoticeDates returns the dates of the notices that named each due.
func recNoticeDates(ctx context.Context, q Querier, ids []int64) (map[int64][]civil.Date, error) {
	cond, arg, err := payIn(q.Dialect(), "ni.due_id", payDistinct(ids, func(id int64) int64 { return id }))
	if err != nil {
		return nil, err
	}
	rows, err := q.Query(ctx, `SELECT ni.due_id, n.issued_on FROM notice_items ni JOIN notices n ON n.id = ni.notice_id
		WHERE `+cond, arg)
	if err != nil {
		return nil, fmt.Errorf("store: notices of dues paid late: %w", err)
	}
	defer rows.Close()
	out := map[int64][]civil.Date{}
	for rows.Next() {
		var id int64
		var on civil.Date
		if err := rows.Scan(&id, &on); err != nil {
			return nil, fmt.Errorf("store: notices of dues paid late: %w", err)
		}
		out[id] = append(out[id], on)
	}
	return out, rows.Err()
}
