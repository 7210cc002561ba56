package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// paymentColumns are the columns a payment is inserted with, in order.
const paymentColumns = `line_key, paid_on, codice_fiscale, person_id, position_id, codice_sede, causale, codice_inps,
	period_from, period_to, debit, credit, source, source_line, reconciled_at, created_at`

const paymentColumnCount = 16

// paymentConflict ends an INSERT of payments: a line key already stored is
// skipped, and the ids of the rows created are returned. No conflict
// target: PostgreSQL's partitioned payments are unique by (line_key,
// paid_on), which is the same thing, since a line key names its date.
const paymentConflict = "ON CONFLICT DO NOTHING RETURNING id, line_key"

// paymentsPerStatement bounds a multi-row INSERT on SQLite: 500 rows × 16
// parameters stays well under its limit of 32,766.
const paymentsPerStatement = 500

// payInsert inserts chunk on SQLite, skipping line keys already stored,
// with reconciled_at = now (the caller reconciles them in the same
// transaction), and returns the payments it created, with their IDs, in
// chunk order. PostgreSQL numbers them first and copies them later
// (payNumber, Payments.writePG).
func payInsert(ctx context.Context, t *payTx, chunk []ledger.Payment, now time.Time) ([]ledger.Payment, error) {
	ids := make(map[string]int64, len(chunk))
	var err error
	for start := 0; start < len(chunk) && err == nil; start += paymentsPerStatement {
		err = payInsertRows(ctx, t, chunk[start:min(start+paymentsPerStatement, len(chunk))], now, ids)
	}
	if err != nil {
		return nil, err
	}
	created := make([]ledger.Payment, 0, len(ids))
	for _, p := range chunk {
		if id, ok := ids[p.LineKey]; ok {
			p.ID, p.ReconciledAt, p.CreatedAt = id, now, now
			created = append(created, p)
		}
	}
	return created, nil
}

// payInsertRows writes rows in one multi-row INSERT … ON CONFLICT DO NOTHING
// RETURNING (prepared once per transaction), recording the id of each line
// key created.
func payInsertRows(ctx context.Context, t *payTx, rows []ledger.Payment, now time.Time, ids map[string]int64) error {
	var sb strings.Builder
	sb.WriteString("INSERT INTO payments (" + paymentColumns + ") VALUES ")
	row := "(" + Placeholders(paymentColumnCount) + ")"
	args := make([]any, 0, len(rows)*paymentColumnCount)
	at := timeArg(t.q.Dialect(), now)
	for i, p := range rows {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString(row)
		args = append(args, p.LineKey, p.PaidOn, p.CodiceFiscale, nullID(p.PersonID), nullID(p.PositionID), p.CodiceSede,
			p.Causale, p.CodiceINPS, p.PeriodFrom.String(), p.PeriodTo.String(), int64(p.Debit), int64(p.Credit),
			p.Source, p.SourceLine, at, at)
	}
	sb.WriteString(" " + paymentConflict)
	stmt, err := t.prepared(ctx, sb.String())
	if err != nil {
		return err
	}
	return payReturnedIDs(func() (*sql.Rows, error) { return stmt.QueryContext(ctx, args...) }, ids)
}

// payReturnedIDs runs an INSERT … RETURNING id, line_key into ids.
func payReturnedIDs(run func() (*sql.Rows, error), ids map[string]int64) error {
	res, err := run()
	if err != nil {
		return fmt.Errorf("store: insert payments: %w", err)
	}
	defer res.Close()
	for res.Next() {
		var id int64
		var key string
		if err := res.Scan(&id, &key); err != nil {
			return fmt.Errorf("store: insert payments: %w", err)
		}
		ids[key] = id
	}
	if err := res.Err(); err != nil {
		return fmt.Errorf("store: insert payments: %w", err)
	}
	return nil
}
