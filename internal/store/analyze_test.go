package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

// addRates writes n more first rates of 2025 for the fixture's titolare,
// numbered from first.
func (f *payFixture) addRates(t *testing.T, first, n int) {
	t.Helper()
	ctx := context.Background()
	dues := make([]ledger.Due, n)
	for i := range dues {
		d := f.rates[0]
		d.ID, d.Codeline, d.NaturalKey = 0, "", fmt.Sprintf("test:analyze:%d", first+i)
		dues[i] = d
	}
	if err := f.db.InTx(ctx, func(q store.Querier) error { _, err := store.InsertDues(ctx, q, dues, payClock()); return err }); err != nil {
		t.Fatal(err)
	}
}

// duesStat returns SQLite's statistics of the index dues_position.
func duesStat(t *testing.T, db *store.DB) string {
	t.Helper()
	var stat string
	if err := db.R().QueryRow(context.Background(), `SELECT COALESCE(MAX(stat), '') FROM sqlite_stat1 WHERE idx = 'dues_position'`).Scan(&stat); err != nil {
		t.Fatal(err)
	}
	return stat
}

// TestAnalyzeGivesStatisticsWhereTheyAreMissingOrStale: after a load, the
// dues get statistics. On SQLite, where Analyze is PRAGMA optimize, a table
// whose size barely changed keeps the statistics it has (a marker put in
// them stays), and one that grew many times over is analyzed again.
func TestAnalyzeGivesStatisticsWhereTheyAreMissingOrStale(t *testing.T) {
	ctx := context.Background()
	f := newPayFixture(t)
	if err := store.Analyze(ctx, f.db, "dues"); err != nil {
		t.Fatal(err)
	}
	if storetest.Backend() == "postgres" {
		var n int
		if err := f.db.R().QueryRow(ctx, `SELECT COUNT(*) FROM pg_stats WHERE tablename = 'dues' AND attname = 'position_id'`).Scan(&n); err != nil || n == 0 {
			t.Fatalf("statistics of dues.position_id: %d, %v; want some", n, err)
		}
		return
	}
	if stat := duesStat(t, f.db); stat != "4 4 4" {
		t.Fatalf("statistics of dues_position %q, want those of its 4 rows", stat)
	}
	if _, err := f.db.W().Exec(ctx, `UPDATE sqlite_stat1 SET stat = '4 3 3' WHERE idx = 'dues_position'`); err != nil {
		t.Fatal(err)
	}
	f.addRates(t, 0, 1)
	if err := store.Analyze(ctx, f.db, "dues"); err != nil {
		t.Fatal(err)
	}
	if stat := duesStat(t, f.db); stat != "4 3 3" {
		t.Fatalf("statistics after one more due %q, want them left as they were", stat)
	}
	f.addRates(t, 1, 495)
	if err := store.Analyze(ctx, f.db, "dues"); err != nil {
		t.Fatal(err)
	}
	if stat := duesStat(t, f.db); stat != "500 500 500" {
		t.Fatalf("statistics after 495 more dues %q, want those of the 500 rows", stat)
	}
}
