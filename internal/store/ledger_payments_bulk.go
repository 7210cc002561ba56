package store

import (
	"context"
	"fmt"
)

// Bulk prepares the database for a large import and returns the function
// that undoes it. On SQLite the writer connection gets a page cache of
// payBulkCacheKiB (the line keys arrive in random order and the dues of
// each chunk are spread over the whole table) and rarer checkpoints; on
// PostgreSQL nothing changes.
func (s *Payments) Bulk(ctx context.Context) (restore func()) {
	if s.db.Dialect != SQLite {
		return func() {}
	}
	return payPragmas(ctx, s.db, map[string]int64{"cache_size": -payBulkCacheKiB,
		"wal_autocheckpoint": payBulkCheckpoint, "temp_store": bulkTempStoreMemory})
}

// The SQLite settings of Bulk.
const (
	payBulkCacheKiB = 128 << 10 // 128 MB of page cache
	// payBulkCheckpoint is the WAL size, in pages, that triggers a
	// checkpoint: 80 MB rather than 4 MB, so that an index page the
	// chunks keep changing is copied into the database less often.
	payBulkCheckpoint = 20_000
	// bulkTempStoreMemory (temp_store = MEMORY) keeps the statement
	// journal of each multi-row INSERT in memory: a statement that may
	// fail halfway (a foreign key) saves every page it changes first, and
	// in a temporary file that was one write system call per page.
	bulkTempStoreMemory = 2
)

// payPragmas sets integer pragmas on the SQLite writer connection and
// returns the function that restores their values.
func payPragmas(ctx context.Context, db *DB, set map[string]int64) (restore func()) {
	old := map[string]int64{}
	for name, v := range set {
		var was int64
		if err := db.w.QueryRowContext(ctx, "PRAGMA "+name).Scan(&was); err != nil {
			continue
		}
		if _, err := db.w.ExecContext(ctx, fmt.Sprintf("PRAGMA %s = %d", name, v)); err == nil {
			old[name] = was
		}
	}
	return func() {
		for name, v := range old {
			_, _ = db.w.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf("PRAGMA %s = %d", name, v))
		}
	}
}

// Analyze refreshes the planner's statistics of the tables an import
// writes (see store.Analyze).
func (s *Payments) Analyze(ctx context.Context) error {
	return Analyze(ctx, s.db, "payments", "allocations", "dues")
}
