package ledger

import (
	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// SituationOptions are the inputs of NewSituation beside the records.
type SituationOptions struct {
	AsOf       civil.Date     // the day described: prescription runs to it
	Year       int            // only this contribution year; 0 for every year
	Settlement SettlementRule // the settlement scheme in force, if any
}

// Situation is the situazione debitoria/creditoria of a position (M3):
// per year and per item what is due, paid and still owed, and the credits.
// Every figure is computed from the records and carries their ids.
type Situation struct {
	Position   PositionInfo  `json:"position"`
	AsOf       civil.Date    `json:"as_of"`
	Year       int           `json:"year,omitempty"` // the year filter, 0 for none
	Years      []YearBalance `json:"years"`
	Debt       money.Cents   `json:"debt"`                // residuals not prescribed
	Overdue    money.Cents   `json:"overdue"`             // the debt past its due date: an irregularity (M11)
	Prescribed money.Cents   `json:"prescribed"`          // prescribed residuals: never debt
	Settlement money.Cents   `json:"settlement_eligible"` // debt eligible for the settlement scheme
	Credits    []Credit      `json:"credits"`
	Credit     money.Cents   `json:"credit"`  // the credits counted (see CreditKind)
	Balance    money.Cents   `json:"balance"` // Debt − Credit: positive owed, negative in credit
}

// YearBalance is one contribution year of the situazione.
type YearBalance struct {
	Year       int         `json:"year"`
	Items      []Item      `json:"items"`
	Amount     money.Cents `json:"amount"`     // capital and sanctions due
	Paid       money.Cents `json:"paid"`       // allocated
	Debt       money.Cents `json:"debt"`       // residuals not prescribed
	Overdue    money.Cents `json:"overdue"`    // the debt past its due date
	Prescribed money.Cents `json:"prescribed"` // prescribed residuals
	Overpaid   money.Cents `json:"overpaid"`   // allocated beyond the amounts (a credit)
	Settlement money.Cents `json:"settlement_eligible"`
	Trace      Trace       `json:"trace"`
}

// Irregular reports whether the position has overdue debt (M11).
func (s Situation) Irregular() bool { return s.Overdue > 0 }

// NewSituation computes the situazione of the position of rec on o.AsOf.
// A residual is prescribed when five years have passed since the due date,
// or since the last notice that named the due (a notice interrupts the
// term); a prescribed residual is shown, flagged, and never counted as
// debt. An item is eligible for settlement when it is owed, not
// prescribed, and its due was marked eligible when written, a notice
// recorded it eligible, or o.Settlement covers its due date.
func NewSituation(rec Records, o SituationOptions) Situation {
	s := Situation{Position: rec.Position, AsOf: o.AsOf, Year: o.Year, Years: []YearBalance{}}
	links := make(map[int64][]NoticeLink, len(rec.Notices))
	for _, n := range rec.Notices {
		links[n.DueID] = append(links[n.DueID], n)
	}
	for _, it := range groupItems(rec.Dues, indexAllocations(rec.Allocations)) {
		if o.Year != 0 && it.Due.Year != o.Year {
			continue
		}
		it.Notices = links[it.Due.ID]
		it.total()
		it.judge(o)
		s.add(*it)
	}
	s.Credits = situationCredits(rec, s.Years)
	for _, c := range s.Credits {
		if c.Kind.Counted() {
			s.Credit += c.Amount
		}
	}
	s.Balance = s.Debt - s.Credit
	return s
}

// judge sets the prescription and settlement flags of the item on o.AsOf.
func (it *Item) judge(o SituationOptions) {
	if it.Residual == 0 {
		return
	}
	from := it.Due.DueDate
	for _, n := range it.Notices {
		if n.IssuedOn.After(from) {
			from = n.IssuedOn
		}
	}
	it.Prescribed = !o.AsOf.IsZero() && Prescribed(from, o.AsOf)
	if it.Prescribed {
		return
	}
	it.Overdue = o.AsOf.After(it.Due.DueDate)
	it.Settlement = it.Due.Settlement || o.Settlement.Covers(it.Due.DueDate)
	for _, n := range it.Notices {
		it.Settlement = it.Settlement || n.Settlement
	}
}

// add puts the item in its year, creating the year when needed (items
// come ordered by year).
func (s *Situation) add(it Item) {
	if n := len(s.Years); n == 0 || s.Years[n-1].Year != it.Due.Year {
		s.Years = append(s.Years, YearBalance{Year: it.Due.Year})
	}
	y := &s.Years[len(s.Years)-1]
	y.Items = append(y.Items, it)
	y.Amount += it.Amount
	y.Paid += it.Paid
	y.Overpaid += it.Overpaid
	y.Trace.add(it.Trace)
	switch {
	case it.Prescribed:
		y.Prescribed += it.Residual
		s.Prescribed += it.Residual
	default:
		y.Debt += it.Residual
		s.Debt += it.Residual
	}
	if it.Overdue {
		y.Overdue += it.Residual
		s.Overdue += it.Residual
	}
	if it.Settlement {
		y.Settlement += it.Residual
		s.Settlement += it.Residual
	}
}
