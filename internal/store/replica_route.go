package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
)

// LSN is a PostgreSQL WAL position ("16/B374D848"), as a number.
type LSN uint64

// ParseLSN reads a WAL position in PostgreSQL's text form.
func ParseLSN(s string) (LSN, error) {
	hi, lo, ok := strings.Cut(s, "/")
	if !ok {
		return 0, fmt.Errorf("store: bad WAL position %q", s)
	}
	h, err1 := strconv.ParseUint(hi, 16, 32)
	l, err2 := strconv.ParseUint(lo, 16, 32)
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("store: bad WAL position %q", s)
	}
	return LSN(h<<32 | l), nil
}

// String returns the position in PostgreSQL's text form.
func (l LSN) String() string {
	return strconv.FormatUint(uint64(l)>>32, 16) + "/" + strconv.FormatUint(uint64(l)&0xFFFFFFFF, 16)
}

// route is what a request's context says about where its reads go.
type route struct {
	replica bool        // reads may go to the replica
	wrote   atomic.Bool // the request wrote: its later reads go to the primary
}

type routeKey struct{}

// WithReplica returns a context whose reads through DB.R may be served by
// the read replica, until a write is made with it (then they go to the
// primary, so the request sees its own write). Statements in a transaction
// and through DB.W always go to the primary. The web middleware sets it on
// pages that only read, for users with no write the replica has not
// replayed yet.
func WithReplica(ctx context.Context) context.Context {
	return context.WithValue(ctx, routeKey{}, &route{replica: true})
}

// TrackWrites returns a context that remembers whether a write was made
// with it (see Wrote); its reads go to the primary.
func TrackWrites(ctx context.Context) context.Context {
	return context.WithValue(ctx, routeKey{}, &route{})
}

// Wrote reports whether a write was made with ctx (made with TrackWrites or
// WithReplica): a statement through DB.W that is not a SELECT, or a
// transaction.
func Wrote(ctx context.Context) bool {
	rt, _ := ctx.Value(routeKey{}).(*route)
	return rt != nil && rt.wrote.Load()
}

// markWrote records a write in ctx's route, if it has one.
func markWrote(ctx context.Context) {
	if rt, ok := ctx.Value(routeKey{}).(*route); ok {
		rt.wrote.Store(true)
	}
}

// onReplica reports whether ctx's reads may go to the replica.
func onReplica(ctx context.Context) bool {
	rt, _ := ctx.Value(routeKey{}).(*route)
	return rt != nil && rt.replica && !rt.wrote.Load()
}

// execer is what a querier runs statements on: a pool, a transaction, or
// one of the wrappers below.
type execer interface {
	ExecContext(context.Context, string, ...any) (sql.Result, error)
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	QueryRowContext(context.Context, string, ...any) *sql.Row
}

// onPrimary runs statements on the primary (a pool or a transaction),
// counting them and noting writes in the request's route.
type onPrimary struct {
	e execer
	n *atomic.Uint64
}

func (p onPrimary) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	p.n.Add(1)
	markWrote(ctx)
	return p.e.ExecContext(ctx, q, args...)
}

func (p onPrimary) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	p.n.Add(1)
	if !isSelect(q) {
		markWrote(ctx) // INSERT … RETURNING and the like
	}
	return p.e.QueryContext(ctx, q, args...)
}

func (p onPrimary) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	p.n.Add(1)
	if !isSelect(q) {
		markWrote(ctx)
	}
	return p.e.QueryRowContext(ctx, q, args...)
}

// isSelect reports whether q begins with SELECT (so it does not write).
func isSelect(q string) bool {
	q = strings.TrimLeft(q, " \t\r\n(")
	return len(q) >= 6 && strings.EqualFold(q[:6], "SELECT")
}

// replicaReader serves DB.R when a replica is attached: the one place that
// chooses the pool of a read. Reads go to the replica when the context
// allows it (WithReplica, no write yet) and the replica is up; a replica
// that fails sends the read, and the next ones for a while, to the primary.
// (An error met while reading the rows of a query, after the replica
// answered, is the caller's, as on the primary.)
type replicaReader struct{ db *DB }

func (r replicaReader) primary() onPrimary { return onPrimary{r.db.r, &r.db.stats.primary} }

// useReplica reports whether a read with ctx goes to the replica.
func (r replicaReader) useReplica(ctx context.Context) bool {
	if !onReplica(ctx) {
		return false
	}
	if !r.db.ReplicaUp() {
		r.db.stats.fallbacks.Add(1)
		return false
	}
	return true
}

// fallBack reports whether a replica error sends the read to the primary,
// marking the replica down when the error is the replica's; a read the
// replica answered is counted on it.
func (r replicaReader) fallBack(ctx context.Context, err error) bool {
	if err == nil || errors.Is(err, sql.ErrNoRows) || ctx.Err() != nil {
		r.db.stats.replica.Add(1)
		return false
	}
	if replicaBroken(err) {
		r.db.replica.fail(err)
	}
	r.db.stats.fallbacks.Add(1)
	return true
}

func (r replicaReader) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return r.primary().ExecContext(ctx, q, args...) // a replica cannot write
}

func (r replicaReader) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if r.useReplica(ctx) {
		rows, err := r.db.replica.db.QueryContext(ctx, q, args...)
		if !r.fallBack(ctx, err) {
			return rows, err
		}
	}
	return r.primary().QueryContext(ctx, q, args...)
}

func (r replicaReader) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	if r.useReplica(ctx) {
		row := r.db.replica.db.QueryRowContext(ctx, q, args...)
		if !r.fallBack(ctx, row.Err()) {
			return row
		}
	}
	return r.primary().QueryRowContext(ctx, q, args...)
}
