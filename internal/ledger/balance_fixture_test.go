package ledger_test

import (
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// book builds handmade records of one position for the read-model tests.
type book struct {
	rec    ledger.Records
	nextID int64
}

func newBook(g contrib.Gestione) *book {
	return &book{rec: ledger.Records{
		Position: ledger.PositionInfo{ID: 1, Number: "10000001", Gestione: g, Sede: "1300"},
		Persons: []ledger.PersonInfo{{ID: 100, SubjectCode: 10, CodiceFiscale: "BNCMRC78D12F205X", Name: "Marco Bianchi"},
			{ID: 101, SubjectCode: 11, CodiceFiscale: "BNCLRA80A41F205X", Name: "Lara Bianchi"}},
	}, nextID: 1000}
}

func (b *book) id() int64 { b.nextID++; return b.nextID }

// rate adds fixed rate n of year for person (subject) and returns its id.
func (b *book) rate(person int64, subject, year, n int, due string, amount, maternity money.Cents) int64 {
	first := time.Month(3*n - 2)
	d := ledger.Due{ID: b.id(), PositionID: 1, PersonID: person, SubjectCode: subject, Year: year,
		Kind: ledger.FixedRate(n), Causale: "CF", PeriodFrom: contrib.YearMonth{Year: year, Month: first},
		PeriodTo: contrib.YearMonth{Year: year, Month: first + 2}, DueDate: civil.MustParse(due), Amount: amount,
		Maternity: maternity, Codeline: "0000000110125011"}
	b.rec.Dues = append(b.rec.Dues, d)
	return d.ID
}

// child adds a sanction or correction of parent.
func (b *book) child(parent int64, kind ledger.Kind, amount money.Cents, reason string) int64 {
	var p ledger.Due
	for _, d := range b.rec.Dues {
		if d.ID == parent {
			p = d
		}
	}
	d := p
	d.ID, d.Kind, d.Amount, d.Maternity, d.ParentID, d.Reason, d.Codeline = b.id(), kind, amount, 0, parent, reason, ""
	b.rec.Dues = append(b.rec.Dues, d)
	return d.ID
}

// pay adds a reconciled payment of debit on paidOn allocated as allocs
// (due id → amount, in order) and returns its id.
func (b *book) pay(paidOn string, debit money.Cents, allocs ...any) int64 {
	p := ledger.Payment{ID: b.id(), PaidOn: civil.MustParse(paidOn), Causale: "CF", PositionID: 1, Debit: debit,
		ReconciledAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	b.rec.Payments = append(b.rec.Payments, p)
	for i := 0; i < len(allocs); i += 2 {
		b.rec.Allocations = append(b.rec.Allocations, ledger.Allocation{ID: b.id(), PaymentID: p.ID,
			DueID: allocs[i].(int64), Amount: allocs[i+1].(money.Cents), Method: ledger.ByCodeline})
	}
	return p.ID
}

// findItem returns the item of due id in s.
func findItem(s ledger.Situation, id int64) (ledger.Item, bool) {
	for _, y := range s.Years {
		for _, it := range y.Items {
			if it.Due.ID == id {
				return it, true
			}
		}
	}
	return ledger.Item{}, false
}

func civilDate(s string) civil.Date { return civil.MustParse(s) }

func situationOptions(asOf string) ledger.SituationOptions {
	return ledger.SituationOptions{AsOf: civil.MustParse(asOf)}
}

var (
	newSituation = ledger.NewSituation
	newStatement = ledger.NewStatement
)
