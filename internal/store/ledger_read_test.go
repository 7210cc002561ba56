package store_test

import (
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
