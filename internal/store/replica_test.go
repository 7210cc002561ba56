package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

func TestLSNParsesAndPrintsPostgresForm(t *testing.T) {
	for _, s := range []string{"0/0", "0/3000148", "16/B374D848", "ffffffff/ffffffff"} {
		l, err := store.ParseLSN(s)
		if err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		if got := l.String(); !strings.EqualFold(got, s) {
			t.Errorf("%s printed as %s", s, got)
		}
	}
	a, _ := store.ParseLSN("0/FFFFFFFF")
	b, _ := store.ParseLSN("1/0")
	if a >= b {
		t.Error("0/FFFFFFFF is not before 1/0")
	}
	for _, bad := range []string{"", "16", "x/1", "1/2/3", "100000000/0"} {
		if _, err := store.ParseLSN(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// A request remembers that it wrote — a statement through W that is not a
// SELECT, or a transaction — so that its later reads go to the primary and
// its response can carry the primary's WAL position; reads do not count.
func TestWroteTracksWritesNotReads(t *testing.T) {
	db := storetest.New(t)
	ctx := store.TrackWrites(context.Background())
	var n int
	if err := db.R().QueryRow(ctx, `SELECT COUNT(*) FROM offices`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if err := db.W().QueryRow(ctx, ` SELECT COUNT(*) FROM persons WHERE id = ?`, 1).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if store.Wrote(ctx) {
		t.Fatal("reads counted as a write")
	}
	if _, err := db.W().Exec(ctx, `DELETE FROM sessions WHERE token_hash = ?`, "none"); err != nil {
		t.Fatal(err)
	}
	if !store.Wrote(ctx) {
		t.Fatal("an Exec through W is not a write")
	}
	tx := store.TrackWrites(context.Background())
	if err := db.InTx(tx, func(store.Querier) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if !store.Wrote(tx) || store.Wrote(context.Background()) {
		t.Fatal("a transaction is not a write, or a context without tracking says it wrote")
	}
	if s := db.Stats(); s.Primary < 3 || s.Replica != 0 {
		t.Fatalf("statements by pool: %+v", s)
	}
}

func TestReplicaNeedsPostgres(t *testing.T) {
	db := storetest.New(t)
	err := db.AttachReplica(context.Background(), "postgres://u@127.0.0.1:1/x", nil)
	if db.Dialect == store.SQLite {
		if err == nil || db.HasReplica() {
			t.Fatal("a replica attached to SQLite")
		}
		return
	}
	if err != nil { // unreachable is not an error: reads stay on the primary
		t.Fatal(err)
	}
	if !db.HasReplica() || db.ReplicaUp() {
		t.Fatalf("unreachable replica: attached %v, up %v", db.HasReplica(), db.ReplicaUp())
	}
	ctx := store.WithReplica(context.Background())
	var n int
	if err := db.R().QueryRow(ctx, `SELECT COUNT(*) FROM offices`).Scan(&n); err != nil {
		t.Fatalf("a read with the replica down: %v", err)
	}
	if s := db.Stats(); s.Fallbacks == 0 || s.Replica != 0 {
		t.Fatalf("statements by pool: %+v", s)
	}
}
