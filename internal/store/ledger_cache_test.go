package store_test

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// TestRecordsCacheFollowsEveryLedgerWrite changes a position's ledger and
// persons in every way the batches, the registry and the office do, and
// checks after each change that the cached reader, given the version read
// with the position as the portal's gate reads it, gives exactly the
// records of the database, and reads them again only when they changed.
func TestRecordsCacheFollowsEveryLedgerWrite(t *testing.T) {
	f := newLedgerFixture(t)
	pos, tit := f.position("10000001")
	other, _ := f.position("10000002")
	r1 := f.rate(pos, 2025, 1, "2025-05-16", 113743)
	cache := store.NewRecordsCache(1 << 20)
	cached, plain := store.NewLedgerReader(f.db).WithCache(cache), store.NewLedgerReader(f.db)
	info := ledger.PositionInfo{ID: pos.ID, Number: pos.Number, Gestione: contrib.CO, Sede: "1300"}
	read := func(step string, wantHit bool) {
		t.Helper()
		hits, _ := cache.Stats()
		page, err := store.ReadPagePosition(f.ctx, f.db, pos.Number, 0)
		f.must(err)
		got, err := cached.RecordsAt(f.ctx, info, page.LedgerVersion)
		f.must(err)
		want, err := plain.RecordsOf(f.ctx, info, 0)
		f.must(err)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: cached records differ from the database's:\n%+v\n%+v", step, got, want)
		}
		if after, _ := cache.Stats(); (after == hits+1) != wantHit {
			t.Fatalf("%s: served from memory %v, want %v", step, after == hits+1, wantHit)
		}
	}
	read("first read", false)
	read("second read", true)
	f.rate(other, 2025, 1, "2025-05-16", 99999)
	read("another position's due", true)
	r2 := f.rate(pos, 2025, 2, "2025-08-20", 113743)
	read("a new due", false)
	f.pay(pos, "2025-05-16", 113743, r1, money.Cents(113743))
	read("a payment and its allocation", false)
	f.pay(other, "2025-08-20", 5000, r2, money.Cents(5000))
	read("another position's payment paying this position's due", false)
	_, err := f.db.W().Exec(f.ctx, `UPDATE dues SET amount = amount + 1 WHERE id = ?`, r2)
	f.must(err)
	read("a due changed in place", false)
	_, err = f.db.W().Exec(f.ctx, `DELETE FROM allocations WHERE due_id = ?`, r2)
	f.must(err)
	read("an allocation deleted", false)
	f.runNotices("2026-01-15", "")
	if len(f.notices(pos)) == 0 {
		t.Fatal("the notices batch issued no notice for the unpaid rate")
	}
	read("the notices batch", false)
	read("nothing changed", true)
	collab := f.collaboratore(pos)
	read("a collaboratore added", false)
	f.collaboratore(other)
	read("another position's collaboratore", true)
	_, err = f.db.W().Exec(f.ctx, `UPDATE persons SET family_name = 'Rossi' WHERE id = ?`, collab.ID)
	f.must(err)
	read("a collaboratore renamed", false)
	_, err = f.db.W().Exec(f.ctx, `UPDATE persons SET codice_fiscale = 'RSSMRA80A01F205X' WHERE id = ?`, tit.ID)
	f.must(err)
	read("the titolare's codice fiscale corrected", false)
	_, err = f.db.W().Exec(f.ctx, `UPDATE persons SET birthplace_code = 'H501' WHERE id = ?`, tit.ID)
	f.must(err)
	read("the titolare's birthplace corrected (not in the records)", true)
	_, err = f.db.W().Exec(f.ctx, `UPDATE members SET subject_code = 12 WHERE person_id = ?`, collab.ID)
	f.must(err)
	read("a collaboratore's subject code changed", false)
	_, err = f.db.W().Exec(f.ctx, `UPDATE positions SET titolare_id = ? WHERE id = ?`, collab.ID, pos.ID)
	f.must(err)
	read("a new titolare", false)
	_, err = f.db.W().Exec(f.ctx, `DELETE FROM members WHERE person_id = ?`, collab.ID)
	f.must(err)
	read("a collaboratore removed", false)
}

// TestRecordsCacheReadsAYearWithoutIt: a year's records are not held (the
// quote dovute ask for one year); they come from the database.
func TestRecordsCacheReadsAYearWithoutIt(t *testing.T) {
	f := newLedgerFixture(t)
	pos, _ := f.position("10000001")
	f.rate(pos, 2025, 1, "2025-05-16", 113743)
	f.rate(pos, 2024, 1, "2024-05-16", 110000)
	cache := store.NewRecordsCache(1 << 20)
	r := store.NewLedgerReader(f.db).WithCache(cache)
	info := ledger.PositionInfo{ID: pos.ID, Number: pos.Number, Gestione: contrib.CO, Sede: "1300"}
	for range 2 {
		rec, err := r.RecordsOf(f.ctx, info, 2025)
		f.must(err)
		if len(rec.Dues) != 1 || rec.Dues[0].Year != 2025 {
			t.Fatalf("2025 records: %+v", rec.Dues)
		}
	}
	if hits, misses := cache.Stats(); hits != 0 || misses != 0 {
		t.Fatalf("a year's reads used the cache: %d hits, %d misses", hits, misses)
	}
}

// TestLedgerVersionRaisedByATransactionOfManyWrites: a transaction that
// inserts a position's due, a payment and its allocation, then updates the
// due, raises the position's version — on PostgreSQL exactly once, however
// many of its statements touched the position (migration 00019) — and the
// next transaction raises it again.
func TestLedgerVersionRaisedByATransactionOfManyWrites(t *testing.T) {
	f := newLedgerFixture(t)
	pos, _ := f.position("10000001")
	version := func() int64 {
		t.Helper()
		page, err := store.ReadPagePosition(f.ctx, f.db, pos.Number, 0)
		f.must(err)
		return page.LedgerVersion
	}
	writeAll := func(q store.Querier, year int) {
		d := ledger.Due{NaturalKey: fmt.Sprint("tx:", year), PositionID: pos.ID, PersonID: pos.TitolareID, SubjectCode: 10,
			Year: year, Kind: ledger.FixedRate(1), Causale: "CF", PeriodFrom: contrib.YearMonth{Year: year, Month: 1},
			PeriodTo: contrib.YearMonth{Year: year, Month: 3}, DueDate: civil.Date{Year: year, Month: 5, Day: 16}, Amount: 113743}
		_, err := store.InsertDues(f.ctx, q, []ledger.Due{d}, fixedClock())
		f.must(err)
		var dueID, payID int64
		f.must(q.QueryRow(f.ctx, `SELECT id FROM dues WHERE natural_key = ?`, d.NaturalKey).Scan(&dueID))
		f.must(q.QueryRow(f.ctx, `INSERT INTO payments (line_key, paid_on, codice_fiscale, person_id, position_id,
			codice_sede, causale, codice_inps, period_from, period_to, debit, credit, source, source_line, reconciled_at, created_at)
			VALUES (?, ?, 'TSTPRS000000001X', ?, ?, '1300', 'CF', '', ?, ?, 113743, 0, 'test.csv', 1, ?, ?) RETURNING id`,
			fmt.Sprint("tx:", year), d.DueDate, pos.TitolareID, pos.ID, fmt.Sprintf("%d-01", year), fmt.Sprintf("%d-03", year),
			fixedClock(), fixedClock()).Scan(&payID))
		_, err = q.Exec(f.ctx, `INSERT INTO allocations (payment_id, payment_paid_on, due_id, due_year, amount, method, created_at)
			VALUES (?, ?, ?, ?, 113743, 'codeline', ?)`, payID, d.DueDate, dueID, year, fixedClock())
		f.must(err)
		_, err = q.Exec(f.ctx, `UPDATE dues SET reason = 'checked' WHERE id = ?`, dueID)
		f.must(err)
	}
	before := version()
	f.must(f.db.InTx(f.ctx, func(q store.Querier) error { writeAll(q, 2025); return nil }))
	once := version()
	if once <= before {
		t.Fatalf("a transaction of ledger writes left the version at %d (was %d)", once, before)
	}
	if f.db.Dialect == store.Postgres && once != before+1 {
		t.Fatalf("PostgreSQL: one transaction raised the version from %d to %d, want once", before, once)
	}
	f.must(f.db.InTx(f.ctx, func(q store.Querier) error { writeAll(q, 2026); return nil }))
	if again := version(); again <= once {
		t.Fatalf("the next transaction left the version at %d (was %d)", again, once)
	}
}
