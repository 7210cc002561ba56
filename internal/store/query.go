package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Querier runs queries written with "?" placeholders on a pool or inside a
// transaction, rebinding them for the dialect. Repository code takes a
// Querier so the same function works in and out of a transaction. On
// SQLite the statements of the pools are prepared once and kept
// (stmtcache.go).
type Querier interface {
	Exec(ctx context.Context, query string, args ...any) (sql.Result, error)
	Query(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRow(ctx context.Context, query string, args ...any) *sql.Row
	Dialect() Dialect
}

type querier struct {
	dialect Dialect
	exec    execer
}

func (q querier) Exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	countQuery(ctx)
	return q.exec.ExecContext(ctx, Rebind(q.dialect, query), args...)
}

func (q querier) Query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	countQuery(ctx)
	return q.exec.QueryContext(ctx, Rebind(q.dialect, query), args...)
}

func (q querier) QueryRow(ctx context.Context, query string, args ...any) *sql.Row {
	countQuery(ctx)
	return q.exec.QueryRowContext(ctx, Rebind(q.dialect, query), args...)
}

func (q querier) Dialect() Dialect { return q.dialect }

// R returns a Querier on the reader pool: for reads that need not see a
// write made in the same request. With a read replica attached, a read
// whose context allows it (WithReplica) goes to the replica
// (replica_route.go).
func (db *DB) R() Querier {
	if db.replica != nil {
		return querier{db.Dialect, replicaReader{db}}
	}
	return querier{db.Dialect, onPrimary{pool(db.r, db.stmts.reader()), &db.stats.primary}}
}

// W returns a Querier on the writer pool: single-statement writes, and reads
// that must see what was just written.
func (db *DB) W() Querier {
	return querier{db.Dialect, onPrimary{pool(db.w, db.stmts.writer()), &db.stats.primary}}
}

// InTx runs fn in a write transaction, committed when fn returns nil and
// rolled back otherwise (also on panic).
func (db *DB) InTx(ctx context.Context, fn func(tx Querier) error) (err error) {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			_ = tx.Rollback()
			panic(p)
		}
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	markWrote(ctx) // the request's later reads go to the primary
	if err = fn(querier{db.Dialect, onPrimary{inTx(tx, db.stmts.writer()), &db.stats.primary}}); err != nil {
		return err
	}
	if err = tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

// Rebind turns "?" placeholders into "$1, $2, …" for PostgreSQL. Queries
// must not contain a literal "?" in a string constant.
func Rebind(d Dialect, query string) string {
	if d != Postgres || !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 16)
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}

// IsNoRows reports whether err is sql.ErrNoRows.
func IsNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }

// IsUniqueViolation reports whether err is a unique-constraint violation on
// either dialect.
func IsUniqueViolation(err error) bool {
	if err == nil {
		return false
	}
	msg := err.Error()
	return strings.Contains(msg, "UNIQUE constraint failed") || // SQLite
		strings.Contains(msg, "SQLSTATE 23505") // PostgreSQL
}

// Placeholders returns "?, ?, …" with n marks, for IN lists and bulk inserts.
func Placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?, ", n-1) + "?"
}

// timeArg is what a batch binds for t in every row it writes, formatted
// once: on SQLite the text modernc.org/sqlite itself writes for a time.Time
// parameter (time.Time.String, since the DSN sets no _time_format), which
// spares the driver formatting the same time again for each of a million
// rows; on PostgreSQL t itself. TestTimeArgIsWhatTheDriverWrites keeps the
// text the same as the driver's.
func timeArg(d Dialect, t time.Time) any {
	if d == SQLite {
		return t.String()
	}
	return t
}
