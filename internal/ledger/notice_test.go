package ledger_test

import (
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
)

func planner(asOf string) ledger.NoticePlanner {
	return ledger.NoticePlanner{Policy: ledger.DefaultNoticePolicy(civil.MustParse(asOf)), Params: contrib.Default()}
}

func candidate(id int64, kind ledger.Kind, due string, capital money.Cents) ledger.NoticeCandidate {
	return ledger.NoticeCandidate{Due: ledger.Due{ID: id, PositionID: 1, PersonID: 100, SubjectCode: 10, Year: 2025,
		Kind: kind, Causale: "AF", DueDate: civil.MustParse(due), Amount: capital}, Capital: capital}
}

var pos = ledger.PositionInfo{ID: 1, Number: "10000001", Gestione: contrib.AR, Sede: "1300"}

func TestBonarioTakesFixedRatesOwedAfterTheGracePeriod(t *testing.T) {
	pl := planner("2026-03-16") // 60 days: due dates up to 2026-01-15
	plan, ok, err := pl.Bonario(pos, []ledger.NoticeCandidate{
		candidate(1, ledger.Rata3, "2026-01-15", 113743), // exactly 60 days before
		candidate(2, ledger.Rata4, "2026-01-16", 113741), // 59 days: not yet
		candidate(3, ledger.Rata2, "2025-08-20", 0),      // paid
		candidate(4, ledger.Saldo, "2025-06-30", 50000),  // not a fixed rate
		candidate(5, ledger.Rata1, "2021-03-15", 90000),  // prescribed, never notified
		candidate(6, ledger.Rata1, "2025-05-16", 63743),  // partly paid
	})
	if err != nil || !ok {
		t.Fatalf("no plan: %v", err)
	}
	if len(plan.Items) != 2 || plan.Items[0].DueID != 1 || plan.Items[1].DueID != 6 {
		t.Fatalf("items: %+v", plan.Items)
	}
	n := plan.Notice
	if n.Kind != ledger.AvvisoBonario || n.NaturalKey != "bonario:10000001:2026-03-16" || n.Deadline != civil.MustParse("2026-04-15") ||
		n.Capital != 113743+63743 {
		t.Errorf("notice: %+v", n)
	}
	want, _ := contrib.Default().Sanction(contrib.SanctionInput{Amount: 63743, Due: civil.MustParse("2025-05-16"),
		Paid: civil.MustParse("2026-03-16")})
	if plan.Items[1].Sanction != want.Amount || plan.Items[1].NewSanction != want.Amount || want.Amount == 0 {
		t.Errorf("sanction on the residual to the notice date: %s, want %s", plan.Items[1].Sanction, want.Amount)
	}
	if n.Sanctions != plan.Items[0].Sanction+plan.Items[1].Sanction {
		t.Errorf("notice sanctions %s", n.Sanctions)
	}
}

func TestBonarioSanctionsAreNeverSpontaneous(t *testing.T) {
	pl := planner("2025-01-20")
	plan, _, _ := pl.Bonario(pos, []ledger.NoticeCandidate{candidate(1, ledger.Rata3, "2024-11-18", 100000)})
	spont, _ := contrib.Default().Sanction(contrib.SanctionInput{Amount: 100000, Due: civil.MustParse("2024-11-18"),
		Paid: civil.MustParse("2025-01-20"), Spontaneous: true})
	if len(plan.Items) != 1 || plan.Items[0].Sanction <= spont.Amount {
		t.Fatalf("sanction %v not above the spontaneous %s", plan.Items, spont.Amount)
	}
}

func TestBonarioWithNothingOwedIsNoNotice(t *testing.T) {
	if _, ok, err := planner("2026-03-16").Bonario(pos, nil); ok || err != nil {
		t.Fatalf("a notice without items: %v %v", ok, err)
	}
}

func TestSanctionDuesOfABonario(t *testing.T) {
	plan, _, _ := planner("2026-03-16").Bonario(pos, []ledger.NoticeCandidate{candidate(6, ledger.Rata1, "2025-05-16", 63743)})
	plan.Notice.ID, plan.Notice.Number = 42, "AB-2026-0000007"
	ds := plan.SanctionDues()
	if len(ds) != 1 || ds[0].NaturalKey != "sanction:6:notice:42" || ds[0].ParentID != 6 || ds[0].Kind != ledger.Sanction ||
		ds[0].DueDate != civil.MustParse("2026-04-15") || ds[0].Causale != "AF" || !strings.Contains(ds[0].Reason, "AB-2026-0000007") {
		t.Fatalf("sanction dues: %+v", ds)
	}
}

func bonario() ledger.Notice {
	return ledger.Notice{ID: 42, Kind: ledger.AvvisoBonario, Number: "AB-2026-0000007", PositionID: 1,
		IssuedOn: civil.MustParse("2026-03-16"), Deadline: civil.MustParse("2026-04-15")}
}

func TestAddebitoThirtyDaysAfterTheDeadline(t *testing.T) {
	c := candidate(6, ledger.Rata1, "2025-05-16", 63743)
	c.SanctionOwed = 2000
	if _, ok, _ := planner("2026-05-14").Addebito(bonario(), pos, []ledger.NoticeCandidate{c}); ok {
		t.Fatal("an avviso di addebito 29 days after the deadline")
	}
	plan, ok, err := planner("2026-05-15").Addebito(bonario(), pos, []ledger.NoticeCandidate{c})
	if err != nil || !ok {
		t.Fatalf("no avviso di addebito 30 days after the deadline: %v", err)
	}
	n := plan.Notice
	if n.Kind != ledger.AvvisoAddebito || n.ParentID != 42 || n.NaturalKey != "addebito:AB-2026-0000007" ||
		n.Deadline != civil.MustParse("2026-07-14") {
		t.Errorf("notice: %+v", n)
	}
	p := contrib.Default()
	then, _ := p.Sanction(contrib.SanctionInput{Amount: 63743, Due: c.Due.DueDate, Paid: civil.MustParse("2026-03-16")})
	now, _ := p.Sanction(contrib.SanctionInput{Amount: 63743, Due: c.Due.DueDate, Paid: civil.MustParse("2026-05-15")})
	it := plan.Items[0]
	if it.Capital != 63743 || it.NewSanction != now.Amount-then.Amount || it.Sanction != 2000+it.NewSanction || it.NewSanction <= 0 {
		t.Errorf("item: %+v (accrued %s)", it, now.Amount-then.Amount)
	}
}

func TestNoAddebitoWhenTheBonarioWasPaid(t *testing.T) {
	paid := candidate(6, ledger.Rata1, "2025-05-16", 0)
	if _, ok, _ := planner("2026-06-01").Addebito(bonario(), pos, []ledger.NoticeCandidate{paid}); ok {
		t.Fatal("an avviso di addebito for a paid bonario")
	}
	sanctionOnly := paid
	sanctionOnly.SanctionOwed = 1500
	plan, ok, _ := planner("2026-06-01").Addebito(bonario(), pos, []ledger.NoticeCandidate{sanctionOnly})
	if !ok || plan.Notice.Sanctions != 1500 || plan.Notice.Capital != 0 {
		t.Fatalf("the sanctions still owed: %+v", plan.Notice)
	}
}

func TestNoticeNumbersDocumentsAndEvents(t *testing.T) {
	if got := ledger.NoticeNumber(ledger.SeriesBonario, 2026, 123); got != "AB-2026-0000123" {
		t.Errorf("number %s", got)
	}
	n := bonario()
	n.Capital, n.Sanctions = 113743, 1234
	d := ledger.NoticeDocument(n)
	if d.Kind != "avviso_bonario" || d.Title != "Avviso bonario n. AB-2026-0000007 del 16/03/2026" || d.RefID != 42 {
		t.Errorf("document: %+v", d)
	}
	e := ledger.NoticeEvent(n, "10000001")
	if e.Kind != "notice.issued" || e.RefID != 42 || !strings.Contains(e.Payload, `"total":"1149.77"`) ||
		!strings.Contains(e.Payload, `"position":"10000001"`) {
		t.Errorf("event: %+v", e)
	}
}

func TestNoticePolicyValidate(t *testing.T) {
	p := ledger.DefaultNoticePolicy(civil.MustParse("2026-03-16"))
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	p.PayDays = 0
	if p.Validate() == nil {
		t.Error("zero days to pay accepted")
	}
	if (ledger.NoticePolicy{GraceDays: 60, PayDays: 30, AddebitoPayDays: 60}).Validate() == nil {
		t.Error("no run date accepted")
	}
}
