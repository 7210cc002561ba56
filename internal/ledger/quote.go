package ledger

import (
	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// Quotes are the quote contributive dovute of a position for a year (M6c):
// every contribution rate with what to pay it with, what was paid and what
// is still owed. Sanctions are not rates: the situazione shows them.
type Quotes struct {
	Position PositionInfo `json:"position"`
	Year     int          `json:"year"`
	Rates    []Quote      `json:"rates"`
	Amount   money.Cents  `json:"amount"`
	Paid     money.Cents  `json:"paid"`
	Residual money.Cents  `json:"residual"`
}

// Quote is one contribution rate: a fixed rate, the saldo or an acconto of
// one person.
type Quote struct {
	DueID       int64             `json:"due_id"`
	PersonID    int64             `json:"person_id"`
	SubjectCode int               `json:"subject_code"`
	Kind        Kind              `json:"kind"`
	Causale     string            `json:"causale"`
	CodiceINPS  string            `json:"codice_inps"`
	PeriodFrom  contrib.YearMonth `json:"period_from"`
	PeriodTo    contrib.YearMonth `json:"period_to"`
	DueDate     civil.Date        `json:"due_date"`
	Amount      money.Cents       `json:"amount"` // with its corrections
	Maternity   money.Cents       `json:"maternity"`
	Paid        money.Cents       `json:"paid"`
	Residual    money.Cents       `json:"residual"`
	Overdue     bool              `json:"overdue"` // owed after its due date
	Trace       Trace             `json:"trace"`
}

// QuoteDovute returns the rates of year of the position of rec, as of asOf
// (which only decides Overdue), in the order of the situazione.
func QuoteDovute(rec Records, year int, asOf civil.Date) Quotes {
	q := Quotes{Position: rec.Position, Year: year, Rates: []Quote{}}
	s := NewSituation(rec, SituationOptions{AsOf: asOf, Year: year})
	for _, y := range s.Years {
		for _, it := range y.Items {
			if !it.Due.Kind.IsContribution() {
				continue
			}
			r := quoteOf(it, asOf)
			q.Rates = append(q.Rates, r)
			q.Amount += r.Amount
			q.Paid += r.Paid
			q.Residual += r.Residual
		}
	}
	return q
}

// quoteOf returns the rate of a contribution item, without its sanctions.
func quoteOf(it Item, asOf civil.Date) Quote {
	d := it.Due
	r := Quote{DueID: d.ID, PersonID: d.PersonID, SubjectCode: d.SubjectCode, Kind: d.Kind, Causale: d.Causale,
		CodiceINPS: d.Codeline, PeriodFrom: d.PeriodFrom, PeriodTo: d.PeriodTo, DueDate: d.DueDate,
		Amount: it.Capital, Maternity: d.Maternity, Paid: it.CapitalPaid, Residual: it.CapitalResidual()}
	r.Overdue = r.Residual > 0 && asOf.After(d.DueDate)
	r.Trace.Dues = append(r.Trace.Dues, d.ID)
	r.Trace.Allocations = append(r.Trace.Allocations, d.Allocations...)
	r.Trace.Payments = append(r.Trace.Payments, d.Payments...)
	for _, c := range it.Corrections {
		r.Trace.Dues = append(r.Trace.Dues, c.ID)
		r.Trace.Allocations = append(r.Trace.Allocations, c.Allocations...)
		r.Trace.Payments = appendUniqueIDs(r.Trace.Payments, c.Payments...)
	}
	return r
}
