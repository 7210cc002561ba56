package ledger_test

import (
	"slices"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// handmade is a CO position with every case the situazione must show.
type handmade struct {
	b                                 *book
	r1, r2, r2fix, r3, r3sanction, r4 int64
	collab, collabFix, old, notified  int64
	p2, p4, used, pending             int64
}

func newHandmade() handmade {
	b := newBook(contrib.CO)
	h := handmade{b: b}
	h.r1 = b.rate(100, 10, 2025, 1, "2025-05-16", 113743, 186)
	h.r2 = b.rate(100, 10, 2025, 2, "2025-08-20", 113743, 186)
	h.r2fix = b.child(h.r2, ledger.Correction, -10000, "rettifica dei mesi")
	h.r3 = b.rate(100, 10, 2025, 3, "2025-11-17", 113743, 186)
	h.r3sanction = b.child(h.r3, ledger.Sanction, 1000, "sanzioni civili")
	h.r4 = b.rate(100, 10, 2025, 4, "2026-02-16", 113741, 186)
	h.collab = b.rate(101, 11, 2025, 3, "2025-11-17", 113743, 186)
	h.collabFix = b.child(h.collab, ledger.Correction, -13743, "riduzione")
	h.old = b.rate(100, 10, 2019, 1, "2019-05-16", 80000, 186)
	h.notified = b.rate(100, 10, 2020, 1, "2020-05-18", 90000, 186)
	b.rec.Notices = append(b.rec.Notices, ledger.NoticeLink{NoticeID: 7, Kind: ledger.AvvisoBonario, Number: "AB-2021-0000001",
		IssuedOn: civil.MustParse("2021-06-01"), DueID: h.notified, Capital: 90000})
	b.pay("2025-05-10", 113743, h.r1, money.Cents(113743))
	h.p2 = b.pay("2025-08-20", 50000, h.r2, money.Cents(50000))
	b.pay("2025-12-20", 113743, h.r3, money.Cents(113743))
	h.p4 = b.pay("2026-02-16", 120000, h.r4, money.Cents(113741))
	b.pay("2025-11-17", 113743, h.collab, money.Cents(113743))
	h.used = b.pay("2026-01-10", 0)
	b.rec.Payments[len(b.rec.Payments)-1].Credit = 2000
	h.pending = b.pay("2026-03-01", 5000)
	b.rec.Payments[len(b.rec.Payments)-1].ReconciledAt = time.Time{} // not reconciled yet
	return h
}

func TestSituationOfAHandmadePosition(t *testing.T) {
	h := newHandmade()
	s := ledger.NewSituation(h.b.rec, ledger.SituationOptions{AsOf: civil.MustParse("2026-03-16"),
		Settlement: ledger.SettlementRule{Until: civil.MustParse("2025-09-01")}})
	checks := []struct {
		name string
		got  money.Cents
		want money.Cents
	}{
		{"debt: rata 2 less its correction and payment, the sanction of rata 3, the notified 2020 rata", s.Debt, 53743 + 1000 + 90000},
		{"prescribed: the 2019 rata never notified", s.Prescribed, 80000},
		{"credit: P4's remainder, the overpaid collaboratore rata, less the credit used", s.Credit, 6259 + 13743 - 2000},
		{"balance", s.Balance, 53743 + 1000 + 90000 - (6259 + 13743 - 2000)},
		{"settlement: rata 2 and the 2020 rata", s.Settlement, 53743 + 90000},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: %s, want %s", c.name, c.got, c.want)
		}
	}
	if len(s.Years) != 3 || s.Years[0].Year != 2019 || s.Years[2].Year != 2025 {
		t.Fatalf("years: %+v", s.Years)
	}
	if y := s.Years[2]; y.Debt != 54743 || y.Prescribed != 0 || y.Overpaid != 13743 || y.Paid != 113743*3+50000+113741 {
		t.Errorf("2025 totals: debt %s, overpaid %s, paid %s", y.Debt, y.Overpaid, y.Paid)
	}
}

func TestSituationItemsCarryTheirRecords(t *testing.T) {
	h := newHandmade()
	s := ledger.NewSituation(h.b.rec, ledger.SituationOptions{AsOf: civil.MustParse("2026-03-16")})
	r2, _ := findItem(s, h.r2)
	if r2.Capital != 103743 || r2.CapitalPaid != 50000 || r2.Residual != 53743 || len(r2.Corrections) != 1 ||
		r2.Corrections[0].Reason != "rettifica dei mesi" {
		t.Fatalf("rata 2: %+v", r2)
	}
	if !slices.Contains(r2.Trace.Dues, h.r2fix) || !slices.Equal(r2.Trace.Payments, []int64{h.p2}) || len(r2.Trace.Allocations) != 1 {
		t.Errorf("rata 2 trace: %+v", r2.Trace)
	}
	r3, _ := findItem(s, h.r3)
	if r3.Sanction != 1000 || r3.SanctionPaid != 0 || r3.Residual != 1000 || r3.Sanctions[0].ID != h.r3sanction {
		t.Errorf("rata 3 with its sanction: %+v", r3)
	}
	if _, ok := findItem(s, h.r3sanction); ok {
		t.Error("a sanction is shown as an item of its own, not with its due")
	}
	old, _ := findItem(s, h.old)
	notified, _ := findItem(s, h.notified)
	if !old.Prescribed || notified.Prescribed || len(notified.Notices) != 1 {
		t.Errorf("prescription: 2019 %v, 2020 notified %v", old.Prescribed, notified.Prescribed)
	}
	later := ledger.NewSituation(h.b.rec, ledger.SituationOptions{AsOf: civil.MustParse("2026-06-02")})
	if it, _ := findItem(later, h.notified); !it.Prescribed {
		t.Error("five years after the notice the 2020 rata is still debt")
	}
}

func TestSituationCreditsTraceToTheirPayment(t *testing.T) {
	h := newHandmade()
	s := ledger.NewSituation(h.b.rec, ledger.SituationOptions{AsOf: civil.MustParse("2026-03-16")})
	byKind := map[ledger.CreditKind][]ledger.Credit{}
	for _, c := range s.Credits {
		byKind[c.Kind] = append(byKind[c.Kind], c)
	}
	if p := byKind[ledger.CreditPayment]; len(p) != 1 || p[0].PaymentID != h.p4 || p[0].Amount != 6259 ||
		!slices.Equal(p[0].Trace.Payments, []int64{h.p4}) {
		t.Errorf("payment remainder: %+v", p)
	}
	if o := byKind[ledger.CreditOverpaid]; len(o) != 1 || o[0].DueID != h.collab || o[0].Amount != 13743 {
		t.Errorf("overpaid due: %+v", o)
	}
	if u := byKind[ledger.CreditUsed]; len(u) != 1 || u[0].PaymentID != h.used || u[0].Amount != -2000 {
		t.Errorf("credit used: %+v", u)
	}
	if p := byKind[ledger.CreditPending]; len(p) != 1 || p[0].PaymentID != h.pending || p[0].Amount != 5000 {
		t.Errorf("pending payment: %+v", p)
	}
}

func TestSituationYearFilter(t *testing.T) {
	h := newHandmade()
	s := ledger.NewSituation(h.b.rec, ledger.SituationOptions{AsOf: civil.MustParse("2026-03-16"), Year: 2025})
	if len(s.Years) != 1 || s.Years[0].Year != 2025 || s.Debt != 54743 || s.Prescribed != 0 {
		t.Fatalf("2025 only: %d years, debt %s, prescribed %s", len(s.Years), s.Debt, s.Prescribed)
	}
	if s.Credit != 6259+13743-2000 {
		t.Errorf("credits are the position's, whatever the year: %s", s.Credit)
	}
}

func TestPrescribedOnTheDayAfterTheFifthAnniversary(t *testing.T) {
	due := civil.MustParse("2021-05-17")
	if ledger.Prescribed(due, civil.MustParse("2026-05-17")) {
		t.Error("prescribed on the anniversary itself")
	}
	if !ledger.Prescribed(due, civil.MustParse("2026-05-18")) {
		t.Error("not prescribed the day after the anniversary")
	}
}

func TestOverdueIsTheDebtPastItsDueDate(t *testing.T) {
	b := newBook(contrib.CO)
	past := b.rate(100, 10, 2025, 3, "2025-11-17", 113743, 186)
	b.rate(100, 10, 2025, 4, "2026-02-16", 113741, 186)
	s := ledger.NewSituation(b.rec, ledger.SituationOptions{AsOf: civil.MustParse("2026-02-16")})
	if s.Debt != 113743+113741 || s.Overdue != 113743 || !s.Irregular() {
		t.Fatalf("debt %s, overdue %s", s.Debt, s.Overdue)
	}
	if it, _ := findItem(s, past); !it.Overdue {
		t.Error("rata 3 not overdue")
	}
	b.pay("2025-11-17", 113743, past, money.Cents(113743))
	if s := ledger.NewSituation(b.rec, ledger.SituationOptions{AsOf: civil.MustParse("2026-02-16")}); s.Irregular() {
		t.Errorf("irregular with nothing overdue: %s", s.Overdue)
	}
}

func TestNoticeSummariesSayWhatIsStillOwed(t *testing.T) {
	b := newBook(contrib.CO)
	r1 := b.rate(100, 10, 2025, 1, "2025-05-16", 113743, 186)
	r2 := b.rate(100, 10, 2025, 2, "2025-08-20", 113743, 186)
	bonario := ledger.NoticeLink{NoticeID: 1, Kind: ledger.AvvisoBonario, Number: "AB-2025-0000001",
		IssuedOn: civil.MustParse("2025-11-01"), Capital: 113743, Sanction: 500}
	ada := ledger.NoticeLink{NoticeID: 2, Kind: ledger.AvvisoAddebito, Number: "ADA-2026-0000001", ParentID: 1,
		IssuedOn: civil.MustParse("2026-01-05"), Capital: 113743, Sanction: 900}
	for _, due := range []int64{r1, r2} {
		bonario.DueID, ada.DueID = due, due
		b.rec.Notices = append(b.rec.Notices, bonario, ada)
	}
	b.pay("2026-01-20", 113743, r1, money.Cents(113743))
	list := ledger.NoticeSummaries(ledger.NewSituation(b.rec, ledger.SituationOptions{AsOf: civil.MustParse("2026-02-01")}))
	if len(list) != 2 || list[0].Number != "ADA-2026-0000001" || list[1].FollowedBy != "ADA-2026-0000001" {
		t.Fatalf("list: %+v", list)
	}
	if list[1].Capital != 2*113743 || list[1].Sanctions != 1000 || list[1].Owed != 113743 || len(list[1].Dues) != 2 {
		t.Errorf("bonario: %+v", list[1])
	}
}

func TestItemStatusNamesWhereAnItemStands(t *testing.T) {
	cases := []struct {
		it   ledger.Item
		want string
	}{
		{ledger.Item{Prescribed: true, Residual: 100}, "prescribed"},
		{ledger.Item{Overpaid: 5}, "overpaid"},
		{ledger.Item{}, "paid"},
		{ledger.Item{Residual: 100, Overdue: true}, "overdue"},
		{ledger.Item{Residual: 100}, "open"},
	}
	for _, c := range cases {
		if got := c.it.Status(); got != c.want {
			t.Errorf("%+v: %s, want %s", c.it, got, c.want)
		}
	}
}
