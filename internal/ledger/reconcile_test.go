package ledger_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
)

func reconciler() ledger.Reconciler { return ledger.Reconciler{Params: contrib.Default()} }

// noticed returns NoticeDates answering from dates, failing the test when
// asked twice in one reconciliation or for a due not paid late.
func noticed(t *testing.T, dates map[int64][]civil.Date, late ...int64) ledger.NoticeDates {
	asked := false
	return func(ids []int64) (map[int64][]civil.Date, error) {
		if asked {
			t.Error("notice dates asked twice")
		}
		asked = true
		for _, id := range ids {
			if !slices.Contains(late, id) {
				t.Errorf("notice dates asked for due %d, not paid late", id)
			}
		}
		return dates, nil
	}
}

// reconcile reconciles payments against dues with no notices.
func reconcile(t *testing.T, payments []ledger.Payment, dues ...ledger.OpenDue) ledger.Outcome {
	t.Helper()
	out, err := reconciler().Reconcile(payments, ledger.NewBook(dues), noticed(t, nil))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestReconcileTwoPaymentsOfOneChunkShareTheResidual(t *testing.T) {
	r1 := rate(t, 1, 1, 113743, 113743)
	a := pay(1, 80000, code(t, 9, 80000))
	a.ID = 100
	b := pay(1, 80000, code(t, 9, 80000))
	b.ID = 101
	out := reconcile(t, []ledger.Payment{a, b}, r1, r1)
	if len(out.Allocations) != 2 || out.Allocations[0].Amount != 80000 || out.Allocations[1].Amount != 33743 ||
		out.Allocations[1].PaymentID != 101 {
		t.Fatalf("allocations %+v, want 800.00 then the 337.43 left", out.Allocations)
	}
	s := out.Stats
	if s.Payments != 2 || s.ByMatch != 113743 || s.ByMatchCount != 2 || s.Credit != 46257 || s.CreditCount != 1 || s.Sanctions != 0 {
		t.Fatalf("stats %+v", s)
	}
}

func TestReconcileChargesSanctionsOnFixedRatesPaidLate(t *testing.T) {
	paid := civil.MustParse("2025-07-15") // 60 days after 2025-05-16 (RULES.md P6 vectors)
	for _, tc := range []struct {
		name    string
		kind    ledger.Kind
		notices []string
		paidOn  civil.Date
		want    money.Cents
		reason  string
	}{
		{"spontaneous: TUR alone", ledger.Rata1, nil, paid, 421, "versamento spontaneo"},
		// TUR + 5.5 from the due date: 14.50 to the payment less 11.16 to the
		// notice, which charged those already.
		{"after a notice: what accrued since", ledger.Rata1, []string{"2025-07-01"}, paid, 1450 - 1116, "dopo l'avviso del 01/07/2025"},
		{"after two notices: since the last", ledger.Rata1, []string{"2025-07-01", "2025-06-20"}, paid, 1450 - 1116, "dopo l'avviso del 01/07/2025"},
		{"a notice after the payment keeps it spontaneous", ledger.Rata1, []string{"2025-08-01"}, paid, 421, "versamento spontaneo"},
		{"paid the day of the notice: none more", ledger.Rata1, []string{"2025-07-15"}, paid, 0, ""},
		{"on time: none", ledger.Rata1, nil, civil.MustParse("2025-05-16"), 0, ""},
		{"not a fixed rate: none", ledger.Saldo, nil, paid, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			due := rate(t, 1, 1, 113743, 113743)
			due.Kind = tc.kind
			dates := map[int64][]civil.Date{}
			for _, n := range tc.notices {
				dates[due.ID] = append(dates[due.ID], civil.MustParse(n))
			}
			p := pay(1, 113743, due.Codeline)
			p.PaidOn = tc.paidOn
			var late []int64
			if tc.kind.IsFixed() && p.PaidOn.After(due.DueDate) {
				late = append(late, due.ID)
			}
			out, err := reconciler().Reconcile([]ledger.Payment{p}, ledger.NewBook([]ledger.OpenDue{due}), noticed(t, dates, late...))
			if err != nil {
				t.Fatal(err)
			}
			if tc.want == 0 {
				if len(out.Sanctions) != 0 {
					t.Fatalf("sanctions %+v, want none", out.Sanctions)
				}
				return
			}
			if len(out.Sanctions) != 1 {
				t.Fatalf("sanctions %+v, want one", out.Sanctions)
			}
			s := out.Sanctions[0]
			if s.Amount != tc.want || s.Kind != ledger.Sanction || s.ParentID != 1 || s.Causale != "AF" ||
				s.NaturalKey != "sanction:1:100" || s.PersonID != 7 || s.PositionID != 3 || s.DueDate != paid {
				t.Fatalf("sanction %+v, want %s", s, tc.want)
			}
			if !strings.Contains(s.Reason, "60 giorni di ritardo") || !strings.Contains(s.Reason, tc.reason) {
				t.Fatalf("reason %q", s.Reason)
			}
			if out.Stats.Sanctions != 1 || out.Stats.SanctionAmount != tc.want {
				t.Fatalf("stats %+v", out.Stats)
			}
		})
	}
}

func TestReconcileSanctionsOnlyTheAmountAllocated(t *testing.T) {
	due := rate(t, 1, 1, 113743, 60000) // 537.43 already paid on time
	p := pay(1, 113743, due.Codeline)
	p.PaidOn = civil.MustParse("2025-07-15")
	out, err := reconciler().Reconcile([]ledger.Payment{p}, ledger.NewBook([]ledger.OpenDue{due}), noticed(t, nil, due.ID))
	if err != nil {
		t.Fatal(err)
	}
	want, _ := contrib.Default().Sanction(contrib.SanctionInput{Amount: 60000, Due: due.DueDate, Paid: p.PaidOn, Spontaneous: true})
	if len(out.Sanctions) != 1 || out.Sanctions[0].Amount != want.Amount || out.Stats.Credit != 53743 {
		t.Fatalf("sanctions %+v, stats %+v; want %s on 600.00", out.Sanctions, out.Stats, want.Amount)
	}
}

func TestReconcileCountsCreditLinesWithoutAllocating(t *testing.T) {
	p := pay(1, 0, code(t, 1, 5000))
	p.Causale, p.Credit = "APR", 5000
	out := reconcile(t, []ledger.Payment{p}, rate(t, 1, 1, 113743, 113743))
	if len(out.Allocations) != 0 || out.Stats.CreditLines != 1 || out.Stats.CreditLineAmount != 5000 || out.Stats.Credit != 0 {
		t.Fatalf("outcome %+v", out)
	}
}

func TestReconcileSkipsSanctionsTheRulesCannotCompute(t *testing.T) {
	due := rate(t, 1, 1, 113743, 113743)
	due.DueDate = civil.MustParse("2015-05-18") // before the first ECB rate of the table
	p := pay(1, 113743, due.Codeline)
	p.PaidOn = civil.MustParse("2015-07-15")
	out, err := reconciler().Reconcile([]ledger.Payment{p}, ledger.NewBook([]ledger.OpenDue{due}), noticed(t, nil, due.ID))
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Allocations) != 1 || len(out.Sanctions) != 0 || out.Stats.SanctionsSkipped != 1 {
		t.Fatalf("outcome %+v", out)
	}
}
