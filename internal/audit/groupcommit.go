package audit

import (
	"context"
	"fmt"
	"sync"
)

// GroupCommit is a Store whose Append writes the entries of requests that
// arrive together in one transaction (a group commit): an entry is
// stored, or its error known, when Append returns, as with the Store it
// wraps, but a busy server writes one transaction per batch instead of
// one per page view. The first Append of an idle moment writes at once;
// those that arrive while it writes wait and go together in the next
// batch, written by the first of them. A failed batch fails each of its
// Appends: no access goes without its record.
type GroupCommit struct {
	Store // the other methods, and AppendAll for the batches

	mu      sync.Mutex
	queue   []*pending
	writing bool // a batch is being written; the queue waits for it
}

// pending is an Append waiting for its batch.
type pending struct {
	entry Entry
	done  chan outcome
}

// outcome is what a waiting Append learns: its batch's error, or that it
// writes the next batch.
type outcome struct {
	err  error
	lead bool
}

// NewGroupCommit returns s with its Appends written in batches.
func NewGroupCommit(s Store) *GroupCommit { return &GroupCommit{Store: s} }

// Append records e, in one transaction with the entries appended while
// the previous batch was being written.
func (g *GroupCommit) Append(ctx context.Context, e Entry) error {
	p := &pending{entry: e, done: make(chan outcome, 1)}
	g.mu.Lock()
	g.queue = append(g.queue, p)
	if g.writing {
		g.mu.Unlock()
		if o := <-p.done; !o.lead {
			return o.err
		}
	} else {
		g.writing = true
		g.mu.Unlock()
	}
	return g.writeBatch(context.WithoutCancel(ctx), p)
}

// writeBatch writes the queue, which holds p, tells each of its Appends
// the outcome, and hands the writing on to the first Append that came
// meanwhile, if any.
func (g *GroupCommit) writeBatch(ctx context.Context, p *pending) error {
	g.mu.Lock()
	batch := g.queue
	g.queue = nil
	g.mu.Unlock()
	entries := make([]Entry, len(batch))
	for i, b := range batch {
		entries[i] = b.entry
	}
	err := g.write(ctx, entries)
	for _, b := range batch {
		if b != p {
			b.done <- outcome{err: err}
		}
	}
	g.mu.Lock()
	if len(g.queue) == 0 {
		g.writing = false
		g.mu.Unlock()
		return err
	}
	next := g.queue[0]
	g.mu.Unlock()
	next.done <- outcome{lead: true}
	return err
}

// write stores a batch. A panic becomes the batch's error: the Appends
// waiting for it, and those queued behind, must not wait forever.
func (g *GroupCommit) write(ctx context.Context, entries []Entry) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("audit: writing %d entries: %v", len(entries), p)
		}
	}()
	if len(entries) == 1 {
		return g.Store.Append(ctx, entries[0]) // one statement, not a transaction of three
	}
	return g.Store.AppendAll(ctx, entries)
}
