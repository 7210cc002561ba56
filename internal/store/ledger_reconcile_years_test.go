package store_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/contrib/codeline"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// fourthRate is the titolare's rata4 of year (October to December), with
// no codeline.
func (f *payFixture) fourthRate(year int) ledger.Due {
	return ledger.Due{NaturalKey: "test:rata4:" + strconv.Itoa(year), PositionID: f.position.ID, PersonID: f.titolare.ID,
		SubjectCode: 10, Year: year, Kind: ledger.Rata4, Causale: "AF",
		PeriodFrom: contrib.YearMonth{Year: year, Month: time.October}, PeriodTo: contrib.YearMonth{Year: year, Month: time.December},
		DueDate: civil.New(year+1, time.February, 16), Amount: payRate}
}

// TestMatchedPaymentSpanningTwoYearsPaysTheDuesOfBoth pays, with a code
// that does not verify, the period October 2024 – March 2025: matching
// reads the dues of both years of the period (and only those), so the
// rata4 of 2024 and the rata1 of 2025 are paid, and the rata4 of 2023,
// outside the period, is not.
func TestMatchedPaymentSpanningTwoYearsPaysTheDuesOfBoth(t *testing.T) {
	ctx := context.Background()
	f := newPayFixture(t)
	older := []ledger.Due{f.fourthRate(2023), f.fourthRate(2024)}
	if err := f.db.InTx(ctx, func(q store.Querier) error { _, err := store.InsertDues(ctx, q, older, payClock()); return err }); err != nil {
		t.Fatal(err)
	}
	p := f.payment(ledger.NewLineKeyer(), f.titolareCF, 1, "2025-05-16", 2*payRate, f.rates[0].Codeline)
	p.PeriodFrom = contrib.YearMonth{Year: 2024, Month: time.October}
	p.LineKey = ledger.NewLineKeyer().Key(p)
	res, err := f.pay.WritePayments(ctx, []ledger.Payment{p})
	if err != nil || res.Reconcile.ByMatch != 2*payRate {
		t.Fatalf("result %+v, %v; want both rates matched", res, err)
	}
	rows, err := f.db.R().Query(ctx, `SELECT d.natural_key, a.amount FROM allocations a JOIN dues d ON d.id = a.due_id ORDER BY d.natural_key`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var key string
		var amount int64
		if err := rows.Scan(&key, &amount); err != nil {
			t.Fatal(err)
		}
		got = append(got, key+"="+money.Cents(amount).String())
	}
	want := []string{"test:2025:1=" + payRate.String(), "test:rata4:2024=" + payRate.String()}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("allocations %q, want %q", got, want)
	}
}

// TestDuesByCodelineFindsTheDuesOfEachCodesYear reads, in one query, the
// dues of a 2024 code and of a 2025 code: each code's year is where its due
// is looked for.
func TestDuesByCodelineFindsTheDuesOfEachCodesYear(t *testing.T) {
	ctx := context.Background()
	f := newPayFixture(t)
	older := f.fourthRate(2024)
	code, err := codeline.Make(codeline.Fields{Position: 10000001, Subject: 10, Rata: 4, Year: 2024, Seq: 1}, "1300", payRate)
	if err != nil {
		t.Fatal(err)
	}
	older.Codeline = code
	if err := f.db.InTx(ctx, func(q store.Querier) error {
		_, err := store.InsertDues(ctx, q, []ledger.Due{older}, payClock())
		return err
	}); err != nil {
		t.Fatal(err)
	}
	dues, err := store.DuesByCodeline(ctx, f.db.R(), []string{code, f.rates[0].Codeline})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, d := range dues {
		got[d.Codeline] = d.Year
	}
	if len(dues) != 2 || got[code] != 2024 || got[f.rates[0].Codeline] != 2025 {
		t.Fatalf("dues by codeline %v, want the 2024 and the 2025 rate", got)
	}
}

// TestInsertDuesRefusesACodeOfAnotherYear: a due of 2025 carrying the
// code of a 2024 rate is refused with a message naming it.
func TestInsertDuesRefusesACodeOfAnotherYear(t *testing.T) {
	ctx := context.Background()
	f := newPayFixture(t)
	wrong := f.fourthRate(2025)
	wrong.NaturalKey = "test:wrong"
	code, err := codeline.Make(codeline.Fields{Position: 10000001, Subject: 10, Rata: 4, Year: 2024, Seq: 1}, "1300", payRate)
	if err != nil {
		t.Fatal(err)
	}
	wrong.Codeline = code
	err = f.db.InTx(ctx, func(q store.Querier) error {
		_, err := store.InsertDues(ctx, q, []ledger.Due{wrong}, payClock())
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "test:wrong: its codeline "+code+" is not a code of its year 2025") {
		t.Fatalf("error %v, want the due named with its code and year", err)
	}
}

// TestInsertDuesRefusesAPeriodOutsideItsYear: a due of 2025 whose period
// is in 2024 is refused with a message naming it, and nothing is written.
func TestInsertDuesRefusesAPeriodOutsideItsYear(t *testing.T) {
	ctx := context.Background()
	f := newPayFixture(t)
	wrong := f.fourthRate(2024)
	wrong.Year, wrong.NaturalKey = 2025, "test:wrong"
	err := f.db.InTx(ctx, func(q store.Querier) error {
		_, err := store.InsertDues(ctx, q, []ledger.Due{f.fourthRate(2024), wrong}, payClock())
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "test:wrong: its period 2024-10–2024-12 is not within its year 2025") {
		t.Fatalf("error %v, want the due named with its period and year", err)
	}
	var n int
	if err := f.db.R().QueryRow(ctx, `SELECT COUNT(*) FROM dues WHERE natural_key LIKE 'test:rata4:%' OR natural_key = 'test:wrong'`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("%d dues written, %v; want none", n, err)
	}
}
