package audit_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/audit"
)

// batchStore records the batches written; the first write waits for
// release, and a batch holding the entry with Detail "fail" fails.
type batchStore struct {
	audit.Store
	mu       sync.Mutex
	batches  [][]audit.Entry
	started  chan struct{}
	release  chan struct{}
	firstOne sync.Once
}

func newBatchStore() *batchStore {
	return &batchStore{started: make(chan struct{}), release: make(chan struct{})}
}

func (s *batchStore) Append(ctx context.Context, e audit.Entry) error {
	return s.AppendAll(ctx, []audit.Entry{e})
}

func (s *batchStore) AppendAll(_ context.Context, es []audit.Entry) error {
	s.firstOne.Do(func() {
		close(s.started)
		<-s.release
	})
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range es {
		if e.Detail == "fail" {
			return errors.New("disk full")
		}
	}
	s.batches = append(s.batches, es)
	return nil
}

// TestGroupCommitWritesWhatArrivesMeanwhileInOneBatch holds the first
// write while 20 more Appends arrive: they are written together, in one
// batch, after it, and each Append returns only once its entry is stored.
func TestGroupCommitWritesWhatArrivesMeanwhileInOneBatch(t *testing.T) {
	s := newBatchStore()
	g := audit.NewGroupCommit(s)
	first := make(chan error, 1)
	go func() { first <- g.Append(context.Background(), audit.Entry{Detail: "first"}) }()
	<-s.started
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for i := range 20 {
		wg.Go(func() { errs <- g.Append(context.Background(), audit.Entry{Detail: fmt.Sprint(i)}) })
	}
	waitQueued(t, g, 20)
	close(s.release)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	if len(s.batches) != 2 || len(s.batches[0]) != 1 || len(s.batches[1]) != 20 {
		t.Fatalf("batches of %v entries, want [1 20]", sizes(s.batches))
	}
}

// TestGroupCommitFailsEveryAppendOfAFailedBatchOnly fails the second
// batch: its three Appends get the error, the first Append, written
// alone, does not, and a later Append is written.
func TestGroupCommitFailsEveryAppendOfAFailedBatchOnly(t *testing.T) {
	s := newBatchStore()
	g := audit.NewGroupCommit(s)
	first := make(chan error, 1)
	go func() { first <- g.Append(context.Background(), audit.Entry{Detail: "first"}) }()
	<-s.started
	errs := make(chan error, 3)
	for _, d := range []string{"a", "fail", "b"} {
		go func() { errs <- g.Append(context.Background(), audit.Entry{Detail: d}) }()
	}
	waitQueued(t, g, 3)
	close(s.release)
	for range 3 {
		if err := <-errs; err == nil {
			t.Fatal("an Append of the failed batch returned no error")
		}
	}
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	if err := g.Append(context.Background(), audit.Entry{Detail: "later"}); err != nil {
		t.Fatal(err)
	}
	if got := sizes(s.batches); fmt.Sprint(got) != "[1 1]" || s.batches[1][0].Detail != "later" {
		t.Fatalf("stored batches %v, want the first and the later entry alone", got)
	}
}

// waitQueued waits until n Appends wait for the batch being written.
func waitQueued(t *testing.T, g *audit.GroupCommit, n int) {
	t.Helper()
	for g.Queued() < n {
		runtime.Gosched()
	}
}

func sizes(batches [][]audit.Entry) []int {
	var out []int
	for _, b := range batches {
		out = append(out, len(b))
	}
	return out
}

// panicStore panics on its first write.
type panicStore struct {
	audit.Store
	calls int
}

func (s *panicStore) Append(context.Context, audit.Entry) error {
	if s.calls++; s.calls == 1 {
		panic("driver bug")
	}
	return nil
}

// TestGroupCommitTurnsAPanicIntoTheBatchsError: a write that panics fails
// its Append with an error, and the next Append is written.
func TestGroupCommitTurnsAPanicIntoTheBatchsError(t *testing.T) {
	s := &panicStore{}
	g := audit.NewGroupCommit(s)
	if err := g.Append(context.Background(), audit.Entry{}); err == nil {
		t.Fatal("a panicking write returned no error")
	}
	if err := g.Append(context.Background(), audit.Entry{}); err != nil || s.calls != 2 {
		t.Fatalf("the next Append: %v after %d writes", err, s.calls)
	}
}
