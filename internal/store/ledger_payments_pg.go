package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// payStageDDL creates the session's staging table for COPY: emptied at
// every commit or rollback, so a pooled connection reuses it.
const payStageDDL = `CREATE TEMP TABLE IF NOT EXISTS payments_stage (
	seq INTEGER, line_key TEXT, paid_on DATE, codice_fiscale TEXT, person_id BIGINT, position_id BIGINT,
	codice_sede TEXT, causale TEXT, codice_inps TEXT, period_from TEXT, period_to TEXT, debit BIGINT, credit BIGINT,
	source TEXT, source_line INTEGER) ON COMMIT DELETE ROWS`

// payStageColumns are the columns COPY fills, in order.
func payStageColumns() []string {
	return []string{"seq", "line_key", "paid_on", "codice_fiscale", "person_id", "position_id",
		"codice_sede", "causale", "codice_inps", "period_from", "period_to", "debit", "credit", "source", "source_line"}
}

// payInsertCopy is payInsert on PostgreSQL: COPY of the chunk into the
// staging table, then one INSERT … SELECT … ON CONFLICT DO NOTHING
// RETURNING, in file order.
func payInsertCopy(ctx context.Context, t *payTx, chunk []ledger.Payment, now time.Time, ids map[string]int64) error {
	if _, err := t.q.Exec(ctx, payStageDDL); err != nil {
		return fmt.Errorf("store: payments staging table: %w", err)
	}
	err := t.pg(func(c *pgx.Conn) error {
		_, err := c.CopyFrom(ctx, pgx.Identifier{"payments_stage"}, payStageColumns(),
			pgx.CopyFromSlice(len(chunk), func(i int) ([]any, error) {
				p := chunk[i]
				return []any{i, p.LineKey, pgDate(p.PaidOn), p.CodiceFiscale, nullID(p.PersonID), nullID(p.PositionID),
					p.CodiceSede, p.Causale, p.CodiceINPS, p.PeriodFrom.String(), p.PeriodTo.String(), int64(p.Debit),
					int64(p.Credit), p.Source, p.SourceLine}, nil
			}))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: copy payments: %w", err)
	}
	return payReturnedIDs(func() (*sql.Rows, error) {
		return t.q.Query(ctx, `INSERT INTO payments (`+paymentColumns+`)
			SELECT line_key, paid_on, codice_fiscale, person_id, position_id, codice_sede, causale, codice_inps,
				period_from, period_to, debit, credit, source, source_line, ?, ?
			FROM payments_stage ORDER BY seq
			ON CONFLICT (line_key) DO NOTHING RETURNING id, line_key`, now, now)
	}, ids)
}

// pgDate is d as COPY wants a DATE: midnight UTC of the day.
func pgDate(d civil.Date) time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }
