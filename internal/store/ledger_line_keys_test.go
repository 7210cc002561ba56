package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

// lineKeysByDate is the migration that puts the payment date in front of
// the line keys already stored (decision 32).
const lineKeysByDate = 18

// openAtVersion opens a fresh test database migrated up to version only,
// for the tests of a later migration; it is closed when the test ends.
func openAtVersion(t *testing.T, version int64) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), storetest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := store.MigrateUpTo(context.Background(), db, version); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestLineKeyMigrationPutsTheDateFirst stores two payments with line keys
// of the earlier form ("HASH.N") and upgrades the database: each key gets
// its payment's date in front, and the line imported before the upgrade,
// imported again, adds nothing.
func TestLineKeyMigrationPutsTheDateFirst(t *testing.T) {
	ctx := context.Background()
	db := openAtVersion(t, lineKeysByDate-1)
	if err := store.YearPartitions(ctx, db, 2025, 2026); err != nil {
		t.Fatal(err)
	}
	p := ledger.Payment{PaidOn: civil.MustParse("2025-05-16"), CodiceFiscale: "BNCMRC78D12F205X", CodiceSede: "1300",
		Causale: "AF", CodiceINPS: "10000001102510013", PeriodFrom: contrib.YearMonth{Year: 2025, Month: time.January},
		PeriodTo: contrib.YearMonth{Year: 2025, Month: time.March}, Debit: payRate, Source: "old.csv", SourceLine: 2}
	p.LineKey = ledger.NewLineKeyer().Key(p)
	oldKey := strings.TrimPrefix(p.LineKey, "2025-05-16.")
	for _, row := range []struct {
		key, paid string
	}{{oldKey, "2025-05-16"}, {"abc.1", "2026-01-10"}} {
		_, err := db.W().Exec(ctx, `INSERT INTO payments (line_key, paid_on, codice_fiscale, codice_sede, causale, codice_inps,
			period_from, period_to, debit, credit, reconciled_at, created_at)
			VALUES (?, ?, 'BNCMRC78D12F205X', '1300', 'AF', '10000001102510013', '2025-01', '2025-03', ?, 0, ?, ?)`,
			row.key, civil.MustParse(row.paid), int64(payRate), payClock(), payClock())
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	var keys []string
	rows, err := db.R().Query(ctx, `SELECT line_key FROM payments ORDER BY paid_on`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k)
	}
	rows.Close()
	if len(keys) != 2 || keys[0] != p.LineKey || keys[1] != "2026-01-10.abc.1" {
		t.Fatalf("keys after the upgrade %q, want %q and %q", keys, p.LineKey, "2026-01-10.abc.1")
	}
	res, err := store.NewPayments(db, ledger.Reconciler{Params: contrib.Default()}, payClock).
		WritePayments(ctx, []ledger.Payment{p})
	if err != nil || res.Created != 0 || res.Skipped != 1 {
		t.Fatalf("the line imported again: %+v, %v; want it skipped", res, err)
	}
}
