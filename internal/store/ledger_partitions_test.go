package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

// partitionedFrom is the migration that partitions dues and payments.
const partitionedFrom = 15

// oldLedger writes, on a database migrated up to just before
// partitionedFrom, dues of 2024 and 2025 (one with a sanction child),
// payments of 2025 and 2026, their allocations and a notice item, in the
// shape of the tables before the migration; it returns the due ids.
func oldLedger(t *testing.T, ctx context.Context, db *store.DB) []int64 {
	t.Helper()
	reg := store.NewRegistry(db, payClock)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(reg.CreateOffice(ctx, registry.Office{Code: "1300", Name: "Milano"}))
	p := registry.Person{CodiceFiscale: "BNCMRC78D12F205X", GivenName: "Marco", FamilyName: "Bianchi", Sex: "M",
		BirthDate: civil.MustParse("1978-04-12"), BirthplaceCode: "F205"}
	must(reg.CreatePerson(ctx, &p))
	pos := registry.Position{Number: "10000001", Gestione: registry.Artigiani, TitolareID: p.ID, OfficeCode: "1300",
		ActivityStart: civil.MustParse("2008-03-01"), Status: registry.StatusActive, Reduction: registry.ReductionNone}
	must(reg.CreatePosition(ctx, &pos))
	var dues []ledger.Due
	for i, y := range []int{2024, 2025} {
		dues = append(dues, ledger.Due{NaturalKey: "old:" + string(rune('a'+i)), PositionID: pos.ID, PersonID: p.ID,
			SubjectCode: 10, Year: y, Kind: ledger.FixedRate(1), Causale: "AF",
			PeriodFrom: contrib.YearMonth{Year: y, Month: time.January}, PeriodTo: contrib.YearMonth{Year: y, Month: time.March},
			DueDate: civil.Date{Year: y, Month: time.May, Day: 16}, Amount: payRate})
	}
	must(db.InTx(ctx, func(q store.Querier) error {
		_, err := store.InsertDues(ctx, q, dues, payClock())
		return err
	}))
	ids := make([]int64, 0, 3)
	rows, err := db.R().Query(ctx, `SELECT id FROM dues ORDER BY id`)
	must(err)
	for rows.Next() {
		var id int64
		must(rows.Scan(&id))
		ids = append(ids, id)
	}
	rows.Close()
	sanction := dues[1]
	sanction.NaturalKey, sanction.Kind, sanction.Amount, sanction.ParentID = "old:sanction", ledger.Sanction, 100, ids[1]
	must(db.InTx(ctx, func(q store.Querier) error {
		_, err := store.InsertDues(ctx, q, []ledger.Due{sanction}, payClock())
		return err
	}))
	must(db.R().QueryRow(ctx, `SELECT id FROM dues WHERE natural_key = 'old:sanction'`).Scan(new(int64)))
	for i, on := range []string{"2025-05-16", "2026-01-10"} {
		_, err := db.W().Exec(ctx, `INSERT INTO payments (line_key, paid_on, codice_fiscale, person_id, position_id, codice_sede,
			causale, codice_inps, period_from, period_to, debit, credit, source, source_line, created_at)
			VALUES (?, ?, ?, ?, ?, '1300', 'AF', '', '2025-01', '2025-03', ?, 0, 'old', ?, ?)`,
			"old."+on, civil.MustParse(on), p.CodiceFiscale, p.ID, pos.ID, int64(payRate), i+1, payClock())
		must(err)
	}
	_, err = db.W().Exec(ctx, `INSERT INTO allocations (payment_id, due_id, amount, method, created_at)
		SELECT p.id, d.id, 1000, 'codeline', p.created_at FROM payments p, dues d WHERE d.kind = 'rata1'`)
	must(err)
	_, err = db.W().Exec(ctx, `INSERT INTO notices (id, natural_key, position_id, kind, number, issued_on, deadline, capital,
		sanctions, created_at) VALUES (1, 'old:notice', ?, 'avviso_bonario', 'AB-1', ?, ?, ?, 0, ?)`, pos.ID,
		civil.MustParse("2025-12-01"), civil.MustParse("2025-12-31"), int64(payRate), payClock())
	must(err)
	_, err = db.W().Exec(ctx, `INSERT INTO notice_items (notice_id, due_id, capital, sanction) VALUES (1, ?, ?, 0)`, ids[1], int64(payRate))
	must(err)
	return ids
}

// TestPartitionMigrationKeepsData upgrades a database holding dues,
// payments, allocations and notice items to the partitioned schema: every
// row and id is kept, the new columns carry the years of the dues and the
// dates of the payments, the ids go on after the old ones, and on
// PostgreSQL each row sits in its year's partition and the composite
// foreign keys hold.
func TestPartitionMigrationKeepsData(t *testing.T) {
	ctx := context.Background()
	db := openAtVersion(t, partitionedFrom-1)
	ids := oldLedger(t, ctx, db)
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	var n, dueYears, paidOn, itemYears int
	err := db.R().QueryRow(ctx, `SELECT (SELECT COUNT(*) FROM dues),
		(SELECT COUNT(*) FROM allocations a JOIN dues d ON d.id = a.due_id AND d.year = a.due_year),
		(SELECT COUNT(*) FROM allocations a JOIN payments p ON p.id = a.payment_id AND p.paid_on = a.payment_paid_on),
		(SELECT COUNT(*) FROM notice_items ni JOIN dues d ON d.id = ni.due_id AND d.year = ni.due_year)`).
		Scan(&n, &dueYears, &paidOn, &itemYears)
	if err != nil || n != 3 || dueYears != 4 || paidOn != 4 || itemYears != 1 {
		t.Fatalf("dues %d, allocations with their due's year %d and payment's date %d, items %d, %v; want 3 4 4 1",
			n, dueYears, paidOn, itemYears, err)
	}
	var parent int64
	if err := db.R().QueryRow(ctx, `SELECT parent_id FROM dues WHERE natural_key = 'old:sanction'`).Scan(&parent); err != nil || parent != ids[1] {
		t.Fatalf("sanction's parent %d, %v; want %d", parent, err, ids[1])
	}
	next := ledger.Due{NaturalKey: "new:2025", PositionID: 1, PersonID: 1, SubjectCode: 10, Year: 2025, Kind: ledger.FixedRate(2),
		Causale: "AF", PeriodFrom: contrib.YearMonth{Year: 2025, Month: time.April}, PeriodTo: contrib.YearMonth{Year: 2025, Month: time.June},
		DueDate: civil.MustParse("2025-08-20"), Amount: payRate}
	var newID, maxOld int64
	err = db.InTx(ctx, func(q store.Querier) error {
		if _, err := store.InsertDues(ctx, q, []ledger.Due{next}, payClock()); err != nil {
			return err
		}
		return q.QueryRow(ctx, `SELECT id FROM dues WHERE natural_key = 'new:2025'`).Scan(&newID)
	})
	if err := db.R().QueryRow(ctx, `SELECT MAX(id) FROM dues WHERE natural_key LIKE 'old:%'`).Scan(&maxOld); err != nil {
		t.Fatal(err)
	}
	if err != nil || newID <= maxOld {
		t.Fatalf("new due id %d (old ones up to %d), %v", newID, maxOld, err)
	}
	if storetest.Backend() != "postgres" {
		return
	}
	placed := map[string]string{}
	rows, err := db.R().Query(ctx, `SELECT natural_key, tableoid::regclass::text FROM dues
		UNION ALL SELECT line_key, tableoid::regclass::text FROM payments`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var k, part string
		if err := rows.Scan(&k, &part); err != nil {
			t.Fatal(err)
		}
		placed[k] = part
	}
	rows.Close()
	want := map[string]string{"old:a": "dues_2024", "old:b": "dues_2025", "old:sanction": "dues_2025", "new:2025": "dues_2025",
		"2025-05-16.old.2025-05-16": "payments_2025", "2026-01-10.old.2026-01-10": "payments_2026"} // keys by date: migration 00018
	for k, part := range want {
		if placed[k] != part {
			t.Errorf("%s in %q, want %s", k, placed[k], part)
		}
	}
	_, err = db.W().Exec(ctx, `INSERT INTO allocations (payment_id, payment_paid_on, due_id, due_year, amount, method, created_at)
		SELECT id, paid_on, ?, 2024, 1, 'manual', created_at FROM payments WHERE line_key = '2025-05-16.old.2025-05-16'`, newID)
	if err == nil || !strings.Contains(err.Error(), "allocations_due_fkey") {
		t.Fatalf("allocation to due %d with the wrong year: %v, want a foreign key violation", newID, err)
	}
}
