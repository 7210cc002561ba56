package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// duesInColumns are the columns COPY writes a due with, in order.
var duesInColumns = []string{"id", "natural_key", "position_id", "person_id", "subject_code", "year", "kind", "causale",
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
	if err = impBatchTx(ctx, tx); err != nil {
		return err
	}
	if _, err = tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(imposeLock)); err != nil {
		return fmt.Errorf("store: lock: %w", err)
	}
	if err = fn(pgDuesTx{tx: tx, pool: s.db.Pool(), now: s.now().UTC()}); err != nil {
		return err
	}
	if err = tx.Commit(ctx); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

// impBatchTx sets up a transaction of a PostgreSQL batch: no JIT (its
// queries are short index lookups) and synchronous_commit off: the commit
// does not wait for its WAL to reach the disk. A crash of the server may
// then lose the last chunks committed (never part of one, and never
// anything older), a crash of the batch loses nothing committed; either
// way, running the batch again writes exactly what is missing, as after a
// crash halfway (every row has a natural key).
func impBatchTx(ctx context.Context, tx pgx.Tx) error {
	if _, err := tx.Exec(ctx, `SET LOCAL synchronous_commit = off; SET LOCAL jit = off`); err != nil {
		return fmt.Errorf("store: batch transaction: %w", err)
	}
	return nil
}

// pgDuesTx is a ledger.DuesTx on a native PostgreSQL transaction; pool
// gives the second writer of large chunks.
type pgDuesTx struct {
	tx   pgx.Tx
	pool *pgxpool.Pool
	now  time.Time
}

func (t pgDuesTx) Prior(ctx context.Context, year int, persons []int64) ([]ledger.Due, []int64, error) {
	return priorDues(ctx, impPGQuery(t.tx), year, persons)
}

// impParallelMin is the number of new dues from which InsertDues copies
// them with two writers: the server has a core for each.
const impParallelMin = 4000

// InsertDues copies into dues those of dues whose natural key is not
// stored yet (one query per year for the keys already there: the
// imposition lock keeps any other writer of these keys out). A chunk of at
// least impParallelMin new dues is split at a position: the second half is
// copied at the same time in a transaction of its own on another
// connection, committed only once the first half is written, just before
// the chunk's transaction commits. Should that commit then fail, the
// second half stays and a new run adds the first.
func (t pgDuesTx) InsertDues(ctx context.Context, dues []ledger.Due) (int64, error) {
	if err := checkDues(dues); err != nil {
		return 0, err
	}
	fresh, err := t.unstored(ctx, dues)
	if err != nil || len(fresh) == 0 {
		return 0, err
	}
	if err := impNumber(ctx, t.tx, fresh); err != nil {
		return 0, err
	}
	a, b := impSplit(fresh)
	if len(b) == 0 {
		return impCopyDues(ctx, t.tx, a, t.now)
	}
	aside := make(chan impAside, 1)
	go func() { aside <- t.copyAside(ctx, b) }()
	na, errA := impCopyDues(ctx, t.tx, a, t.now)
	other := <-aside
	if err := other.end(ctx, errA); err != nil {
		return 0, err
	}
	return na + other.n, nil
}

// impAside is the second writer's transaction, still open, and what it
// copied.
type impAside struct {
	tx  pgx.Tx
	n   int64
	err error
}

// end ends the second writer's transaction once the first writer is done
// with its part, errA its error: it rolls it back if either failed (and
// returns the first error), else commits it.
func (a impAside) end(ctx context.Context, errA error) error {
	if errA == nil {
		errA = a.err
	}
	if errA != nil {
		if a.tx != nil {
			_ = a.tx.Rollback(context.WithoutCancel(ctx))
		}
		return errA
	}
	if err := a.tx.Commit(ctx); err != nil {
		return fmt.Errorf("store: commit of the second writer: %w", err)
	}
	return nil
}

// copyAside copies dues in a new transaction and leaves it open.
func (t pgDuesTx) copyAside(ctx context.Context, dues []ledger.Due) impAside {
	tx, err := t.pool.Begin(ctx)
	if err != nil {
		return impAside{err: fmt.Errorf("store: begin: %w", err)}
	}
	if err := impBatchTx(ctx, tx); err != nil {
		return impAside{tx: tx, err: err}
	}
	n, err := impCopyDues(ctx, tx, dues, t.now)
	return impAside{tx: tx, n: n, err: err}
}

// impNumber sets the ids of dues, in order, from the sequence of dues (one
// query): whichever of the two writers copies a due, the ids follow the
// order of the chunk, as with one writer, so that what reads dues in id
// order (the payments generator, the demo history) sees the same order on
// every run and on both databases.
func impNumber(ctx context.Context, tx pgWriter, dues []ledger.Due) error {
	rows, err := tx.Query(ctx, pgNextIDs("dues"), len(dues))
	if err != nil {
		return fmt.Errorf("store: due ids: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return fmt.Errorf("store: due ids: %w", err)
	}
	if len(ids) != len(dues) {
		return fmt.Errorf("store: due ids: %d of %d", len(ids), len(dues))
	}
	slices.Sort(ids)
	for i := range dues {
		dues[i].ID = ids[i]
	}
	return nil
}

// impSplit splits dues in two by position: the second part takes every
// due of the positions from the one of the middle due on (in id order),
// the first the rest, each in the chunk's order; no split when they are
// fewer than impParallelMin. The two writers then never touch the same
// position: the ledger-version triggers (migration 00016) would otherwise
// make the second wait for the first's commit, which waits for the second.
// A chunk lists titolari before collaboratori, so one position's dues are
// not contiguous. The dues with a parent (corrections) stay in the first
// part, with the transaction that read their parents.
func impSplit(dues []ledger.Due) (a, b []ledger.Due) {
	if len(dues) < impParallelMin {
		return dues, nil
	}
	ids := make([]int64, len(dues))
	for i := range dues {
		ids[i] = dues[i].PositionID
	}
	slices.Sort(ids)
	pivot := ids[len(ids)/2]
	if pivot == ids[0] {
		return dues, nil
	}
	for _, d := range dues {
		if d.PositionID < pivot {
			a = append(a, d)
			continue
		}
		if d.ParentID != 0 {
			return dues, nil
		}
		b = append(b, d)
	}
	return a, b
}

// unstored returns a copy of the dues whose natural key is not stored: one
// query per year, each reading one partition's unique index.
func (t pgDuesTx) unstored(ctx context.Context, dues []ledger.Due) ([]ledger.Due, error) {
	byYear := map[int][]string{}
	for i := range dues {
		byYear[dues[i].Year] = append(byYear[dues[i].Year], dues[i].NaturalKey)
	}
	stored := map[string]bool{}
	for year, keys := range byYear {
		rows, err := t.tx.Query(ctx, `SELECT natural_key FROM dues WHERE year = $1 AND natural_key = ANY($2)`, year, keys)
		if err != nil {
			return nil, fmt.Errorf("store: dues stored: %w", err)
		}
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: dues stored: %w", err)
			}
			stored[k] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("store: dues stored: %w", err)
		}
	}
	fresh := make([]ledger.Due, 0, len(dues)-len(stored)) // a copy: InsertDues numbers them
	for _, d := range dues {
		if !stored[d.NaturalKey] {
			fresh = append(fresh, d)
			stored[d.NaturalKey] = true // a key twice in dues is written once
		}
	}
	return fresh, nil
}

// impCopyDues copies dues into dues (PostgreSQL routes each row to its
// year's partition, and checks a correction's parent with a generic plan:
// pgGenericPlansFor) and returns how many it wrote.
func impCopyDues(ctx context.Context, tx pgx.Tx, dues []ledger.Due, now time.Time) (int64, error) {
	var n int64
	err := pgGenericPlansFor(func(q string) error { _, err := tx.Exec(ctx, q); return err }, func() (err error) {
		n, err = pgCopyDues(ctx, tx, dues, now)
		return err
	})
	return n, err
}

// pgCopyDues copies dues, with their ids, into dues and returns how many
// it wrote.
func pgCopyDues(ctx context.Context, w pgWriter, dues []ledger.Due, now time.Time) (int64, error) {
	n, err := w.CopyFrom(ctx, pgx.Identifier{"dues"}, duesInColumns, pgx.CopyFromSlice(len(dues),
		func(i int) ([]any, error) { return impCopyRow(&dues[i], now), nil }))
	if err != nil {
		return 0, fmt.Errorf("store: copy dues: %w", err)
	}
	return n, nil
}

func impCopyRow(d *ledger.Due, now time.Time) []any {
	var parent any
	if d.ParentID != 0 {
		parent = d.ParentID
	}
	due := time.Date(d.DueDate.Year, d.DueDate.Month, d.DueDate.Day, 0, 0, 0, 0, time.UTC)
	return []any{d.ID, d.NaturalKey, d.PositionID, d.PersonID, int32(d.SubjectCode), int32(d.Year), string(d.Kind),
		d.Causale, d.PeriodFrom.String(), d.PeriodTo.String(), due, int64(d.Amount), int64(d.Maternity), d.Codeline,
		parent, d.Reason, d.Settlement, now}
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
