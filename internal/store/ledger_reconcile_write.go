package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// allocationsPerStatement bounds a multi-row INSERT of allocations (5
// parameters a row).
const allocationsPerStatement = 1000

// recInsertAllocations writes allocations: COPY on PostgreSQL, multi-row
// INSERTs on SQLite. They are new (their payments were created in the same
// transaction), so there is nothing to skip.
func recInsertAllocations(ctx context.Context, t *payTx, allocs []ledger.Allocation, now time.Time) error {
	if len(allocs) == 0 {
		return nil
	}
	if t.pg != nil {
		err := t.pg(func(c *pgx.Conn) error {
			_, err := c.CopyFrom(ctx, pgx.Identifier{"allocations"}, []string{"payment_id", "due_id", "amount", "method", "created_at"},
				pgx.CopyFromSlice(len(allocs), func(i int) ([]any, error) {
					a := allocs[i]
					return []any{a.PaymentID, a.DueID, int64(a.Amount), a.Method, now}, nil
				}))
			return err
		})
		if err != nil {
			return fmt.Errorf("store: copy allocations: %w", err)
		}
		return nil
	}
	for start := 0; start < len(allocs); start += allocationsPerStatement {
		if err := recInsertAllocationRows(ctx, t, allocs[start:min(start+allocationsPerStatement, len(allocs))], now); err != nil {
			return err
		}
	}
	return nil
}

// recInsertAllocationRows writes allocations in one statement, prepared
// once per transaction.
func recInsertAllocationRows(ctx context.Context, t *payTx, allocs []ledger.Allocation, now time.Time) error {
	var sb strings.Builder
	sb.WriteString("INSERT INTO allocations (payment_id, due_id, amount, method, created_at) VALUES ")
	args := make([]any, 0, len(allocs)*5)
	for i, a := range allocs {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString("(?, ?, ?, ?, ?)")
		args = append(args, a.PaymentID, a.DueID, int64(a.Amount), a.Method, now)
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
