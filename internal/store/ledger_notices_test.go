package store_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// runNotices runs the notices batch on day, one position per transaction.
func (f *ledgerFixture) runNotices(day string, settlementUntil string) ledger.NoticeTally {
	f.t.Helper()
	pol := ledger.DefaultNoticePolicy(civil.MustParse(day))
	if settlementUntil != "" {
		pol.Settlement.Until = civil.MustParse(settlementUntil)
	}
	b := ledger.NoticeBatch{Store: store.NewNotices(f.db, fixedClock), Planner: ledger.NoticePlanner{Policy: pol, Params: contrib.Default()}, Chunk: 1}
	t, err := b.Run(f.ctx)
	if err != nil {
		f.t.Fatalf("notices %s: %v", day, err)
	}
	return t
}

// noticeRow is a stored notice with its items as "due:capital:sanction:eligible".
type noticeRow struct {
	id                 int64
	number, kind       string
	issued, deadline   civil.Date
	capital, sanctions money.Cents
	parent             int64
	items              []string
}

func (f *ledgerFixture) notices(pos registry.Position) []noticeRow {
	f.t.Helper()
	rows, err := f.db.R().Query(f.ctx, `SELECT id, number, kind, issued_on, deadline, capital, sanctions, COALESCE(parent_id, 0)
		FROM notices WHERE position_id = ? ORDER BY id`, pos.ID)
	f.must(err)
	var out []noticeRow
	for rows.Next() {
		var n noticeRow
		var c, s int64
		f.must(rows.Scan(&n.id, &n.number, &n.kind, &n.issued, &n.deadline, &c, &s, &n.parent))
		n.capital, n.sanctions = money.Cents(c), money.Cents(s)
		out = append(out, n)
	}
	f.must(rows.Err())
	rows.Close()
	for i := range out {
		items, err := f.db.R().Query(f.ctx, `SELECT due_id, capital, sanction, settlement_eligible FROM notice_items
			WHERE notice_id = ? ORDER BY due_id`, out[i].id)
		f.must(err)
		for items.Next() {
			var due, c, s int64
			var eligible bool
			f.must(items.Scan(&due, &c, &s, &eligible))
			out[i].items = append(out[i].items, fmt.Sprintf("%d:%s:%s:%v", due, money.Cents(c), money.Cents(s), eligible))
		}
		items.Close()
	}
	return out
}

func (f *ledgerFixture) count(query string, args ...any) int64 {
	f.t.Helper()
	var n int64
	f.must(f.db.R().QueryRow(f.ctx, query, args...).Scan(&n))
	return n
}

func sanctionOn(amount money.Cents, due, on string) money.Cents {
	s, err := contrib.Default().Sanction(contrib.SanctionInput{Amount: amount, Due: civil.MustParse(due), Paid: civil.MustParse(on)})
	if err != nil {
		panic(err)
	}
	return s.Amount
}

// noticeWorld is four positions: A owes rates 2, 3 and 4 of 2025, B paid
// everything, C owes a prescribed 2019 rate and rate 1 of 2025, D owes
// only prescribed 2020 rates.
type noticeWorld struct {
	f                  *ledgerFixture
	a, b, c, d         registry.Position
	a2, a3, a4, c1, c0 int64
}

func newNoticeWorld(t *testing.T) *noticeWorld {
	f := newLedgerFixture(t)
	w := &noticeWorld{f: f}
	w.a, _ = f.position("10000001")
	w.b, _ = f.position("10000002")
	w.c, _ = f.position("10000003")
	w.d, _ = f.position("10000004")
	dates := [4]string{"2025-05-16", "2025-08-20", "2025-11-17", "2026-02-16"}
	var a [4]int64
	for n := 1; n <= 4; n++ {
		a[n-1] = f.rate(w.a, 2025, n, dates[n-1], 113743)
		b := f.rate(w.b, 2025, n, dates[n-1], 113743)
		f.pay(w.b, dates[n-1], 113743, b, money.Cents(113743))
		f.rate(w.d, 2020, n, []string{"2020-05-18", "2020-08-20", "2020-11-16", "2021-02-16"}[n-1], 100000)
	}
	f.pay(w.a, dates[0], 113743, a[0], money.Cents(113743))
	f.pay(w.a, dates[1], 50000, a[1], money.Cents(50000))
	w.a2, w.a3, w.a4 = a[1], a[2], a[3]
	w.c0 = f.rate(w.c, 2019, 1, "2019-05-16", 90000)
	w.c1 = f.rate(w.c, 2025, 1, "2025-05-16", 113743)
	return w
}

func TestNoticesGroupOverdueRatesInOneBonarioPerPosition(t *testing.T) {
	w := newNoticeWorld(t)
	f := w.f
	tally := f.runNotices("2026-03-16", "2025-09-01")
	if tally.Bonari != 2 || tally.Addebiti != 0 || tally.Items != 3 || tally.Sanctions != 3 || tally.Read != 2 {
		t.Fatalf("first run: %+v", tally)
	}
	s2, s3 := sanctionOn(63743, "2025-08-20", "2026-03-16"), sanctionOn(113743, "2025-11-17", "2026-03-16")
	a := f.notices(w.a)
	want := []string{fmt.Sprintf("%d:637.43:%s:true", w.a2, s2), fmt.Sprintf("%d:1137.43:%s:false", w.a3, s3)}
	if len(a) != 1 || a[0].number != "AB-2026-0000001" || a[0].kind != "avviso_bonario" || a[0].capital != 63743+113743 ||
		a[0].sanctions != s2+s3 || a[0].deadline != civil.MustParse("2026-04-15") || strings.Join(a[0].items, " ") != strings.Join(want, " ") {
		t.Fatalf("A: %+v, want items %v", a, want)
	}
	c := f.notices(w.c)
	if len(c) != 1 || c[0].number != "AB-2026-0000002" || len(c[0].items) != 1 || !strings.HasPrefix(c[0].items[0], fmt.Sprint(w.c1, ":")) {
		t.Fatalf("C: only its 2025 rate, not the prescribed 2019 one: %+v", c)
	}
	if n := len(f.notices(w.b)) + len(f.notices(w.d)); n != 0 {
		t.Fatalf("B paid and D's debt is prescribed, yet %d notices", n)
	}
	if n := f.count(`SELECT COUNT(*) FROM documents WHERE kind = 'avviso_bonario' AND title = 'Avviso bonario n. AB-2026-0000001 del 16/03/2026'`); n != 1 {
		t.Errorf("document of A's notice: %d", n)
	}
	if n := f.count(`SELECT COUNT(*) FROM events WHERE kind = 'notice.issued' AND ref_id = ?`, a[0].id); n != 1 {
		t.Errorf("event of A's notice: %d", n)
	}
	if n := f.count(`SELECT COUNT(*) FROM dues WHERE kind = 'sanction' AND parent_id = ? AND natural_key = ? AND amount = ?`,
		w.a3, fmt.Sprintf("sanction:%d:notice:%d", w.a3, a[0].id), int64(s3)); n != 1 {
		t.Errorf("sanction due of rata 3: %d", n)
	}
}

func TestNoticesRunAgainAddNothingAndNeverNotifyTwice(t *testing.T) {
	w := newNoticeWorld(t)
	f := w.f
	f.runNotices("2026-03-16", "")
	if again := f.runNotices("2026-03-16", ""); again.Bonari+again.Addebiti+again.Items+again.Sanctions != 0 {
		t.Fatalf("same day again: %+v", again)
	}
	later := f.runNotices("2026-04-20", "") // rata 4 (16/02/2026) is now 60 days late
	a := f.notices(w.a)
	if later.Bonari != 1 || later.Addebiti != 0 || len(a) != 2 || a[1].number != "AB-2026-0000003" || len(a[1].items) != 1 ||
		!strings.HasPrefix(a[1].items[0], fmt.Sprint(w.a4, ":")) {
		t.Fatalf("a month later only rata 4 is new: %+v, %+v", later, a)
	}
	if n := f.count(`SELECT COUNT(*) FROM notice_counters WHERE series = 'AB' AND year = 2026 AND last = 3`); n != 1 {
		t.Errorf("counter: %d", n)
	}
}

func TestNoticesAddebitoThirtyDaysAfterTheDeadline(t *testing.T) {
	w := newNoticeWorld(t)
	f := w.f
	f.runNotices("2026-03-16", "2025-09-01")
	f.runNotices("2026-04-20", "")
	// C pays its rate and the bonario's sanction before the addebito.
	cs := f.count(`SELECT id FROM dues WHERE kind = 'sanction' AND parent_id = ?`, w.c1)
	cAmount := f.count(`SELECT amount FROM dues WHERE id = ?`, cs)
	f.pay(w.c, "2026-04-10", 113743+money.Cents(cAmount), w.c1, money.Cents(113743), cs, money.Cents(cAmount))
	if early := f.runNotices("2026-05-14", ""); early.Addebiti != 0 {
		t.Fatalf("an addebito 29 days after the deadline: %+v", early)
	}
	tally := f.runNotices("2026-05-15", "")
	a := f.notices(w.a)
	if tally.Addebiti != 1 || len(a) != 3 || len(f.notices(w.c)) != 1 {
		t.Fatalf("one addebito, for A only: %+v\nA %+v", tally, a)
	}
	ada := a[2]
	s2 := sanctionOn(63743, "2025-08-20", "2026-03-16")
	accrued2 := sanctionOn(63743, "2025-08-20", "2026-05-15") - s2
	want := fmt.Sprintf("%d:637.43:%s:true", w.a2, s2+accrued2)
	if ada.kind != "avviso_addebito" || ada.number != "ADA-2026-0000001" || ada.parent != a[0].id ||
		ada.deadline != civil.MustParse("2026-07-14") || len(ada.items) != 2 || ada.items[0] != want {
		t.Fatalf("addebito: %+v, want first item %s", ada, want)
	}
	if n := f.count(`SELECT COUNT(*) FROM documents WHERE kind = 'avviso_addebito' AND ref_id = ?`, ada.id); n != 1 {
		t.Errorf("document of the addebito: %d", n)
	}
	if again := f.runNotices("2026-05-15", ""); again.Addebiti+again.Bonari != 0 {
		t.Fatalf("same day again: %+v", again)
	}
	if second := f.runNotices("2026-06-19", ""); second.Addebiti != 1 {
		t.Fatalf("the rata 4 bonario is followed 30 days after its deadline: %+v", second)
	}
}

func TestSituationShowsNoticesSanctionsAndEligibility(t *testing.T) {
	w := newNoticeWorld(t)
	f := w.f
	f.runNotices("2026-03-16", "2025-09-01")
	s, err := newReader(f).Situation(f.ctx, w.a.ID, ledger.SituationOptions{AsOf: civil.MustParse("2026-03-16")})
	if err != nil {
		t.Fatal(err)
	}
	s2 := sanctionOn(63743, "2025-08-20", "2026-03-16")
	for _, it := range s.Years[0].Items {
		if it.Due.ID != w.a2 {
			continue
		}
		if len(it.Notices) != 1 || it.Notices[0].Number != "AB-2026-0000001" || !it.Settlement || it.Sanction != s2 ||
			it.Residual != 63743+s2 {
			t.Fatalf("rata 2 after the notice: %+v", it)
		}
		return
	}
	t.Fatal("rata 2 missing")
}
