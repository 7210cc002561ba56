package store_test

import (
	"context"
	"sync"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/audit"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

// TestAuditAppendAllWritesAllOrNone: 250 entries (three multi-row
// INSERTs) are all written; a batch with one entry naming a position that
// does not exist writes nothing.
func TestAuditAppendAllWritesAllOrNone(t *testing.T) {
	ctx := context.Background()
	db := storetest.New(t)
	a := store.NewAudit(db)
	entry := func(i int) audit.Entry {
		return audit.Entry{At: fixedClock(), ActorKind: "citizen", ActorID: int64(i), ActorLabel: "Nome Cognome",
			ActingAs: "intermediary", Action: "position.view", Detail: "prova", IP: "127.0.0.1"}
	}
	var es []audit.Entry
	for i := range 250 {
		es = append(es, entry(i))
	}
	if err := a.AppendAll(ctx, es); err != nil {
		t.Fatal(err)
	}
	if n := countAudit(t, db); n != 250 {
		t.Fatalf("%d entries written, want 250", n)
	}
	bad := []audit.Entry{entry(1), entry(2), entry(3)}
	bad[2].PositionID = 999999 // no such position
	if err := a.AppendAll(ctx, bad); err == nil {
		t.Fatal("an entry naming a missing position was accepted")
	}
	if n := countAudit(t, db); n != 250 {
		t.Errorf("%d entries after the refused batch, want still 250", n)
	}
	if err := a.AppendAll(ctx, nil); err != nil {
		t.Errorf("an empty batch: %v", err)
	}
}

func countAudit(t *testing.T, db *store.DB) int {
	t.Helper()
	var n int
	if err := db.R().QueryRow(context.Background(), `SELECT COUNT(*) FROM audit_log`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestGroupCommitStoresEveryConcurrentAppendOnce appends 200 entries from
// 200 goroutines through audit.GroupCommit on the database: each Append
// returns nil and every entry is in the log once.
func TestGroupCommitStoresEveryConcurrentAppendOnce(t *testing.T) {
	db := storetest.New(t)
	g := audit.NewGroupCommit(store.NewAudit(db))
	var wg sync.WaitGroup
	errs := make(chan error, 200)
	for i := range 200 {
		wg.Go(func() {
			errs <- g.Append(context.Background(), audit.Entry{At: fixedClock(), ActorKind: "citizen", ActorID: int64(i),
				ActorLabel: "Nome Cognome", ActingAs: "intermediary", Action: "position.view", Detail: "prova", IP: "127.0.0.1"})
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	var n, actors int
	err := db.R().QueryRow(context.Background(), `SELECT COUNT(*), COUNT(DISTINCT actor_id) FROM audit_log`).Scan(&n, &actors)
	if err != nil || n != 200 || actors != 200 {
		t.Fatalf("%d entries of %d actors (err %v), want 200 of 200", n, actors, err)
	}
}
