package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// imposeRowsPerStatement is the number of dues of the prepared multi-row
// INSERT a SQLite chunk reuses: 250 × 17 parameters.
const imposeRowsPerStatement = 250

// writeSQLite runs fn in a transaction of the SQLite writer whose
// InsertDues reuses one prepared multi-row INSERT: parsing a statement of
// thousands of parameters costs as much as a fifth of the insert.
func (s *Imposition) writeSQLite(ctx context.Context, fn func(tx ledger.DuesTx) error) (err error) {
	tx, err := s.db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	t := &sqliteDuesTx{tx: tx, q: querier{s.db.Dialect, tx}, now: s.now().UTC()}
	defer func() {
		if t.stmt != nil {
			_ = t.stmt.Close()
		}
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if err = fn(t); err != nil {
		return err
	}
	if err = tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

// sqliteDuesTx is a ledger.DuesTx on a SQLite transaction.
type sqliteDuesTx struct {
	tx   *sql.Tx
	q    Querier
	now  time.Time
	stmt *sql.Stmt
	args []any
}

func (t *sqliteDuesTx) Prior(ctx context.Context, year int, persons []int64) ([]ledger.Due, []int64, error) {
	return priorDues(ctx, impSQLQuery(t.q), year, persons)
}

// InsertDues writes full groups of imposeRowsPerStatement dues with the
// prepared statement and the rest with store.InsertDues.
func (t *sqliteDuesTx) InsertDues(ctx context.Context, dues []ledger.Due) (int64, error) {
	if err := checkDues(dues); err != nil {
		return 0, err
	}
	var created int64
	full := len(dues) / imposeRowsPerStatement * imposeRowsPerStatement
	for start := 0; start < full; start += imposeRowsPerStatement {
		n, err := t.insertGroup(ctx, dues[start:start+imposeRowsPerStatement])
		if err != nil {
			return created, err
		}
		created += n
	}
	n, err := InsertDues(ctx, t.q, dues[full:], t.now)
	return created + n, err
}

func (t *sqliteDuesTx) insertGroup(ctx context.Context, dues []ledger.Due) (int64, error) {
	if t.stmt == nil {
		row := "(" + Placeholders(dueColumnCount) + ")"
		q := "INSERT INTO dues (" + dueColumns + ") VALUES " + strings.Repeat(row+", ", imposeRowsPerStatement-1) + row +
			" " + dueConflict
		stmt, err := t.tx.PrepareContext(ctx, q)
		if err != nil {
			return 0, fmt.Errorf("store: prepare insert dues: %w", err)
		}
		t.stmt = stmt
	}
	t.args = t.args[:0]
	at := timeArg(SQLite, t.now)
	for i := range dues {
		t.args = appendDueArgs(t.args, &dues[i], at)
	}
	res, err := t.stmt.ExecContext(ctx, t.args...)
	if err != nil {
		return 0, fmt.Errorf("store: insert dues: %w", err)
	}
	return res.RowsAffected()
}

// appendDueArgs appends the values of dueColumns for d, created at now
// (see timeArg).
func appendDueArgs(args []any, d *ledger.Due, now any) []any {
	var parent any
	if d.ParentID != 0 {
		parent = d.ParentID
	}
	return append(args, d.NaturalKey, d.PositionID, d.PersonID, d.SubjectCode, d.Year, string(d.Kind), d.Causale,
		d.PeriodFrom.String(), d.PeriodTo.String(), d.DueDate, int64(d.Amount), int64(d.Maternity), d.Codeline,
		parent, d.Reason, d.Settlement, now)
}
