package store

import (
	"context"
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// imposeLock is the PostgreSQL advisory lock that serialises the
// transactions writing above-minimale dues (imposition, income import):
// each reads the acconti and saldi another may be writing. SQLite has a
// single writer anyway.
const imposeLock = 0x636173_6c6564 // "casled"

// Primaries returns, for each person insured more than once in year (as
// titolare or collaboratore, on one position or several), the first of
// their insurances by position id and subject code. An imposition calls it
// once, before its first chunk: on PostgreSQL it first makes sure the
// partitions of year (the fixed rates, saldi) and year+1 (acconti) exist
// (see YearPartitions), outside the chunks' transactions.
func (s *Imposition) Primaries(ctx context.Context, year int) (map[int64]ledger.InsuranceRef, error) {
	if err := s.parts.ensure(ctx, s.db, []int{year, year + 1}); err != nil {
		return nil, err
	}
	b := impYearBounds(year)
	q := `WITH ins AS (
		SELECT pos.titolare_id AS person_id, pos.id AS position_id, 10 AS subject FROM positions pos WHERE ` + impActiveIn + `
		UNION ALL
		SELECT m.person_id, m.position_id, m.subject_code FROM members m JOIN positions pos ON pos.id = m.position_id
		WHERE ` + impActiveIn + ` AND m.valid_from <= ? AND (m.valid_to IS NULL OR m.valid_to >= ?))
	SELECT person_id, position_id, subject FROM (
		SELECT person_id, position_id, subject, COUNT(*) OVER (PARTITION BY person_id) AS n FROM ins) x
	WHERE n > 1`
	args := append(append(append([]any{}, b...), b...), b...)
	rows, err := s.db.R().Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: persons insured twice in %d: %w", year, err)
	}
	defer rows.Close()
	out := map[int64]ledger.InsuranceRef{}
	for rows.Next() {
		var person int64
		var ref ledger.InsuranceRef
		if err := rows.Scan(&person, &ref.PositionID, &ref.SubjectCode); err != nil {
			return nil, fmt.Errorf("store: scan insurance: %w", err)
		}
		if cur, ok := out[person]; !ok || ref.Before(cur) {
			out[person] = ref
		}
	}
	return out, rows.Err()
}

// Write runs fn in one transaction: on PostgreSQL with COPY, unless
// UseCopy(false) asks for store.InsertDues; on SQLite with a prepared
// multi-row INSERT.
func (s *Imposition) Write(ctx context.Context, fn func(tx ledger.DuesTx) error) error {
	switch {
	case s.copy:
		return s.writeCopy(ctx, fn)
	case s.db.Dialect == SQLite:
		return s.writeSQLite(ctx, fn)
	}
	return s.db.InTx(ctx, func(q Querier) error {
		if err := impLockAbove(ctx, q); err != nil {
			return err
		}
		return fn(sqlDuesTx{q: q, now: s.now().UTC()})
	})
}

// impLockAbove takes the advisory lock of imposeLock for the transaction q.
func impLockAbove(ctx context.Context, q Querier) error {
	if q.Dialect() != Postgres {
		return nil
	}
	if _, err := q.Exec(ctx, `SELECT pg_advisory_xact_lock(?)`, int64(imposeLock)); err != nil {
		return fmt.Errorf("store: lock: %w", err)
	}
	return nil
}

// sqlDuesTx is a ledger.DuesTx on a database/sql transaction.
type sqlDuesTx struct {
	q   Querier
	now time.Time
}

func (t sqlDuesTx) Prior(ctx context.Context, year int, persons []int64) ([]ledger.Due, []int64, error) {
	return priorDues(ctx, impSQLQuery(t.q), year, persons)
}

func (t sqlDuesTx) InsertDues(ctx context.Context, dues []ledger.Due) (int64, error) {
	return InsertDues(ctx, t.q, dues, t.now)
}

// impRows is what the reading helpers need of *sql.Rows and pgx.Rows.
type impRows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// impQueryFunc runs a query written with "?" placeholders and returns its rows
// and the function that closes them.
type impQueryFunc func(ctx context.Context, query string, args ...any) (impRows, func(), error)

func impSQLQuery(q Querier) impQueryFunc {
	return func(ctx context.Context, query string, args ...any) (impRows, func(), error) {
		rows, err := q.Query(ctx, query, args...)
		if err != nil {
			return nil, nil, err
		}
		return rows, func() { rows.Close() }, nil
	}
}

// priorPerQuery bounds the persons of one IN list.
const priorPerQuery = 1000

// priorDues reads what ledger.DuesTx.Prior returns, persons by persons.
func priorDues(ctx context.Context, query impQueryFunc, year int, persons []int64) ([]ledger.Due, []int64, error) {
	var acconti []ledger.Due
	var settled []int64
	for start := 0; start < len(persons); start += priorPerQuery {
		part := persons[start:min(start+priorPerQuery, len(persons))]
		a, s, err := priorPart(ctx, query, year, part)
		if err != nil {
			return nil, nil, err
		}
		acconti, settled = append(acconti, a...), append(settled, s...)
	}
	return acconti, settled, nil
}

func priorPart(ctx context.Context, query impQueryFunc, year int, persons []int64) ([]ledger.Due, []int64, error) {
	in := "(" + Placeholders(len(persons)) + ")"
	args := make([]any, 0, len(persons)+1)
	args = append(args, year)
	for _, p := range persons {
		args = append(args, p)
	}
	var acconti []ledger.Due
	err := impEachRow(ctx, query, func(r impRows) error {
		d, err := ScanDue(r)
		acconti = append(acconti, d)
		return err
	}, `SELECT `+DueSelect+` FROM dues d WHERE d.year = ? AND d.kind IN ('acconto1', 'acconto2')
		AND d.person_id IN `+in+` ORDER BY d.person_id, d.kind, d.id`, args...)
	if err != nil {
		return nil, nil, fmt.Errorf("store: acconti of %d: %w", year, err)
	}
	args[0] = year + 1
	var settled []int64
	err = impEachRow(ctx, query, func(r impRows) error {
		var id int64
		err := r.Scan(&id)
		settled = append(settled, id)
		return err
	}, `SELECT i.person_id FROM incomes i WHERE i.year = ? AND i.person_id IN `+in+`
		AND EXISTS (SELECT 1 FROM dues d WHERE d.person_id = i.person_id AND d.year = i.year
			AND d.kind IN ('rata1', 'rata2', 'rata3', 'rata4'))`, args...)
	if err != nil {
		return nil, nil, fmt.Errorf("store: settled in %d: %w", year+1, err)
	}
	return acconti, settled, nil
}

// impEachRow runs query and calls fn on each row.
func impEachRow(ctx context.Context, query impQueryFunc, fn func(impRows) error, q string, args ...any) error {
	rows, done, err := query(ctx, q, args...)
	if err != nil {
		return err
	}
	defer done()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
