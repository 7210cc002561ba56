package ledger_test

import (
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/contrib/codeline"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
)

const (
	testCF   = "BNCMRC78D12F205X"
	testSede = "1300"
)

// code returns the codice INPS of rata n of 2025 for amount.
func code(t testing.TB, n int, amount money.Cents) string {
	t.Helper()
	c, err := codeline.Make(codeline.Fields{Position: 10000001, Subject: 10, Rata: n, Year: 2025, Seq: 1}, testSede, amount)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func ym(y, m int) contrib.YearMonth { return contrib.YearMonth{Year: y, Month: time.Month(m)} }

// rate returns fixed rate n of 2025 of person 7, with its codeline and the
// residual given.
func rate(t testing.TB, id int64, n int, amount, residual money.Cents) ledger.OpenDue {
	t.Helper()
	return ledger.OpenDue{Due: ledger.Due{ID: id, PositionID: 3, PersonID: 7, SubjectCode: 10, Year: 2025,
		Kind: ledger.FixedRate(n), Causale: "AF", PeriodFrom: ym(2025, 3*n-2), PeriodTo: ym(2025, 3*n),
		DueDate: contrib.FixedRateDueDates(2025)[n-1], Amount: amount, Codeline: code(t, n, amount)}, Residual: residual}
}

// pay returns a payment by person 7 of amount for the period of rata n.
func pay(n int, amount money.Cents, codice string) ledger.Payment {
	return ledger.Payment{ID: 100, PaidOn: civil.MustParse("2025-05-16"), CodiceFiscale: testCF, PersonID: 7,
		CodiceSede: testSede, Causale: "AF", CodiceINPS: codice, PeriodFrom: ym(2025, 3*n-2), PeriodTo: ym(2025, 3*n),
		Debit: amount}
}

func TestAllocate(t *testing.T) {
	r1 := rate(t, 1, 1, 113743, 113743)
	r2 := rate(t, 2, 2, 113743, 113743)
	r1paid := rate(t, 1, 1, 113743, 0)
	r1half := rate(t, 1, 1, 113743, 50000)
	sanction := ledger.OpenDue{Due: ledger.Due{ID: 9, PersonID: 7, Kind: ledger.Sanction, Causale: "AF",
		PeriodFrom: ym(2025, 1), PeriodTo: ym(2025, 3), DueDate: civil.MustParse("2025-01-01"), Amount: 500}, Residual: 500}
	otherCausale := rate(t, 5, 1, 113743, 113743)
	otherCausale.Causale = "CF"
	otherPerson := rate(t, 6, 1, 113743, 113743)
	otherPerson.PersonID = 8
	wholeYear := pay(1, 227486, code(t, 9, 227486)) // a code of no due: matched
	wholeYear.PeriodTo = ym(2025, 6)
	creditLine := pay(1, 0, code(t, 1, 113743))
	creditLine.Credit = 113743
	unknownPerson := pay(1, 113743, code(t, 9, 113743))
	unknownPerson.PersonID = 0
	regen := regenerated(t, r1, 60000) // rata 1, emission 02, for 600.00
	regenOther := pay(1, 60000, regen) // paid by someone else, for another period
	regenOther.PersonID, regenOther.PeriodFrom, regenOther.PeriodTo = 0, ym(2025, 7), ym(2025, 9)
	r1twin := rate(t, 3, 1, 113743, 113743) // a second due with rata 1's code (another subject would differ)
	r1twin.Codeline = r1.Codeline[:15] + "99"
	r1correction := rate(t, 4, 1, 10000, 10000) // a correction carrying the code of its parent
	r1correction.Kind, r1correction.Codeline = ledger.Correction, r1.Codeline[:15]+"98"

	type alloc struct {
		due    int64
		amount money.Cents
		method string
	}
	for _, tc := range []struct {
		name       string
		p          ledger.Payment
		candidates []ledger.OpenDue
		want       []alloc
	}{
		{"the codeline names the due", pay(1, 113743, r1.Codeline), []ledger.OpenDue{r2, r1}, []alloc{{1, 113743, ledger.ByCodeline}}},
		{"codeline over the residual leaves a credit", pay(1, 113743, r1.Codeline), []ledger.OpenDue{r1half},
			[]alloc{{1, 50000, ledger.ByCodeline}}},
		{"codeline of a due already paid: all credit, no fallback", pay(1, 113743, r1.Codeline), []ledger.OpenDue{r1paid, r2}, nil},
		{"a code that does not verify for the amount is matched", pay(1, 60000, r1.Codeline), []ledger.OpenDue{r1, r2},
			[]alloc{{1, 60000, ledger.ByMatch}}},
		{"a verified code of no due is matched", pay(2, 113743, code(t, 9, 113743)), []ledger.OpenDue{r1, r2},
			[]alloc{{2, 113743, ledger.ByMatch}}},
		{"matching pays the oldest due first and leaves the rest as credit", wholeYear, []ledger.OpenDue{r2, r1},
			[]alloc{{1, 113743, ledger.ByMatch}, {2, 113743, ledger.ByMatch}}},
		{"matching skips paid dues, other causali and persons", pay(1, 113743, code(t, 9, 113743)),
			[]ledger.OpenDue{r1paid, otherCausale, otherPerson}, nil},
		{"a matched payment pays the capital, then the sanctions of the period", pay(1, 114043, code(t, 9, 114043)),
			[]ledger.OpenDue{sanction, r1}, []alloc{{1, 113743, ledger.ByMatch}, {9, 300, ledger.ByMatch}}},
		{"a notice's total settles capital and sanction, the rest is credit", pay(1, 120000, code(t, 9, 120000)),
			[]ledger.OpenDue{sanction, r1}, []alloc{{1, 113743, ledger.ByMatch}, {9, 500, ledger.ByMatch}}},
		{"matching needs an overlapping period", pay(3, 113743, code(t, 9, 113743)), []ledger.OpenDue{r1, r2}, nil},
		{"matching needs a known person", unknownPerson, []ledger.OpenDue{r1}, nil},
		{"a credit line allocates nothing", creditLine, []ledger.OpenDue{r1}, nil},
		{"a re-generated code pays its due by codeline", pay(1, 60000, regen), []ledger.OpenDue{r2, r1},
			[]alloc{{1, 60000, ledger.ByCodeline}}},
		{"a re-generated code needs neither the person nor the period", regenOther, []ledger.OpenDue{r1},
			[]alloc{{1, 60000, ledger.ByCodeline}}},
		{"a re-generated code ignores corrections", pay(1, 60000, regen), []ledger.OpenDue{r1correction, r1},
			[]alloc{{1, 60000, ledger.ByCodeline}}},
		{"a re-generated code two dues share is matched", pay(1, 60000, regen), []ledger.OpenDue{r1, r1twin},
			[]alloc{{1, 60000, ledger.ByMatch}}},
		{"a re-generated code that does not verify is matched", pay(1, 70000, regen), []ledger.OpenDue{r1, r2},
			[]alloc{{1, 70000, ledger.ByMatch}}},
		{"the code itself wins over a re-generated one", pay(1, 60000, regen), []ledger.OpenDue{r1, regenDue(r2, regen)},
			[]alloc{{2, 60000, ledger.ByCodeline}}},
		{"an overpayment by match fills the due and leaves a credit", pay(1, 200000, code(t, 9, 200000)),
			[]ledger.OpenDue{r1half}, []alloc{{1, 50000, ledger.ByMatch}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ledger.Allocate(tc.p, tc.candidates)
			if len(got) != len(tc.want) {
				t.Fatalf("got %+v, want %+v", got, tc.want)
			}
			for i, a := range got {
				w := tc.want[i]
				if a.DueID != w.due || a.Amount != w.amount || a.Method != w.method || a.PaymentID != tc.p.ID {
					t.Errorf("allocation %d: got %+v, want %+v", i, a, w)
				}
			}
		})
	}
}

// regenerated returns the code ledger.Regenerate gives for paying amount of d.
func regenerated(t testing.TB, d ledger.OpenDue, amount money.Cents) string {
	t.Helper()
	c, err := ledger.Regenerate(d.Due, testSede, amount)
	if err != nil || c == d.Codeline {
		t.Fatalf("regenerate: %q, %v", c, err)
	}
	return c
}

// regenDue returns d carrying codeline c.
func regenDue(d ledger.OpenDue, c string) ledger.OpenDue {
	d.Codeline = c
	return d
}

func TestBookOffersTheDueOfARegeneratedCode(t *testing.T) {
	r1, r2 := rate(t, 1, 1, 113743, 113743), rate(t, 2, 2, 113743, 113743)
	stranger := rate(t, 5, 3, 113743, 113743)
	stranger.PersonID = 8
	book := ledger.NewBook([]ledger.OpenDue{r1, r2, stranger})
	p := pay(1, 60000, regenerated(t, r1, 60000))
	got := book.Candidates(p, nil)
	if len(got) != 2 || got[0].ID != 1 || got[1].ID != 2 {
		t.Fatalf("candidates %v, want the due of the code first, then the person's other due, each once", ids(got))
	}
	p.PersonID = 0
	if got := book.Candidates(p, nil); len(got) != 1 || got[0].ID != 1 {
		t.Fatalf("candidates of an unknown person %v, want the due of the code", ids(got))
	}
	p = pay(3, 60000, regenerated(t, stranger, 60000))
	if got := ledger.Allocate(p, book.Candidates(p, nil)); len(got) != 1 || got[0].DueID != 5 || got[0].Method != ledger.ByCodeline {
		t.Fatalf("allocations %+v, want the stranger's rata 3 by codeline", got)
	}
}

func ids(dues []ledger.OpenDue) []int64 {
	var out []int64
	for _, d := range dues {
		out = append(out, d.ID)
	}
	return out
}

func TestAllocateLeavesCandidatesAlone(t *testing.T) {
	cands := []ledger.OpenDue{rate(t, 2, 2, 113743, 113743), rate(t, 1, 1, 113743, 113743)}
	p := pay(1, 227486, code(t, 9, 227486))
	p.PeriodTo = ym(2025, 6)
	ledger.Allocate(p, cands)
	if cands[0].ID != 2 || cands[0].Residual != 113743 || cands[1].Residual != 113743 {
		t.Fatalf("candidates changed: %+v", cands)
	}
}
