package store

import (
	"context"
	"sync/atomic"
)

// queryCountKey is the context key of a query counter.
type queryCountKey struct{}

// CountQueries returns a context in which every statement run through a
// Querier (R, W, InTx) adds one to the returned counter. Tests use it to
// show that a page runs a bounded number of queries, whatever the data.
func CountQueries(ctx context.Context) (context.Context, *atomic.Int64) {
	n := new(atomic.Int64)
	return context.WithValue(ctx, queryCountKey{}, n), n
}

// countQuery adds one to ctx's query counter, if it has one.
func countQuery(ctx context.Context) {
	if n, ok := ctx.Value(queryCountKey{}).(*atomic.Int64); ok {
		n.Add(1)
	}
}
