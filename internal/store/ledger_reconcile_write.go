package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// allocationsPerStatement bounds a multi-row INSERT of allocations (7
// parameters a row).
const allocationsPerStatement = 1000

// allocationColumnsIn are the columns an allocation is written with, in
// order: with the partition keys of its due and its payment, which the
// foreign keys of PostgreSQL's partitioned dues and payments hold.
var allocationColumnsIn = []string{"payment_id", "payment_paid_on", "due_id", "due_year", "amount", "method", "created_at"}

// recAllocation is an allocation with the year and the position of its
// due and the date of its payment.
type recAllocation struct {
	ledger.Allocation
	DueYear     int
	DuePosition int64
	PaidOn      civil.Date
}

// recAllocationRows adds to allocs the year and position of each due
// (from dues, the book they were allocated from) and the date of each
// payment.
func recAllocationRows(allocs []ledger.Allocation, dues []ledger.OpenDue, payments []ledger.Payment) ([]recAllocation, error) {
	if len(allocs) == 0 {
		return nil, nil
	}
	due := make(map[int64]*ledger.OpenDue, len(dues))
	for i := range dues {
		due[dues[i].ID] = &dues[i]
	}
	paid := make(map[int64]civil.Date, len(payments))
	for i := range payments {
		paid[payments[i].ID] = payments[i].PaidOn
	}
	out := make([]recAllocation, len(allocs))
	for i, a := range allocs {
		d, okDue := due[a.DueID]
		on, okPay := paid[a.PaymentID]
		if !okDue || !okPay {
			return nil, fmt.Errorf("store: allocation of payment %d to due %d: not in the chunk", a.PaymentID, a.DueID)
		}
		out[i] = recAllocation{Allocation: a, DueYear: d.Year, DuePosition: d.PositionID, PaidOn: on}
	}
	return out, nil
}

// recInsertAllocations writes allocations: COPY on PostgreSQL, multi-row
// INSERTs on SQLite. They are new (their payments were created in the same
// transaction), so there is nothing to skip.
func recInsertAllocations(ctx context.Context, t *payTx, allocs []recAllocation, now time.Time) error {
	if len(allocs) == 0 {
		return nil
	}
	if t.pg != nil {
		return t.pg(func(c *pgx.Conn) error { return pgCopyAllocations(ctx, c, allocs, now) })
	}
	for start := 0; start < len(allocs); start += allocationsPerStatement {
		if err := recInsertAllocationRows(ctx, t, allocs[start:min(start+allocationsPerStatement, len(allocs))], now); err != nil {
			return err
		}
	}
	return nil
}

// pgCopyAllocations copies allocations into allocations on PostgreSQL.
func pgCopyAllocations(ctx context.Context, w pgWriter, allocs []recAllocation, now time.Time) error {
	if len(allocs) == 0 {
		return nil
	}
	_, err := w.CopyFrom(ctx, pgx.Identifier{"allocations"}, allocationColumnsIn,
		pgx.CopyFromSlice(len(allocs), func(i int) ([]any, error) {
			a := &allocs[i]
			return []any{a.PaymentID, pgDate(a.PaidOn), a.DueID, int32(a.DueYear), int64(a.Amount), a.Method, now}, nil
		}))
	if err != nil {
		return fmt.Errorf("store: copy allocations: %w", err)
	}
	return nil
}

// recInsertAllocationRows writes allocations in one statement, prepared
// once per transaction.
func recInsertAllocationRows(ctx context.Context, t *payTx, allocs []recAllocation, now time.Time) error {
	var sb strings.Builder
	sb.WriteString("INSERT INTO allocations (" + strings.Join(allocationColumnsIn, ", ") + ") VALUES ")
	args := make([]any, 0, len(allocs)*len(allocationColumnsIn))
	at := timeArg(t.q.Dialect(), now)
	for i := range allocs {
		a := &allocs[i]
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString("(?, ?, ?, ?, ?, ?, ?)")
		args = append(args, a.PaymentID, a.PaidOn, a.DueID, a.DueYear, int64(a.Amount), a.Method, at)
	}
	stmt, err := t.prepared(ctx, sb.String())
	if err != nil {
		return err
	}
	if _, err := stmt.ExecContext(ctx, args...); err != nil {
		return fmt.Errorf("store: insert allocations: %w", err)
	}
	return nil
}
