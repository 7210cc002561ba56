package store

import (
	"testing"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

func TestRecordsCacheDropsTheLeastRecentlyRead(t *testing.T) {
	rec := ledger.Records{Dues: make([]ledger.Due, 10)}
	c := NewRecordsCache(2 * recordsSize(rec))
	c.put(1, 1, rec)
	c.put(2, 1, rec)
	if _, ok := c.get(1, 1); !ok {
		t.Fatal("position 1 not held")
	}
	c.put(3, 1, rec) // position 2 is the least recently read
	for id, want := range map[int64]bool{1: true, 2: false, 3: true} {
		if _, ok := c.get(id, 1); ok != want {
			t.Errorf("position %d held: %v, want %v", id, ok, want)
		}
	}
	if _, ok := c.get(1, 2); ok {
		t.Error("records held under version 1 served for version 2")
	}
	if hits, misses := c.Stats(); hits != 3 || misses != 2 {
		t.Errorf("stats: %d hits, %d misses; want 3 and 2", hits, misses)
	}
}

// TestRecordsCacheKeepsWhatItHolds: the cache copies the records it is
// given, so the reader that put them may change its own; it hands out its
// own without copying (pages only read them: see the web package's
// TestPagesLeaveTheRecordsInMemoryUnchanged), but an append to what it
// handed out does not write into its arrays.
func TestRecordsCacheKeepsWhatItHolds(t *testing.T) {
	c := NewRecordsCache(1 << 20)
	put := ledger.Records{Dues: make([]ledger.Due, 1, 4), Persons: []ledger.PersonInfo{{ID: 5}}}
	put.Dues[0].Amount = 100
	c.put(1, 7, put)
	put.Dues[0].Amount = 1
	got, ok := c.get(1, 7)
	if !ok || len(got.Persons) != 1 || got.Persons[0].ID != 5 || got.Dues[0].Amount != 100 {
		t.Fatalf("held: %v, %+v (the persons are held with the rest: the version covers them)", ok, got)
	}
	grown := append(got.Dues, ledger.Due{Amount: 7})
	grown[0].Amount = 2
	if again, _ := c.get(1, 7); again.Dues[0].Amount != 100 || len(again.Dues) != 1 {
		t.Fatalf("an append to the records handed out changed the cache: %+v", again.Dues)
	}
}

func TestRecordsCacheOffAndTooLarge(t *testing.T) {
	if NewRecordsCache(0) != nil {
		t.Error("a cache of 0 bytes should be no cache")
	}
	c := NewRecordsCache(100)
	c.put(1, 1, ledger.Records{Dues: make([]ledger.Due, 100)})
	if _, ok := c.get(1, 1); ok || c.bytes != 0 {
		t.Errorf("records larger than the cache were held (%d bytes)", c.bytes)
	}
}
