package bench

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cassetto-dev/cassetto/internal/store"
)

// shape is the columns of a scratch table shaped like the rows a batch
// writes: the baseline inserts as many rows of it as the batch created.
type shape struct {
	table string
	cols  []column
}

// column is one scratch column and how row i fills it.
type column struct {
	name, sqlite, postgres string
	value                  func(i int64) any
}

var (
	day0 = time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	now0 = time.Date(2027, 1, 15, 12, 0, 0, 0, time.UTC)
)

func intCol(name string, f func(int64) int64) column {
	return column{name, "INTEGER NOT NULL", "BIGINT NOT NULL", func(i int64) any { return f(i) }}
}

func textCol(name, format string) column {
	return column{name, "TEXT NOT NULL", "TEXT NOT NULL", func(i int64) any { return fmt.Sprintf(format, i) }}
}

func dateCol(name string, days int64) column {
	return column{name, "TEXT NOT NULL", "DATE NOT NULL", func(i int64) any { return day0.AddDate(0, 0, int(i%days)) }}
}

func timeCol(name string) column {
	return column{name, "TEXT NOT NULL", "TIMESTAMPTZ NOT NULL", func(int64) any { return now0 }}
}

// The shapes of the batches' main rows: a person of the registry, a due,
// a payment, a notice.
var (
	personShape = shape{"bench_scratch_persons", []column{
		textCol("codice_fiscale", "BNCMRA80A01H%07d"), textCol("family_name", "Bianchi%d"),
		textCol("given_name", "Mario%d"), dateCol("birth_date", 20000), textCol("birth_place", "H%03d"),
		textCol("sex", "M%d"), timeCol("created_at")}}
	dueShape = shape{"bench_scratch_dues", []column{
		textCol("natural_key", "fixed:2027:%09d:10:1"), intCol("position_id", func(i int64) int64 { return i / 4 }),
		intCol("person_id", func(i int64) int64 { return i / 4 }), intCol("subject_code", func(int64) int64 { return 10 }),
		intCol("year", func(int64) int64 { return 2027 }), textCol("kind", "rata%d"), textCol("causale", "AF%d"),
		textCol("period_from", "2027-%02d"), textCol("period_to", "2027-%02d"), dateCol("due_date", 400),
		intCol("amount", func(i int64) int64 { return 110000 + i%1000 }), intCol("maternity", func(int64) int64 { return 186 }),
		textCol("codeline", "1%016d"), timeCol("created_at")}}
	paymentShape = shape{"bench_scratch_payments", []column{
		textCol("line_key", "2027-05-16|%024d"), dateCol("paid_on", 400), textCol("codice_fiscale", "BNCMRA80A01H%07d"),
		textCol("sede", "%04d"), textCol("causale", "AF%d"), textCol("codeline", "1%016d"),
		textCol("period_from", "01/%04d"), textCol("period_to", "03/%04d"),
		intCol("debit", func(i int64) int64 { return 110000 + i%1000 }), intCol("credit", func(int64) int64 { return 0 }),
		textCol("source", "payments-%d.csv"), timeCol("created_at")}}
	noticeShape = shape{"bench_scratch_notices", []column{
		textCol("natural_key", "bonario:2028-06-01:%09d"), intCol("position_id", func(i int64) int64 { return i }),
		textCol("kind", "bonario%d"), dateCol("issued_on", 1), dateCol("pay_by", 30),
		intCol("amount", func(i int64) int64 { return 110000 + i%1000 }), timeCol("created_at")}}
)

// Baseline is a raw bulk insert of as many rows as a batch created, of the
// same shape, into a scratch table with a primary key and no other index:
// COPY on PostgreSQL, one prepared statement in one transaction on SQLite.
type Baseline struct {
	Table      string  `json:"table"`
	Rows       int64   `json:"rows"`
	Seconds    float64 `json:"seconds"`
	RowsPerSec float64 `json:"rows_per_s"`
}

// runBaseline creates the scratch table, inserts rows rows, drops it.
func runBaseline(ctx context.Context, db *store.DB, s shape, rows int64) (Baseline, error) {
	b := Baseline{Table: s.table, Rows: rows}
	if rows <= 0 {
		return b, nil
	}
	if _, err := db.W().Exec(ctx, s.create(db.Dialect)); err != nil {
		return b, fmt.Errorf("baseline %s: %w", s.table, err)
	}
	defer func() { _, _ = db.W().Exec(context.WithoutCancel(ctx), "DROP TABLE IF EXISTS "+s.table) }()
	start := time.Now()
	var err error
	if db.Dialect == store.Postgres {
		err = s.copyRows(ctx, db, rows)
	} else {
		err = s.insertRows(ctx, db, rows)
	}
	if err != nil {
		return b, fmt.Errorf("baseline %s: %w", s.table, err)
	}
	b.Seconds = time.Since(start).Seconds()
	b.RowsPerSec = perSecond(rows, b.Seconds)
	return b, nil
}

// create returns the CREATE TABLE statement of s.
func (s shape) create(d store.Dialect) string {
	id := "id INTEGER PRIMARY KEY"
	if d == store.Postgres {
		id = "id BIGINT PRIMARY KEY"
	}
	defs := []string{id}
	for _, c := range s.cols {
		typ := c.sqlite
		if d == store.Postgres {
			typ = c.postgres
		}
		defs = append(defs, c.name+" "+typ)
	}
	return "CREATE TABLE " + s.table + " (" + strings.Join(defs, ", ") + ")"
}

// row returns the values of row i, the id first.
func (s shape) row(i int64) []any {
	vals := make([]any, 0, len(s.cols)+1)
	vals = append(vals, i+1)
	for _, c := range s.cols {
		vals = append(vals, c.value(i))
	}
	return vals
}

func (s shape) names() []string {
	names := []string{"id"}
	for _, c := range s.cols {
		names = append(names, c.name)
	}
	return names
}

// insertRows inserts with one prepared statement in one transaction.
func (s shape) insertRows(ctx context.Context, db *store.DB, rows int64) error {
	tx, err := db.Writer().BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	names := s.names()
	stmt, err := tx.PrepareContext(ctx, "INSERT INTO "+s.table+" ("+strings.Join(names, ", ")+") VALUES ("+
		store.Placeholders(len(names))+")")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for i := range rows {
		vals := s.row(i)
		for j, v := range vals {
			if t, ok := v.(time.Time); ok {
				vals[j] = t.Format(time.RFC3339)
			}
		}
		if _, err := stmt.ExecContext(ctx, vals...); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// copyRows inserts with COPY through pgx.
func (s shape) copyRows(ctx context.Context, db *store.DB, rows int64) error {
	var i int64
	src := pgx.CopyFromFunc(func() ([]any, error) {
		if i >= rows {
			return nil, nil
		}
		i++
		return s.row(i - 1), nil
	})
	_, err := db.Pool().CopyFrom(ctx, pgx.Identifier{s.table}, s.names(), src)
	return err
}

func perSecond(n int64, seconds float64) float64 {
	if seconds <= 0 {
		return 0
	}
	return float64(n) / seconds
}
