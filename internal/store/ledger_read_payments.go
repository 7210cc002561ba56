package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

const readPaymentsQuery = `SELECT ` + PaymentSelect + ` FROM payments p WHERE p.position_id = ?
	ORDER BY p.paid_on, p.id`

func readPayments(ctx context.Context, q Querier, positionID int64) ([]ledger.Payment, error) {
	rows, err := q.Query(ctx, readPaymentsQuery, positionID)
	if err != nil {
		return nil, err
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

// Payments returns a page of the list of payments of position positionID
// (M5), newest first, with the allocations of each: two indexed queries.
func (r *LedgerReader) Payments(ctx context.Context, positionID int64, f ledger.PaymentFilter) (ledger.PaymentPage, error) {
	page := ledger.PaymentPage{Rows: []ledger.PaymentRow{}}
	limit, err := f.PageSize()
	if err != nil {
		return page, err
	}
	where, args := paymentWhere(positionID, f)
	q := r.db.R()
	rows, err := q.Query(ctx, `SELECT `+PaymentSelect+` FROM payments p WHERE `+where+
		` ORDER BY p.paid_on DESC, p.id DESC LIMIT ?`, append(args, limit+1)...)
	if err != nil {
		return page, fmt.Errorf("store: payments of position %d: %w", positionID, err)
	}
	defer rows.Close()
	var list []ledger.Payment
	for rows.Next() {
		p, err := ScanPayment(rows)
		if err != nil {
			return page, fmt.Errorf("store: payments of position %d: %w", positionID, err)
		}
		list = append(list, p)
	}
	if err := rows.Err(); err != nil {
		return page, fmt.Errorf("store: payments of position %d: %w", positionID, err)
	}
	if len(list) > limit {
		list = list[:limit]
		last := list[limit-1]
		page.Next = ledger.PaymentCursor{PaidOn: last.PaidOn, ID: last.ID}
	}
	allocs, err := paymentAllocations(ctx, q, list)
	if err != nil {
		return page, err
	}
	for _, p := range list {
		page.Rows = append(page.Rows, ledger.NewPaymentRow(p, allocs[p.ID]))
	}
	return page, nil
}

// paymentWhere returns the conditions of filter f on payments p.
func paymentWhere(positionID int64, f ledger.PaymentFilter) (string, []any) {
	conds, args := []string{"p.position_id = ?"}, []any{positionID}
	if f.Year != 0 {
		conds = append(conds, "p.period_from >= ? AND p.period_from <= ?")
		args = append(args, fmt.Sprintf("%04d-01", f.Year), fmt.Sprintf("%04d-12", f.Year))
	}
	if f.Causale != "" {
		conds, args = append(conds, "p.causale = ?"), append(args, f.Causale)
	}
	if !f.From.IsZero() {
		conds, args = append(conds, "p.paid_on >= ?"), append(args, f.From)
	}
	if !f.To.IsZero() {
		conds, args = append(conds, "p.paid_on <= ?"), append(args, f.To)
	}
	if !f.After.IsZero() {
		conds = append(conds, "(p.paid_on < ? OR (p.paid_on = ? AND p.id < ?))")
		args = append(args, f.After.PaidOn, f.After.PaidOn, f.After.ID)
	}
	return strings.Join(conds, " AND "), args
}

// paymentAllocations returns the allocations of payments, by payment.
func paymentAllocations(ctx context.Context, q Querier, payments []ledger.Payment) (map[int64][]ledger.Allocation, error) {
	out := make(map[int64][]ledger.Allocation, len(payments))
	if len(payments) == 0 {
		return out, nil
	}
	args := make([]any, len(payments))
	for i, p := range payments {
		args[i] = p.ID
	}
	rows, err := q.Query(ctx, `SELECT `+allocationColumns+` FROM allocations a WHERE a.payment_id IN (`+
		Placeholders(len(args))+`) ORDER BY a.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: allocations of payments: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanReadAllocation(rows)
		if err != nil {
			return nil, fmt.Errorf("store: allocations of payments: %w", err)
		}
		out[a.PaymentID] = append(out[a.PaymentID], a)
	}
	return out, rows.Err()
}
