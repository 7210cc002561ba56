package ledger

import (
	"context"
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/batch"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// NoticeStore is what the notices batch needs from storage. Each Issue
// call loads its candidates, plans with the planner and writes the notices
// (with their items, sanction dues, documents and events) in one
// transaction, skipping any notice whose natural key is already stored.
type NoticeStore interface {
	// BonarioPositions returns, ascending, the ids of the positions with
	// fixed rates never notified, still owed and due by NotifiableUntil.
	BonarioPositions(ctx context.Context, p NoticePolicy) ([]int64, error)
	// AddebitoParents returns, ascending, the ids of the avvisi bonari
	// whose deadline is by AddebitoDeadlineUntil and that no avviso di
	// addebito follows yet.
	AddebitoParents(ctx context.Context, p NoticePolicy) ([]int64, error)
	// IssueBonari issues the avvisi bonari of positions.
	IssueBonari(ctx context.Context, positions []int64, pl NoticePlanner) (NoticeTally, error)
	// IssueAddebiti issues the avvisi di addebito following parents.
	IssueAddebiti(ctx context.Context, parents []int64, pl NoticePlanner) (NoticeTally, error)
}

// NoticeTally counts what a run, or a part of it, wrote.
type NoticeTally struct {
	Read      int64       // positions (bonari) and avvisi bonari (addebiti) examined
	Bonari    int64       // avvisi bonari created
	Addebiti  int64       // avvisi di addebito created
	Skipped   int64       // notices already present (natural key)
	Items     int64       // notice items written
	Sanctions int64       // sanction dues written
	Capital   money.Cents // capital asked by the notices created
	Charged   money.Cents // sanctions asked by the notices created
}

// Add adds o to t.
func (t *NoticeTally) Add(o NoticeTally) {
	t.Read += o.Read
	t.Bonari += o.Bonari
	t.Addebiti += o.Addebiti
	t.Skipped += o.Skipped
	t.Items += o.Items
	t.Sanctions += o.Sanctions
	t.Capital += o.Capital
	t.Charged += o.Charged
}

// Summary returns the batch's one-line summary.
func (t NoticeTally) Summary(asOfName string, elapsed time.Duration) batch.Summary {
	return batch.Summary{Name: "notices " + asOfName, Read: t.Read, Created: t.Bonari + t.Addebiti,
		Skipped: t.Skipped, Amount: t.Capital + t.Charged, Elapsed: elapsed}
}

// String details the tally: what the summary line does not say.
func (t NoticeTally) String() string {
	return fmt.Sprintf("avvisi bonari %d, avvisi di addebito %d, items %d, sanction dues %d; capital %s €, sanctions %s €",
		t.Bonari, t.Addebiti, t.Items, t.Sanctions, t.Capital, t.Charged)
}

// DefaultNoticeChunk is how many positions (or bonari) one transaction
// handles.
const DefaultNoticeChunk = 500

// NoticeBatch is a run of the notices batch: first the avvisi di addebito
// that follow unpaid avvisi bonari, then the new avvisi bonari. Each chunk
// is one transaction, so a run killed halfway and run again ends with
// exactly what one clean run writes; running it again the same day, or
// later, never notifies a due twice.
type NoticeBatch struct {
	Store   NoticeStore
	Planner NoticePlanner
	Chunk   int // DefaultNoticeChunk when 0
	// Progress, when not nil, returns the progress bar for total units
	// (positions and bonari to examine); Run finishes it.
	Progress func(total int64) *batch.Progress
}

// Run runs the batch.
func (b NoticeBatch) Run(ctx context.Context) (NoticeTally, error) {
	var t NoticeTally
	if err := b.Planner.Policy.Validate(); err != nil {
		return t, err
	}
	parents, err := b.Store.AddebitoParents(ctx, b.Planner.Policy)
	if err != nil {
		return t, err
	}
	positions, err := b.Store.BonarioPositions(ctx, b.Planner.Policy)
	if err != nil {
		return t, err
	}
	var bar *batch.Progress
	if b.Progress != nil {
		bar = b.Progress(int64(len(parents) + len(positions)))
		defer bar.Finish()
	}
	if err := b.chunks(ctx, parents, &t, bar, b.Store.IssueAddebiti); err != nil {
		return t, err
	}
	return t, b.chunks(ctx, positions, &t, bar, b.Store.IssueBonari)
}

// chunks runs issue over ids, a chunk at a time.
func (b NoticeBatch) chunks(ctx context.Context, ids []int64, t *NoticeTally, bar *batch.Progress,
	issue func(context.Context, []int64, NoticePlanner) (NoticeTally, error)) error {
	size := b.Chunk
	if size <= 0 {
		size = DefaultNoticeChunk
	}
	for start := 0; start < len(ids); start += size {
		if err := ctx.Err(); err != nil {
			return err
		}
		part := ids[start:min(start+size, len(ids))]
		ct, err := issue(ctx, part, b.Planner)
		if err != nil {
			return err
		}
		t.Add(ct)
		if bar != nil {
			bar.Add(int64(len(part)))
		}
	}
	return nil
}
