package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/codicefiscale"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/contrib/codeline"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

func payClock() time.Time { return time.Date(2026, 1, 15, 9, 0, 0, 0, time.UTC) }

// payFixture is a position 10000001 (AR, sede 1300) with its titolare and a
// collaboratore, and the four fixed rates 2025 of the titolare.
type payFixture struct {
	db                   *store.DB
	pay                  *store.Payments
	titolare, collab     registry.Person
	position             registry.Position
	rates                []ledger.Due // with IDs
	titolareCF, collabCF string
}

const payRate = money.Cents(113743)

func newPayFixture(t *testing.T) *payFixture {
	t.Helper()
	ctx := context.Background()
	f := &payFixture{db: storetest.New(t)}
	reg := store.NewRegistry(f.db, payClock)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(reg.CreateOffice(ctx, registry.Office{Code: "1300", Name: "Milano"}))
	f.titolare = registry.Person{CodiceFiscale: "BNCMRC78D12F205X", GivenName: "Marco", FamilyName: "Bianchi", Sex: "M",
		BirthDate: civil.MustParse("1978-04-12"), BirthplaceCode: "F205"}
	must(reg.CreatePerson(ctx, &f.titolare))
	birth := civil.MustParse("1980-02-03")
	f.collab = registry.Person{CodiceFiscale: codicefiscale.Compute("Bianchi", "Anna", "F", birth, "F205"), GivenName: "Anna",
		FamilyName: "Bianchi", Sex: "F", BirthDate: birth, BirthplaceCode: "F205"}
	must(reg.CreatePerson(ctx, &f.collab))
	f.titolareCF, f.collabCF = f.titolare.CodiceFiscale, f.collab.CodiceFiscale
	f.position = registry.Position{Number: "10000001", Gestione: registry.Artigiani, TitolareID: f.titolare.ID, OfficeCode: "1300",
		ActivityStart: civil.MustParse("2008-03-01"), Status: registry.StatusActive, Reduction: registry.ReductionNone}
	must(reg.CreatePosition(ctx, &f.position))
	must(reg.AddMember(ctx, &registry.Member{PositionID: f.position.ID, PersonID: f.collab.ID, SubjectCode: 11,
		Kind: registry.Coadiuvante, Relation: "coniuge", ValidFrom: civil.MustParse("2010-01-01")}))
	f.insertRates(t)
	f.pay = store.NewPayments(f.db, ledger.Reconciler{Params: contrib.Default()}, payClock)
	return f
}

// insertRates writes the titolare's four fixed rates of 2025 and reads
// them back with their IDs.
func (f *payFixture) insertRates(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	due := contrib.FixedRateDueDates(2025)
	var dues []ledger.Due
	for n := 1; n <= 4; n++ {
		code, err := codeline.Make(codeline.Fields{Position: 10000001, Subject: 10, Rata: n, Year: 2025, Seq: 1}, "1300", payRate)
		if err != nil {
			t.Fatal(err)
		}
		dues = append(dues, ledger.Due{NaturalKey: "test:2025:" + string(rune('0'+n)), PositionID: f.position.ID,
			PersonID: f.titolare.ID, SubjectCode: 10, Year: 2025, Kind: ledger.FixedRate(n), Causale: "AF",
			PeriodFrom: contrib.YearMonth{Year: 2025, Month: time.Month(3*n - 2)}, PeriodTo: contrib.YearMonth{Year: 2025, Month: time.Month(3 * n)},
			DueDate: due[n-1], Amount: payRate, Codeline: code})
	}
	if err := f.db.InTx(ctx, func(q store.Querier) error { _, err := store.InsertDues(ctx, q, dues, payClock()); return err }); err != nil {
		t.Fatal(err)
	}
	rows, err := f.db.R().Query(ctx, `SELECT `+store.DueSelect+` FROM dues d ORDER BY d.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		d, err := store.ScanDue(rows)
		if err != nil {
			t.Fatal(err)
		}
		f.rates = append(f.rates, d)
	}
}

// payment returns a payment of rata n of 2025 by cf, keyed by keys.
func (f *payFixture) payment(keys *ledger.LineKeyer, cf string, n int, paid string, amount money.Cents, code string) ledger.Payment {
	p := ledger.Payment{PaidOn: civil.MustParse(paid), CodiceFiscale: cf, CodiceSede: "1300", Causale: "AF", CodiceINPS: code,
		PeriodFrom: contrib.YearMonth{Year: 2025, Month: time.Month(3*n - 2)}, PeriodTo: contrib.YearMonth{Year: 2025, Month: time.Month(3 * n)},
		Debit: amount, Source: "test.csv", SourceLine: n + 1}
	p.LineKey = keys.Key(p)
	return p
}

// payTotals are the figures a payments import leaves in the database.
type payTotals struct {
	Payments, Reconciled, Allocations, Sanctions int64
	Debit, Allocated, SanctionAmount             int64
	WithPerson, WithPosition                     int64
}

func readPayTotals(t *testing.T, db *store.DB) payTotals {
	t.Helper()
	var s payTotals
	ctx := context.Background()
	err := db.R().QueryRow(ctx, `SELECT COUNT(*), COUNT(reconciled_at), COALESCE(SUM(debit), 0), COUNT(person_id), COUNT(position_id)
		FROM payments`).Scan(&s.Payments, &s.Reconciled, &s.Debit, &s.WithPerson, &s.WithPosition)
	if err == nil {
		err = db.R().QueryRow(ctx, `SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM allocations`).Scan(&s.Allocations, &s.Allocated)
	}
	if err == nil {
		err = db.R().QueryRow(ctx, `SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM dues WHERE kind = 'sanction'`).Scan(&s.Sanctions, &s.SanctionAmount)
	}
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestWritePaymentsReconcilesInTheSameTransactionAndOnlyOnce(t *testing.T) {
	ctx := context.Background()
	f := newPayFixture(t)
	keys := ledger.NewLineKeyer()
	r := f.rates
	other, err := codeline.Make(codeline.Fields{Position: 99999999, Subject: 10, Rata: 9, Year: 2025, Seq: 1}, "1300", 5000)
	if err != nil {
		t.Fatal(err)
	}
	chunk := []ledger.Payment{
		f.payment(keys, f.titolareCF, 1, "2025-05-16", payRate, r[0].Codeline), // on time, by codeline
		f.payment(keys, f.titolareCF, 2, "2025-08-20", 50000, r[1].Codeline),   // partial: the code does not verify, matched
		f.payment(keys, f.titolareCF, 3, "2026-01-14", payRate, r[2].Codeline), // 59 days late: a sanction
		f.payment(keys, "RSSMRA80A01H501U", 4, "2025-11-17", 5000, other),      // nobody we know: a credit
		f.payment(keys, f.titolareCF, 1, "2025-05-16", payRate, r[0].Codeline), // the same again: a credit
	}
	res, err := f.pay.WritePayments(ctx, chunk)
	if err != nil {
		t.Fatal(err)
	}
	rs := res.Reconcile
	if res.Created != 5 || res.Skipped != 0 || res.Amount != 3*payRate+50000+5000 {
		t.Fatalf("result %+v", res)
	}
	if rs.Payments != 5 || rs.ByCodeline != 2*payRate || rs.ByCodelineCount != 2 || rs.ByMatch != 50000 ||
		rs.Credit != 5000+payRate || rs.CreditCount != 2 || rs.Sanctions != 1 {
		t.Fatalf("reconciliation %+v", rs)
	}
	want := readPayTotals(t, f.db)
	if want.Payments != 5 || want.Reconciled != 5 || want.Allocations != 3 || want.Allocated != int64(2*payRate+50000) ||
		want.Sanctions != 1 || want.SanctionAmount != int64(rs.SanctionAmount) || want.WithPerson != 4 || want.WithPosition != 4 {
		t.Fatalf("database %+v", want)
	}
	var parent int64
	var causale string
	if err := f.db.R().QueryRow(ctx, `SELECT parent_id, causale FROM dues WHERE kind = 'sanction'`).Scan(&parent, &causale); err != nil ||
		parent != r[2].ID || causale != "AF" {
		t.Fatalf("sanction parent %d causale %q, %v; want %d AF", parent, causale, err, r[2].ID)
	}
	again, err := f.pay.WritePayments(ctx, chunk)
	if err != nil || again.Created != 0 || again.Skipped != 5 || again.Reconcile.Payments != 0 {
		t.Fatalf("second write %+v, %v", again, err)
	}
	if got := readPayTotals(t, f.db); got != want {
		t.Fatalf("after the second write %+v, want %+v", got, want)
	}
}

func TestWritePaymentsSeesTheResidualLeftByEarlierChunks(t *testing.T) {
	ctx := context.Background()
	f := newPayFixture(t)
	keys := ledger.NewLineKeyer()
	code := f.rates[0].Codeline
	for _, amount := range []money.Cents{80000, 80000} {
		if _, err := f.pay.WritePayments(ctx, []ledger.Payment{f.payment(keys, f.titolareCF, 1, "2025-05-16", amount, code)}); err != nil {
			t.Fatal(err)
		}
	}
	var allocated int64
	if err := f.db.R().QueryRow(ctx, `SELECT SUM(amount) FROM allocations WHERE due_id = ?`, f.rates[0].ID).Scan(&allocated); err != nil ||
		allocated != int64(payRate) {
		t.Fatalf("allocated %d, %v; want exactly the rate", allocated, err)
	}
}

func TestWritePaymentsResolvesThePositionOfACollaboratore(t *testing.T) {
	ctx := context.Background()
	f := newPayFixture(t)
	code, err := codeline.Make(codeline.Fields{Position: 55555555, Subject: 11, Rata: 1, Year: 2025, Seq: 1}, "1300", payRate)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.pay.WritePayments(ctx, []ledger.Payment{f.payment(ledger.NewLineKeyer(), f.collabCF, 1, "2025-05-16", payRate, code)}); err != nil {
		t.Fatal(err)
	}
	var person, position int64
	if err := f.db.R().QueryRow(ctx, `SELECT person_id, position_id FROM payments`).Scan(&person, &position); err != nil ||
		person != f.collab.ID || position != f.position.ID {
		t.Fatalf("person %d position %d, %v; want %d %d", person, position, err, f.collab.ID, f.position.ID)
	}
}

func TestReconcilePendingReconcilesPaymentsWrittenElsewhere(t *testing.T) {
	ctx := context.Background()
	f := newPayFixture(t)
	for i, n := range []int{1, 2, 3} {
		_, err := f.db.W().Exec(ctx, `INSERT INTO payments (line_key, paid_on, codice_fiscale, person_id, position_id, codice_sede,
			causale, codice_inps, period_from, period_to, debit, credit, source, source_line, created_at)
			VALUES (?, ?, ?, ?, ?, '1300', 'AF', ?, ?, ?, ?, 0, 'office', 0, ?)`,
			"manual."+string(rune('a'+i)), civil.MustParse("2025-05-16"), f.titolareCF, f.titolare.ID, f.position.ID,
			f.rates[n-1].Codeline, f.rates[n-1].PeriodFrom.String(), f.rates[n-1].PeriodTo.String(), int64(payRate), payClock())
		if err != nil {
			t.Fatal(err)
		}
	}
	stats, err := f.pay.ReconcilePending(ctx, 2)
	if err != nil || stats.Payments != 3 || stats.ByCodelineCount != 3 || stats.ByCodeline != 3*payRate {
		t.Fatalf("first run %+v, %v", stats, err)
	}
	if got := readPayTotals(t, f.db); got.Reconciled != 3 || got.Allocations != 3 {
		t.Fatalf("database %+v", got)
	}
	if stats, err := f.pay.ReconcilePending(ctx, 2); err != nil || stats.Payments != 0 {
		t.Fatalf("second run %+v, %v", stats, err)
	}
}

func TestWritePaymentsCountsCorrectionsAndNotices(t *testing.T) {
	ctx := context.Background()
	f := newPayFixture(t)
	r := f.rates
	correction := ledger.Due{NaturalKey: "test:correction", PositionID: f.position.ID, PersonID: f.titolare.ID, SubjectCode: 10,
		Year: 2025, Kind: ledger.Correction, Causale: "AF", PeriodFrom: r[3].PeriodFrom, PeriodTo: r[3].PeriodTo,
		DueDate: r[3].DueDate, Amount: -10000, ParentID: r[3].ID, Reason: "rettifica"}
	err := f.db.InTx(ctx, func(q store.Querier) error {
		if _, err := store.InsertDues(ctx, q, []ledger.Due{correction}, payClock()); err != nil {
			return err
		}
		if _, err := q.Exec(ctx, `INSERT INTO notices (id, natural_key, position_id, kind, number, issued_on, deadline, capital,
			sanctions, created_at) VALUES (1, 'test:notice', ?, 'avviso_bonario', 'AB-1', ?, ?, ?, 0, ?)`, f.position.ID,
			civil.MustParse("2025-12-01"), civil.MustParse("2025-12-31"), int64(payRate), payClock()); err != nil {
			return err
		}
		_, err := q.Exec(ctx, `INSERT INTO notice_items (notice_id, due_id, due_year, capital, sanction) VALUES (1, ?, ?, ?, 0)`,
			r[2].ID, r[2].Year, int64(payRate))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	keys := ledger.NewLineKeyer()
	paid := civil.MustParse("2026-01-14")
	res, err := f.pay.WritePayments(ctx, []ledger.Payment{
		f.payment(keys, f.titolareCF, 3, paid.String(), payRate, r[2].Codeline), // after the notice of 2025-12-01
		f.payment(keys, f.titolareCF, 4, "2026-02-16", payRate, r[3].Codeline),  // 100.00 less is due
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Reconcile.ByCodeline != 2*payRate-10000 || res.Reconcile.Credit != 10000 {
		t.Fatalf("reconciliation %+v: want rata 4 less its correction allocated", res.Reconcile)
	}
	// Not spontaneous, and only what accrued after the notice, which asked
	// for the sanction up to its date.
	toPayment, err := contrib.Default().Sanction(contrib.SanctionInput{Amount: payRate, Due: r[2].DueDate, Paid: paid})
	if err != nil {
		t.Fatal(err)
	}
	toNotice, err := contrib.Default().Sanction(contrib.SanctionInput{Amount: payRate, Due: r[2].DueDate, Paid: civil.MustParse("2025-12-01")})
	if err != nil {
		t.Fatal(err)
	}
	want := toPayment.Amount - toNotice.Amount
	if res.Reconcile.Sanctions != 1 || res.Reconcile.SanctionAmount != want || want <= 0 {
		t.Fatalf("sanctions %d of %s, want one of %s", res.Reconcile.Sanctions, res.Reconcile.SanctionAmount, want)
	}
}
