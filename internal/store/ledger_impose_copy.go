package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// duesInTable is the per-connection temporary table COPY fills before one
// INSERT … SELECT … ON CONFLICT moves the new dues into dues.
const duesInTable = `CREATE TEMP TABLE IF NOT EXISTS dues_in (
	natural_key TEXT, position_id BIGINT, person_id BIGINT, subject_code INTEGER, year INTEGER, kind TEXT,
	causale TEXT, period_from TEXT, period_to TEXT, due_date DATE, amount BIGINT, maternity BIGINT,
	codeline TEXT, parent_id BIGINT, reason TEXT, settlement_eligible BOOLEAN, created_at TIMESTAMPTZ
) ON COMMIT DELETE ROWS`

var duesInColumns = []string{"natural_key", "position_id", "person_id", "subject_code", "year", "kind", "causale",
	"period_from", "period_to", "due_date", "amount", "maternity", "codeline", "parent_id", "reason",
	"settlement_eligible", "created_at"}

// writeCopy runs fn in a native PostgreSQL transaction whose InsertDues
// uses COPY.
func (s *Imposition) writeCopy(ctx context.Context, fn func(tx ledger.DuesTx) error) (err error) {
	if s.db.Pool() == nil {
		return errImposeNoPool
	}
	tx, err := s.db.Pool().Begin(ctx)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback(context.WithoutCancel(ctx))
		}
	}()
	if _, err = tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(imposeLock)); err != nil {
		return fmt.Errorf("store: lock: %w", err)
	}
	if err = fn(pgDuesTx{tx: tx, now: s.now().UTC()}); err != nil {
		return err
	}
	if err = tx.Commit(ctx); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

// pgDuesTx is a ledger.DuesTx on a native PostgreSQL transaction.
type pgDuesTx struct {
	tx  pgx.Tx
	now time.Time
}

func (t pgDuesTx) Prior(ctx context.Context, year int, persons []int64) ([]ledger.Due, []int64, error) {
	return priorDues(ctx, impPGQuery(t.tx), year, persons)
}

// InsertDues copies dues into dues_in, then inserts those whose natural key
// is new.
func (t pgDuesTx) InsertDues(ctx context.Context, dues []ledger.Due) (int64, error) {
	if len(dues) == 0 {
		return 0, nil
	}
	if _, err := t.tx.Exec(ctx, duesInTable); err != nil {
		return 0, fmt.Errorf("store: dues_in: %w", err)
	}
	_, err := t.tx.CopyFrom(ctx, pgx.Identifier{"dues_in"}, duesInColumns, pgx.CopyFromSlice(len(dues),
		func(i int) ([]any, error) { return t.copyRow(&dues[i]), nil }))
	if err != nil {
		return 0, fmt.Errorf("store: copy dues: %w", err)
	}
	tag, err := t.tx.Exec(ctx, `INSERT INTO dues (`+dueColumns+`) SELECT `+dueColumns+` FROM dues_in
		ON CONFLICT (natural_key) DO NOTHING`)
	if err != nil {
		return 0, fmt.Errorf("store: insert dues: %w", err)
	}
	if _, err := t.tx.Exec(ctx, `DELETE FROM dues_in`); err != nil {
		return 0, fmt.Errorf("store: empty dues_in: %w", err)
	}
	return tag.RowsAffected(), nil
}

func (t pgDuesTx) copyRow(d *ledger.Due) []any {
	var parent any
	if d.ParentID != 0 {
		parent = d.ParentID
	}
	due := time.Date(d.DueDate.Year, d.DueDate.Month, d.DueDate.Day, 0, 0, 0, 0, time.UTC)
	return []any{d.NaturalKey, d.PositionID, d.PersonID, int32(d.SubjectCode), int32(d.Year), string(d.Kind),
		d.Causale, d.PeriodFrom.String(), d.PeriodTo.String(), due, int64(d.Amount), int64(d.Maternity), d.Codeline,
		parent, d.Reason, d.Settlement, t.now}
}

// impPGQuery runs queries written with "?" placeholders on a pgx transaction.
func impPGQuery(tx pgx.Tx) impQueryFunc {
	return func(ctx context.Context, query string, args ...any) (impRows, func(), error) {
		rows, err := tx.Query(ctx, Rebind(Postgres, query), args...)
		if err != nil {
			return nil, nil, err
		}
		return rows, rows.Close, nil
	}
}

// errImposeNoPool is returned when COPY is asked for on a database without a
// native PostgreSQL pool.
var errImposeNoPool = errors.New("store: COPY needs PostgreSQL")
