package store

import (
	"context"
	"database/sql"
	"errors"
	"sync"
)

// stmtCaches are the statement caches of a DB's pools (a nil
// *stmtCaches: none, statements run unprepared; see stmtCache).
type stmtCaches struct{ w, r *stmtCache }

func newStmtCaches(w, r *sql.DB) *stmtCaches {
	if w == r {
		c := newStmtCache(w, stmtCacheSize)
		return &stmtCaches{w: c, r: c}
	}
	return &stmtCaches{w: newStmtCache(w, stmtCacheSize), r: newStmtCache(r, stmtCacheSize)}
}

// close closes the statements of both pools.
func (cs *stmtCaches) close() error {
	if cs == nil {
		return nil
	}
	if cs.w == cs.r {
		return cs.w.close()
	}
	return errors.Join(cs.w.close(), cs.r.close())
}

// pooled runs statements on a pool, through its statement cache when it
// has one.
type pooled struct {
	db *sql.DB
	c  *stmtCache
}

// writer and reader return the caches of the pools, nil without.
func (cs *stmtCaches) writer() *stmtCache {
	if cs == nil {
		return nil
	}
	return cs.w
}

func (cs *stmtCaches) reader() *stmtCache {
	if cs == nil {
		return nil
	}
	return cs.r
}

// pool returns the execer of a pool with cache c (nil: none).
func pool(db *sql.DB, c *stmtCache) execer {
	if c == nil {
		return db
	}
	return pooled{db, c}
}

func (p pooled) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	s := p.c.get(ctx, q)
	if s == nil {
		return p.db.ExecContext(ctx, q, args...)
	}
	defer p.c.release(s)
	return s.stmt.ExecContext(ctx, args...)
}

func (p pooled) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	s := p.c.get(ctx, q)
	if s == nil {
		return p.db.QueryContext(ctx, q, args...)
	}
	defer p.c.release(s)
	return s.stmt.QueryContext(ctx, args...)
}

func (p pooled) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	s := p.c.get(ctx, q)
	if s == nil {
		return p.db.QueryRowContext(ctx, q, args...)
	}
	defer p.c.release(s)
	return s.stmt.QueryRowContext(ctx, args...)
}

// txCached runs the statements of a transaction, through the writer
// pool's cached statements when the pool has already prepared them
// (tx.StmtContext: the statement prepared on the transaction's
// connection is reused). A statement the pool has not cached runs
// unprepared: preparing it on the pool would need a second writer
// connection, which SQLite's single-connection writer does not have.
// Queries returning rows run unprepared too, so that a statement whose
// rows are still open is never run again over them on the same connection.
type txCached struct {
	tx *sql.Tx
	c  *stmtCache

	mu    sync.Mutex
	stmts map[string]*sql.Stmt // the transaction's statements from the cache
}

// inTx returns the execer of tx, whose writer pool has cache c (nil: none).
func inTx(tx *sql.Tx, c *stmtCache) execer {
	if c == nil {
		return tx
	}
	return &txCached{tx: tx, c: c}
}

// stmt returns the transaction's statement of q, or nil.
func (t *txCached) stmt(ctx context.Context, q string) *sql.Stmt {
	t.mu.Lock()
	defer t.mu.Unlock()
	if s, ok := t.stmts[q]; ok {
		return s
	}
	cs := t.c.hit(q)
	if cs == nil {
		return nil
	}
	s := t.tx.StmtContext(ctx, cs.stmt)
	t.c.release(cs) // s keeps the driver statement alive until the transaction ends
	if t.stmts == nil {
		t.stmts = map[string]*sql.Stmt{}
	}
	t.stmts[q] = s
	return s
}

// forget drops the transaction's statement of q after an error, so that a
// statement that could not be prepared on the connection is tried again.
func (t *txCached) forget(q string) {
	t.mu.Lock()
	delete(t.stmts, q)
	t.mu.Unlock()
}

func (t *txCached) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	s := t.stmt(ctx, q)
	if s == nil {
		return t.tx.ExecContext(ctx, q, args...)
	}
	res, err := s.ExecContext(ctx, args...)
	if err != nil {
		t.forget(q)
	}
	return res, err
}

func (t *txCached) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return t.tx.QueryContext(ctx, q, args...)
}

func (t *txCached) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	s := t.stmt(ctx, q)
	if s == nil {
		return t.tx.QueryRowContext(ctx, q, args...)
	}
	row := s.QueryRowContext(ctx, args...)
	if row.Err() != nil {
		t.forget(q)
	}
	return row
}
