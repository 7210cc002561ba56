package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

// TestImposeBulkSetsAndRestoresTheWriterPragmas checks the SQLite settings
// of a batch: in force during it, the previous ones back after it.
func TestImposeBulkSetsAndRestoresTheWriterPragmas(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "bulk.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	pragma := func(name string) int64 {
		t.Helper()
		var v int64
		if err := db.w.QueryRowContext(ctx, "PRAGMA "+name).Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	names := []string{"cache_size", "temp_store", "wal_autocheckpoint"}
	before := map[string]int64{}
	for _, n := range names {
		before[n] = pragma(n)
	}
	restore := NewImposition(db, time.Now).Bulk(ctx)
	want := map[string]int64{"cache_size": -imposeCacheKiB, "temp_store": bulkTempStoreMemory, "wal_autocheckpoint": payBulkCheckpoint}
	for n, v := range want {
		if got := pragma(n); got != v || got == before[n] {
			t.Errorf("during the batch %s = %d, want %d (was %d)", n, got, v, before[n])
		}
	}
	restore()
	for _, n := range names {
		if got := pragma(n); got != before[n] {
			t.Errorf("after the batch %s = %d, want %d back", n, got, before[n])
		}
	}
}
