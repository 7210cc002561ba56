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

func TestRecordsCacheHandsOutCopies(t *testing.T) {
	c := NewRecordsCache(1 << 20)
	c.put(1, 7, ledger.Records{Dues: []ledger.Due{{Amount: 100}}, Persons: []ledger.PersonInfo{{ID: 5}}})
	got, ok := c.get(1, 7)
	if !ok || len(got.Persons) != 1 || got.Persons[0].ID != 5 {
		t.Fatalf("held: %v, persons %v (held with the rest: the version covers them)", ok, got.Persons)
	}
	got.Dues[0].Amount, got.Persons[0].Name = 1, "changed"
	if again, _ := c.get(1, 7); again.Dues[0].Amount != 100 || again.Persons[0].Name != "" {
		t.Fatalf("a change to the records handed out changed the cache: %d, %q", again.Dues[0].Amount, again.Persons[0].Name)
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
