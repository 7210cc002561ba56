package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// Incomes is the storage of the income import (ledger.IncomeStore).
type Incomes struct {
	db  *DB
	now func() time.Time
}

var _ ledger.IncomeStore = (*Incomes)(nil)

// NewIncomes returns the income storage on db; now stamps what it writes.
func NewIncomes(db *DB, now func() time.Time) *Incomes { return &Incomes{db: db, now: now} }

// impInPerQuery bounds the values of one IN list.
const impInPerQuery = 1000

// PersonIDs returns the ids of those of cfs that are in the registry.
func (s *Incomes) PersonIDs(ctx context.Context, cfs []string) (map[string]int64, error) {
	out := make(map[string]int64, len(cfs))
	for start := 0; start < len(cfs); start += impInPerQuery {
		part := cfs[start:min(start+impInPerQuery, len(cfs))]
		args := make([]any, len(part))
		for i, cf := range part {
			args[i] = cf
		}
		err := impEachRow(ctx, impSQLQuery(s.db.R()), func(r impRows) error {
			var cf string
			var id int64
			err := r.Scan(&cf, &id)
			out[cf] = id
			return err
		}, `SELECT codice_fiscale, id FROM persons WHERE codice_fiscale IN (`+Placeholders(len(part))+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("store: persons by codice fiscale: %w", err)
		}
	}
	return out, nil
}

// WriteIncomes runs fn in one transaction, serialised on PostgreSQL with
// the other writers of above-minimale dues.
func (s *Incomes) WriteIncomes(ctx context.Context, fn func(tx ledger.IncomeTx) error) error {
	return s.db.InTx(ctx, func(q Querier) error {
		if err := impLockAbove(ctx, q); err != nil {
			return err
		}
		return fn(sqlIncomeTx{sqlDuesTx{q: q, now: s.now().UTC()}})
	})
}

// sqlIncomeTx is a ledger.IncomeTx on a database/sql transaction.
type sqlIncomeTx struct{ sqlDuesTx }

// StoredIncomes returns the incomes stored for any of keys.
func (t sqlIncomeTx) StoredIncomes(ctx context.Context, keys []ledger.PersonYear) (map[ledger.PersonYear]ledger.Income, error) {
	want := make(map[ledger.PersonYear]bool, len(keys))
	seen := map[int64]bool{}
	var persons []any
	for _, k := range keys {
		want[k] = true
		if !seen[k.PersonID] {
			seen[k.PersonID] = true
			persons = append(persons, k.PersonID)
		}
	}
	out := map[ledger.PersonYear]ledger.Income{}
	for start := 0; start < len(persons); start += impInPerQuery {
		part := persons[start:min(start+impInPerQuery, len(persons))]
		err := impEachRow(ctx, impSQLQuery(t.q), func(r impRows) error {
			var in ledger.Income
			var income int64
			if err := r.Scan(&in.ID, &in.PersonID, &in.Year, &income, &in.Forfettario, &in.Source); err != nil {
				return err
			}
			in.Income = moneyOf(income)
			if k := (ledger.PersonYear{PersonID: in.PersonID, Year: in.Year}); want[k] {
				out[k] = in
			}
			return nil
		}, `SELECT id, person_id, year, income, forfettario, source FROM incomes WHERE person_id IN (`+
			Placeholders(len(part))+`)`, part...)
		if err != nil {
			return nil, fmt.Errorf("store: stored incomes: %w", err)
		}
	}
	return out, nil
}

// InsertIncomes stores incomes in multi-row INSERTs, skipping a person and
// year already stored, and returns how many it created.
func (t sqlIncomeTx) InsertIncomes(ctx context.Context, incomes []ledger.Income) (int64, error) {
	const perStatement = 500
	var created int64
	for start := 0; start < len(incomes); start += perStatement {
		part := incomes[start:min(start+perStatement, len(incomes))]
		rows := make([]string, len(part))
		args := make([]any, 0, 6*len(part))
		for i, in := range part {
			rows[i] = "(?, ?, ?, ?, ?, ?)"
			args = append(args, in.PersonID, in.Year, int64(in.Income), in.Forfettario, in.Source, t.now)
		}
		res, err := t.q.Exec(ctx, `INSERT INTO incomes (person_id, year, income, forfettario, source, created_at) VALUES `+
			strings.Join(rows, ", ")+` ON CONFLICT (person_id, year) DO NOTHING`, args...)
		if err != nil {
			return created, fmt.Errorf("store: insert incomes: %w", err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return created, fmt.Errorf("store: insert incomes: %w", err)
		}
		created += n
	}
	return created, nil
}

// imposedCol tells whether the fixed rates of the year (the last
// parameter) are stored for the insurance of the row.
const imposedCol = `EXISTS (SELECT 1 FROM dues d WHERE d.person_id = %s AND d.year = ? AND d.position_id = pos.id
	AND d.subject_code = %s AND d.kind IN ('rata1', 'rata2', 'rata3', 'rata4'))`

// Insurances returns every insurance in year of persons, titolari first,
// with Imposed set when its fixed rates of the year are stored.
func (t sqlIncomeTx) Insurances(ctx context.Context, year int, persons []int64) ([]ledger.Insured, error) {
	var out []ledger.Insured
	for start := 0; start < len(persons); start += impInPerQuery {
		part := persons[start:min(start+impInPerQuery, len(persons))]
		in := "(" + Placeholders(len(part)) + ")"
		ids := make([]any, len(part))
		for i, p := range part {
			ids[i] = p
		}
		titolari := `SELECT ` + fmt.Sprintf(insuredCols, titolareCols) + `, ` + fmt.Sprintf(imposedCol, "pos.titolare_id", "10") + `
			FROM positions pos JOIN persons p ON p.id = pos.titolare_id
			LEFT JOIN incomes i ON i.person_id = pos.titolare_id AND i.year = ?
			WHERE pos.titolare_id IN ` + in + ` AND ` + impActiveIn
		members := `SELECT ` + fmt.Sprintf(insuredCols, memberCols) + `, ` + fmt.Sprintf(imposedCol, "m.person_id", "m.subject_code") + `
			FROM members m JOIN positions pos ON pos.id = m.position_id JOIN persons p ON p.id = m.person_id
			LEFT JOIN incomes i ON i.person_id = m.person_id AND i.year = ?
			WHERE m.person_id IN ` + in + ` AND ` + impActiveIn + ` AND m.valid_from <= ? AND (m.valid_to IS NULL OR m.valid_to >= ?)`
		b := impYearBounds(year)
		for _, q := range []struct {
			sql  string
			args []any
		}{
			{titolari, append(append([]any{year, year}, ids...), b...)},
			{members, append(append(append([]any{year, year}, ids...), b...), b...)},
		} {
			err := impEachRow(ctx, impSQLQuery(t.q), func(r impRows) error {
				var ins ledger.Insured
				err := scanInsured(r, &ins, &ins.Imposed)
				out = append(out, ins)
				return err
			}, q.sql, q.args...)
			if err != nil {
				return nil, fmt.Errorf("store: insurances in %d: %w", year, err)
			}
		}
	}
	return out, nil
}
