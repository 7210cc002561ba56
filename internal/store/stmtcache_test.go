package store

import (
	"context"
	"path/filepath"
	"testing"
)

// openCacheDB opens a fresh SQLite database with one table t(n).
func openCacheDB(t *testing.T) *DB {
	t.Helper()
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if _, err := db.W().Exec(ctx, `CREATE TABLE t (n INTEGER NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	return db
}

// countT returns the rows of t through R.
func countT(t *testing.T, ctx context.Context, db *DB) int {
	t.Helper()
	var n int
	if err := db.R().QueryRow(ctx, `SELECT COUNT(*) FROM t`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestStmtCacheReusesStatementsAndCountsEachRun(t *testing.T) {
	db := openCacheDB(t)
	ctx, queries := CountQueries(context.Background())
	before := db.Stats().Primary
	for i := range 3 {
		if _, err := db.W().Exec(ctx, `INSERT INTO t (n) VALUES (?)`, i); err != nil {
			t.Fatal(err)
		}
		if got := countT(t, ctx, db); got != i+1 {
			t.Fatalf("after %d inserts the reader sees %d rows", i+1, got)
		}
	}
	if queries.Load() != 6 || db.Stats().Primary-before != 6 {
		t.Fatalf("6 statements run: counted %d, pool stats %d", queries.Load(), db.Stats().Primary-before)
	}
	if db.stmts.w.len() != 2 || db.stmts.r.len() != 1 { // CREATE TABLE and INSERT; SELECT COUNT
		t.Fatalf("cached: writer %d, reader %d statements; want 2 and 1", db.stmts.w.len(), db.stmts.r.len())
	}
}

func TestStmtCacheEvictsBeyondItsBoundWithoutBreakingOpenRows(t *testing.T) {
	db := openCacheDB(t)
	ctx := context.Background()
	db.stmts.r.max = 1
	for i := range 3 {
		if _, err := db.W().Exec(ctx, `INSERT INTO t (n) VALUES (?)`, i); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := db.R().Query(ctx, `SELECT n FROM t ORDER BY n`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	if got := countT(t, ctx, db); got != 3 { // pushes the SELECT n out of the cache
		t.Fatalf("count %d, want 3", got)
	}
	if db.stmts.r.len() != 1 {
		t.Fatalf("the reader cache holds %d statements, bound 1", db.stmts.r.len())
	}
	var sum int
	for rows.Next() {
		var n int
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		sum += n
	}
	if err := rows.Err(); err != nil || sum != 3 {
		t.Fatalf("rows of an evicted statement: sum %d, err %v; want 3, nil", sum, err)
	}
}

func TestStmtCacheServesTransactions(t *testing.T) {
	db := openCacheDB(t)
	ctx := context.Background()
	insert := `INSERT INTO t (n) VALUES (?)`
	if _, err := db.W().Exec(ctx, insert, 1); err != nil { // now cached on the writer
		t.Fatal(err)
	}
	err := db.InTx(ctx, func(tx Querier) error {
		for i := range 5 {
			if _, err := tx.Exec(ctx, insert, i); err != nil {
				return err
			}
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM t`).Scan(&n); err != nil || n != 6 {
			t.Errorf("inside the transaction: %d rows, err %v; want 6", n, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = db.InTx(ctx, func(tx Querier) error {
		if _, err := tx.Exec(ctx, insert, 9); err != nil {
			return err
		}
		return errRollback
	})
	if err != errRollback {
		t.Fatalf("InTx: %v", err)
	}
	if got := countT(t, ctx, db); got != 6 {
		t.Fatalf("after a commit of 5 and a rollback: %d rows, want 6", got)
	}
}

var errRollback = errorString("roll back")

type errorString string

func (e errorString) Error() string { return string(e) }

func TestStmtCacheClosesWithTheDB(t *testing.T) {
	db := openCacheDB(t)
	ctx := context.Background()
	countT(t, ctx, db)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if db.stmts.r.len() != 0 || db.stmts.w.len() != 0 {
		t.Fatal("statements still cached after Close")
	}
	var n int
	if err := db.R().QueryRow(ctx, `SELECT COUNT(*) FROM t`).Scan(&n); err == nil {
		t.Fatal("a query on a closed database succeeded")
	}
}
