package store_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
)

func TestLedgerReaderSituationFromStoredRows(t *testing.T) {
	f := newLedgerFixture(t)
	pos, _ := f.position("10000001")
	collab := f.collaboratore(pos)
	r1 := f.rate(pos, 2025, 1, "2025-05-16", 113743)
	r2 := f.rate(pos, 2025, 2, "2025-08-20", 113743)
	fix := f.due(dueSpec{pos: pos, person: pos.TitolareID, subject: 10, year: 2025, kind: ledger.Correction, n: 2,
		due: "2025-08-20", amount: -10000, parent: r2, reason: "rettifica"})
	r3 := f.rate(pos, 2025, 3, "2025-11-17", 113743)
	sanction := f.due(dueSpec{pos: pos, person: pos.TitolareID, subject: 10, year: 2025, kind: ledger.Sanction, n: 3,
		due: "2025-12-20", amount: 1234, parent: r3, reason: "sanzioni civili"})
	c3 := f.due(dueSpec{pos: pos, person: collab.ID, subject: 11, year: 2025, kind: ledger.Rata3, n: 3, due: "2025-11-17", amount: 113743})
	old := f.rate(pos, 2019, 1, "2019-05-16", 80000)
	f.pay(pos, "2025-05-16", 113743, r1, money.Cents(113743))
	f.pay(pos, "2025-08-20", 50000, r2, money.Cents(50000))
	p3 := f.pay(pos, "2025-12-20", 120000, r3, money.Cents(113743), c3, money.Cents(5000))
	other, _ := f.position("10000002")
	f.rate(other, 2025, 1, "2025-05-16", 99999) // another position's due is never shown

	r := newReader(f)
	s, err := r.Situation(f.ctx, pos.ID, ledger.SituationOptions{AsOf: civil.MustParse("2026-03-16")})
	if err != nil {
		t.Fatal(err)
	}
	wantDebt := money.Cents(113743-10000-50000) + 1234 + (113743 - 5000)
	if s.Debt != wantDebt || s.Prescribed != 80000 || s.Credit != 120000-113743-5000 || s.Position.Number != "10000001" {
		t.Fatalf("situation: debt %s (want %s), prescribed %s, credit %s", s.Debt, wantDebt, s.Prescribed, s.Credit)
	}
	var r2Item, r3Item ledger.Item
	for _, it := range s.Years[len(s.Years)-1].Items {
		switch it.Due.ID {
		case r2:
			r2Item = it
		case r3:
			r3Item = it
		}
	}
	if len(r2Item.Corrections) != 1 || r2Item.Corrections[0].ID != fix || r2Item.Residual != 53743 {
		t.Errorf("rata 2: %+v", r2Item)
	}
	if len(r3Item.Sanctions) != 1 || r3Item.Sanctions[0].ID != sanction || r3Item.Trace.Payments[0] != p3 {
		t.Errorf("rata 3: %+v", r3Item)
	}
	if it := s.Years[0].Items[0]; it.Due.ID != old || !it.Prescribed {
		t.Errorf("2019: %+v", it)
	}
}

func TestLedgerReaderStatementNamesEveryPerson(t *testing.T) {
	f := newLedgerFixture(t)
	pos, tit := f.position("10000001")
	collab := f.collaboratore(pos)
	amounts := [4]money.Cents{113743, 113743, 113743, 113741}
	dates := [4]string{"2025-05-16", "2025-08-20", "2025-11-17", "2026-02-16"}
	for n := 1; n <= 4; n++ {
		id := f.rate(pos, 2025, n, dates[n-1], amounts[n-1])
		f.pay(pos, dates[n-1], amounts[n-1], id, amounts[n-1])
	}
	c3 := f.due(dueSpec{pos: pos, person: collab.ID, subject: 11, year: 2025, kind: ledger.Rata3, n: 3, due: dates[2], amount: 113743})
	f.pay(pos, dates[2], 60000, c3, money.Cents(60000))
	st, err := newReader(f).Statement(f.ctx, pos.ID, contrib.Default())
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Persons) != 2 || st.Persons[0].Person.CodiceFiscale != tit.CodiceFiscale || st.Persons[1].Person.SubjectCode != 11 {
		t.Fatalf("persons: %+v", st.Persons)
	}
	if st.Persons[0].Credited != 12 || st.Persons[1].Years[0].Insured != 3 || st.Persons[1].Credited != 1 {
		// 600.00 × 12 / 4,542.26 = 1.58: one month of the collaboratore's quarter
		t.Errorf("credited: titolare %d, collaboratore %+v", st.Persons[0].Credited, st.Persons[1].Years[0])
	}
}

func TestLedgerReaderQuoteDovute(t *testing.T) {
	f := newLedgerFixture(t)
	pos, _ := f.position("10000001")
	r1 := f.rate(pos, 2025, 1, "2025-05-16", 113743)
	f.rate(pos, 2025, 2, "2025-08-20", 113743)
	f.rate(pos, 2024, 1, "2024-05-16", 112000)
	f.pay(pos, "2025-05-16", 113743, r1, money.Cents(113743))
	q, err := newReader(f).QuoteDovute(f.ctx, pos.ID, 2025, ledger.SituationOptions{AsOf: civil.MustParse("2025-09-01")})
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Rates) != 2 || q.Paid != 113743 || q.Residual != 113743 || !q.Rates[1].Overdue || q.Rates[0].Overdue {
		t.Fatalf("quote dovute 2025: %+v", q)
	}
}

func TestLedgerReaderPaymentsPagesAndFilters(t *testing.T) {
	f := newLedgerFixture(t)
	pos, _ := f.position("10000001")
	r1 := f.rate(pos, 2025, 1, "2025-05-16", 113743)
	var ids []int64
	for day := 1; day <= 7; day++ {
		ids = append(ids, f.pay(pos, civil.New(2025, time.May, day).String(), money.Cents(1000*day)))
	}
	sameDay := f.pay(pos, "2025-05-07", 100, r1, money.Cents(100))
	r := newReader(f)
	var seen []int64
	after := ledger.PaymentCursor{}
	for pages := 0; pages < 10; pages++ {
		page, err := r.Payments(f.ctx, pos.ID, ledger.PaymentFilter{Limit: 3, After: after})
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range page.Rows {
			seen = append(seen, row.ID)
		}
		if page.Next.IsZero() {
			break
		}
		after = page.Next
	}
	want := []int64{sameDay, ids[6], ids[5], ids[4], ids[3], ids[2], ids[1], ids[0]}
	if len(seen) != len(want) {
		t.Fatalf("pages gave %v, want %v", seen, want)
	}
	for i := range want {
		if seen[i] != want[i] {
			t.Fatalf("pages gave %v, want %v (newest first, then highest id)", seen, want)
		}
	}
	page, err := r.Payments(f.ctx, pos.ID, ledger.PaymentFilter{From: civil.MustParse("2025-05-03"),
		To: civil.MustParse("2025-05-04"), Causale: "CF", Year: 2025})
	if err != nil || len(page.Rows) != 2 || page.Rows[0].ID != ids[3] || !page.Next.IsZero() {
		t.Fatalf("date range: %+v, %v", page, err)
	}
	if page, _ := r.Payments(f.ctx, pos.ID, ledger.PaymentFilter{Causale: "AF"}); len(page.Rows) != 0 {
		t.Errorf("causale AF: %d rows", len(page.Rows))
	}
	if page, _ := r.Payments(f.ctx, pos.ID, ledger.PaymentFilter{Year: 2024}); len(page.Rows) != 0 {
		t.Errorf("year 2024: %d rows", len(page.Rows))
	}
	first, _ := r.Payments(f.ctx, pos.ID, ledger.PaymentFilter{Limit: 1})
	if row := first.Rows[0]; row.Allocated != 100 || row.Unallocated != 0 || len(row.Dues) != 1 || row.Dues[0] != r1 {
		t.Errorf("allocated payment: %+v", row)
	}
	if _, err := r.Payments(f.ctx, pos.ID, ledger.PaymentFilter{Limit: 501}); err == nil {
		t.Error("a page of 501 payments accepted")
	}
}

// TestRecordsHoldTheAllocationsOfTheirDuesAndPayments: a position's
// records hold every allocation to its dues (of the year asked, when one
// is), whoever paid them, and every allocation of its payments, whatever
// due they paid; each once, by id, and nothing of other positions.
func TestRecordsHoldTheAllocationsOfTheirDuesAndPayments(t *testing.T) {
	f := newLedgerFixture(t)
	pos, _ := f.position("10000001")
	other, _ := f.position("10000002")
	r24 := f.rate(pos, 2024, 1, "2024-05-16", 110000)
	r25 := f.rate(pos, 2025, 1, "2025-05-16", 113743)
	o25 := f.rate(other, 2025, 1, "2025-05-16", 99999)
	own := f.pay(pos, "2025-05-16", 223743, r24, money.Cents(110000), r25, money.Cents(100000)) // two allocations
	byOther := f.pay(other, "2025-05-20", 13743, r25, money.Cents(13743))                       // pays this position's due
	forOther := f.pay(pos, "2025-05-21", 99999, o25, money.Cents(99999))                        // pays the other's due
	f.pay(other, "2025-05-22", 5000, o25, money.Cents(5000))                                    // nothing of this position
	info := ledger.PositionInfo{ID: pos.ID, Number: pos.Number, Gestione: contrib.CO, Sede: "1300"}
	type link struct{ payment, due int64 }
	for _, tc := range []struct {
		year int
		want []link
	}{
		{0, []link{{own, r24}, {own, r25}, {byOther, r25}, {forOther, o25}}},
		{2025, []link{{own, r24}, {own, r25}, {byOther, r25}, {forOther, o25}}}, // the payments' allocations are all there
		{2024, []link{{own, r24}, {own, r25}, {forOther, o25}}},
	} {
		rec, err := newReader(f).RecordsOf(f.ctx, info, tc.year)
		f.must(err)
		var got []link
		for i, a := range rec.Allocations {
			if i > 0 && a.ID <= rec.Allocations[i-1].ID {
				t.Fatalf("year %d: allocations not in order of id: %+v", tc.year, rec.Allocations)
			}
			got = append(got, link{a.PaymentID, a.DueID})
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("year %d: allocations (payment, due) %v, want %v", tc.year, got, tc.want)
		}
	}
}

// TestDeadlineRecordsAreEachPositionsRecordsWithoutPayments: for several
// positions at once, DeadlineRecords gives each one the dues and notices
// RecordsOf gives it, and the allocations to its own dues, whoever paid
// them; in the order of the ids asked, an unknown id left out.
func TestDeadlineRecordsAreEachPositionsRecordsWithoutPayments(t *testing.T) {
	f := newLedgerFixture(t)
	pos, _ := f.position("10000001")
	other, _ := f.position("10000002")
	r25 := f.rate(pos, 2025, 1, "2025-05-16", 113743)
	o25 := f.rate(other, 2025, 1, "2025-05-16", 99999)
	f.rate(other, 2025, 2, "2025-08-20", 99999)
	f.pay(pos, "2025-05-16", 213642, r25, money.Cents(113643), o25, money.Cents(99999)) // pays both positions
	f.pay(other, "2025-05-20", 100, r25, money.Cents(100))
	f.runNotices("2026-01-15", "")
	recs, err := newReader(f).DeadlineRecords(f.ctx, []int64{other.ID, 999999, pos.ID})
	f.must(err)
	if len(recs) != 2 || recs[0].Position.ID != other.ID || recs[1].Position.ID != pos.ID {
		t.Fatalf("records of %d positions, want those of %d and %d in that order", len(recs), other.ID, pos.ID)
	}
	for _, got := range recs {
		want, err := newReader(f).RecordsOf(f.ctx, got.Position, 0)
		f.must(err)
		own := map[int64]bool{}
		for _, d := range want.Dues {
			own[d.ID] = true
		}
		var allocs []ledger.Allocation
		for _, a := range want.Allocations {
			if own[a.DueID] {
				allocs = append(allocs, a)
			}
		}
		if !reflect.DeepEqual(got.Dues, want.Dues) || !reflect.DeepEqual(got.Allocations, allocs) ||
			!reflect.DeepEqual(got.Notices, want.Notices) {
			t.Errorf("position %d:\ngot  %+v\n     %+v\nwant %+v\n     %+v", got.Position.ID, got.Dues, got.Allocations, want.Dues, allocs)
		}
		if len(allocs) == 0 {
			t.Errorf("position %d: no allocation to check", got.Position.ID)
		}
	}
}
