package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// paymentsLock is the PostgreSQL advisory lock that serialises the
// transactions reconciling payments: each reads the residuals of dues that
// another could be paying at the same time. SQLite has a single writer.
const paymentsLock = 0x636173_706179 // "caspay"

// payTx is one transaction of the payments import: queries through q or
// through statements prepared once per transaction (the multi-row INSERTs
// a chunk repeats), and on PostgreSQL native access to the connection the
// transaction runs on (COPY) through pg.
type payTx struct {
	q     Querier
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	pg    func(fn func(conn *pgx.Conn) error) error // nil on SQLite
}

// prepared returns query (with "?" placeholders) prepared in the
// transaction, preparing it the first time.
func (t *payTx) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	if s, ok := t.stmts[query]; ok {
		return s, nil
	}
	s, err := t.tx.PrepareContext(ctx, Rebind(t.q.Dialect(), query))
	if err != nil {
		return nil, fmt.Errorf("store: prepare: %w", err)
	}
	t.stmts[query] = s
	return s, nil
}

// payInTx runs fn in one write transaction, committed when fn returns nil.
// On PostgreSQL the transaction holds paymentsLock, and pg reaches the pgx
// connection the transaction runs on, so that COPY is part of it.
func (db *DB) payInTx(ctx context.Context, fn func(t *payTx) error) (err error) {
	conn, err := db.w.Conn(ctx)
	if err != nil {
		return fmt.Errorf("store: connection: %w", err)
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
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
	t := &payTx{q: querier{db.Dialect, tx}, tx: tx, stmts: map[string]*sql.Stmt{}}
	if db.Dialect == Postgres {
		if err = payPostgresTx(ctx, conn, t); err != nil {
			return err
		}
	}
	if err = fn(t); err != nil {
		return err
	}
	if err = tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

// payPostgresTx sets up t on PostgreSQL: native access for COPY, the
// advisory lock, no JIT (the chunk's queries are short index lookups that
// long ANY lists could make look expensive) and a commit that does not wait
// for the disk (synchronous_commit off, see impBatchTx).
func payPostgresTx(ctx context.Context, conn *sql.Conn, t *payTx) error {
	t.pg = func(f func(*pgx.Conn) error) error {
		return conn.Raw(func(dc any) error {
			c, ok := dc.(*stdlib.Conn)
			if !ok {
				return fmt.Errorf("store: PostgreSQL driver connection is %T", dc)
			}
			return f(c.Conn())
		})
	}
	if _, err := t.q.Exec(ctx, `SELECT pg_advisory_xact_lock(?)`, int64(paymentsLock)); err != nil {
		return fmt.Errorf("store: lock payments: %w", err)
	}
	if _, err := t.q.Exec(ctx, `SET LOCAL jit = off`); err != nil {
		return fmt.Errorf("store: payments transaction: %w", err)
	}
	if _, err := t.q.Exec(ctx, `SET LOCAL synchronous_commit = off`); err != nil {
		return fmt.Errorf("store: payments transaction: %w", err)
	}
	return nil
}
