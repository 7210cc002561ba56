package ledger

import (
	"slices"

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
	items := groupItems(rec.Dues, indexAllocations(rec.Allocations))
	if o.Year != 0 {
		items = slices.DeleteFunc(items, func(it Item) bool { return it.Due.Year != o.Year })
	}
	for i := range items {
		it := &items[i]
		it.Notices = links[it.Due.ID]
		it.total()
		it.judge(o)
	}
	for len(items) > 0 { // items come ordered by year
		n := 1
		for n < len(items) && items[n].Due.Year == items[0].Due.Year {
			n++
		}
		s.addYear(items[:n])
		items = items[n:]
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

// addYear adds the year of items, every one of the same year; the year
// keeps items as its own.
func (s *Situation) addYear(items []Item) {
	y := YearBalance{Year: items[0].Due.Year, Items: items[:len(items):len(items)]}
	var dues, allocs int
	for i := range items {
		dues, allocs = dues+len(items[i].Trace.Dues), allocs+len(items[i].Trace.Allocations)
	}
	// Each due and each allocation belongs to one item: only payments and
	// notices can repeat from one item to the next.
	y.Trace.Dues, y.Trace.Allocations = make([]int64, 0, dues), make([]int64, 0, allocs)
	for i := range items {
		s.count(&y, &items[i])
	}
	s.Years = append(s.Years, y)
}

// count adds the figures and the trace of it to its year y and to s.
func (s *Situation) count(y *YearBalance, it *Item) {
	y.Amount += it.Amount
	y.Paid += it.Paid
	y.Overpaid += it.Overpaid
	y.Trace.Dues = append(y.Trace.Dues, it.Trace.Dues...)
	y.Trace.Allocations = append(y.Trace.Allocations, it.Trace.Allocations...)
	y.Trace.Payments = appendUniqueIDs(y.Trace.Payments, it.Trace.Payments...)
	y.Trace.Notices = appendUniqueIDs(y.Trace.Notices, it.Trace.Notices...)
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
