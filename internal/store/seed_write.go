package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// seedLoader writes a data set; intermediaries maps codice fiscale to id.
type seedLoader struct {
	db             *DB
	now            time.Time
	st             *SeedStats
	intermediaries map[string]int64
}

// seedTx is a write transaction with prepared statements, prepared on first
// use and closed with the transaction.
type seedTx struct {
	ctx     context.Context
	tx      *sql.Tx
	dialect Dialect
	stmts   map[string]*sql.Stmt
}

// seedMaxParams bounds the parameters of one statement (SQLite allows 32766,
// PostgreSQL 65535); longer row lists are split.
const seedMaxParams = 30000

// inTx runs fn in a write transaction on the writer pool.
func (l *seedLoader) inTx(ctx context.Context, fn func(t *seedTx) error) error {
	tx, err := l.db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(&seedTx{ctx: ctx, tx: tx, dialect: l.db.Dialect, stmts: map[string]*sql.Stmt{}}); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

func (t *seedTx) stmt(query string) (*sql.Stmt, error) {
	if s, ok := t.stmts[query]; ok {
		return s, nil
	}
	s, err := t.tx.PrepareContext(t.ctx, Rebind(t.dialect, query))
	if err != nil {
		return nil, fmt.Errorf("prepare: %w", err)
	}
	t.stmts[query] = s
	return s, nil
}

// insertRows runs "head VALUES (…), (…) tail" for rows, as few statements as
// the parameter limit allows, and returns the rows affected. With scan, the
// statement returns rows (tail has RETURNING) and scan reads each of them.
func (t *seedTx) insertRows(head, tail string, rows [][]any, scan func(*sql.Rows) error) (int, error) {
	if len(rows) == 0 {
		return 0, nil
	}
	cols := len(rows[0])
	group := "(" + Placeholders(cols) + ")"
	per, n := seedMaxParams/cols, 0
	for start := 0; start < len(rows); start += per {
		batch := rows[start:min(start+per, len(rows))]
		q := head + " VALUES " + strings.Repeat(group+", ", len(batch)-1) + group + " " + tail
		args := make([]any, 0, len(batch)*cols)
		for _, r := range batch {
			args = append(args, r...)
		}
		k, err := t.run(q, args, scan)
		if err != nil {
			return n, err
		}
		n += k
	}
	return n, nil
}

// selectIn runs "head IN (…)" with args in as few statements as the
// parameter limit allows, and calls scan on each row.
func (t *seedTx) selectIn(head string, args []any, scan func(*sql.Rows) error) error {
	for start := 0; start < len(args); start += seedMaxParams {
		batch := args[start:min(start+seedMaxParams, len(args))]
		if _, err := t.run(head+" IN ("+Placeholders(len(batch))+")", batch, scan); err != nil {
			return err
		}
	}
	return nil
}

// run executes a prepared statement: with scan a query, else an exec. It
// returns the rows affected or read.
func (t *seedTx) run(q string, args []any, scan func(*sql.Rows) error) (int, error) {
	s, err := t.stmt(q)
	if err != nil {
		return 0, err
	}
	if scan == nil {
		res, err := s.ExecContext(t.ctx, args...)
		if err != nil {
			return 0, err
		}
		n, err := res.RowsAffected()
		return int(n), err
	}
	rows, err := s.QueryContext(t.ctx, args...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		if err := scan(rows); err != nil {
			return n, err
		}
		n++
	}
	return n, rows.Err()
}

// idScanner returns a scan function that reads (id, key) rows into ids.
func idScanner(ids map[string]int64) func(*sql.Rows) error {
	return func(r *sql.Rows) error {
		var id int64
		var key string
		if err := r.Scan(&id, &key); err != nil {
			return err
		}
		ids[key] = id
		return nil
	}
}
