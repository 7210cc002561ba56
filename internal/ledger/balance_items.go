package ledger

import (
	"cmp"
	"slices"

	"github.com/cassetto-dev/cassetto/internal/money"
)

// Item is one entry of the situazione: a due with its corrections, the
// sanctions charged on it and what was allocated to each.
type Item struct {
	Due          Line         `json:"due"`
	Corrections  []Line       `json:"corrections,omitempty"`
	Sanctions    []Line       `json:"sanctions,omitempty"`
	Capital      money.Cents  `json:"capital"`       // the due's amount with its corrections
	CapitalPaid  money.Cents  `json:"capital_paid"`  // allocated to the due and its corrections
	Sanction     money.Cents  `json:"sanction"`      // sanctions charged
	SanctionPaid money.Cents  `json:"sanction_paid"` // allocated to the sanctions
	Amount       money.Cents  `json:"amount"`        // Capital + Sanction
	Paid         money.Cents  `json:"paid"`          // CapitalPaid + SanctionPaid
	Residual     money.Cents  `json:"residual"`      // still owed (debt unless Prescribed)
	Overpaid     money.Cents  `json:"overpaid"`      // allocated beyond the amounts: a credit
	Overdue      bool         `json:"overdue"`       // owed, not prescribed, after its due date
	Prescribed   bool         `json:"prescribed"`    // the residual is prescribed: never debt
	Settlement   bool         `json:"settlement_eligible"`
	Notices      []NoticeLink `json:"notices,omitempty"`
	Trace        Trace        `json:"trace"`
}

// CapitalResidual returns the part of the capital still owed.
func (it *Item) CapitalResidual() money.Cents { return max(0, it.Capital-it.CapitalPaid) }

// allocIndex holds the allocations of each due.
type allocIndex map[int64][]Allocation

func indexAllocations(as []Allocation) allocIndex {
	idx := make(allocIndex, len(as))
	for _, a := range as {
		idx[a.DueID] = append(idx[a.DueID], a)
	}
	return idx
}

// line returns d with what was allocated to it.
func (idx allocIndex) line(d Due) Line {
	l := Line{DueRef: refOf(d)}
	for _, a := range idx[d.ID] {
		l.Paid += a.Amount
		l.Allocations = append(l.Allocations, a.ID)
		l.Payments = appendUniqueIDs(l.Payments, a.PaymentID)
	}
	return l
}

// groupItems groups dues into items: every due without a parent (or whose
// parent is not among dues) is an item; corrections and sanctions join
// their parent's item. Items come ordered by year, due date, subject, kind.
func groupItems(dues []Due, allocs allocIndex) []*Item {
	ids := make(map[int64]bool, len(dues))
	for _, d := range dues {
		ids[d.ID] = true
	}
	isChild := func(d Due) bool { return (d.Kind == Correction || d.Kind == Sanction) && ids[d.ParentID] }
	byID := make(map[int64]*Item, len(dues))
	items := make([]*Item, 0, len(dues))
	for _, d := range dues {
		if !isChild(d) {
			it := &Item{Due: allocs.line(d)}
			byID[d.ID] = it
			items = append(items, it)
		}
	}
	for _, d := range dues {
		if isChild(d) {
			if it := byID[d.ParentID]; it != nil {
				it.attach(d, allocs.line(d))
			}
		}
	}
	slices.SortFunc(items, compareItems)
	return items
}

// attach adds a correction or a sanction to the item.
func (it *Item) attach(d Due, l Line) {
	if d.Kind == Sanction {
		it.Sanctions = append(it.Sanctions, l)
		return
	}
	it.Corrections = append(it.Corrections, l)
}

func compareItems(a, b *Item) int {
	return cmp.Or(cmp.Compare(a.Due.Year, b.Due.Year), cmp.Compare(itemDayKey(a.Due), itemDayKey(b.Due)),
		cmp.Compare(a.Due.SubjectCode, b.Due.SubjectCode), cmp.Compare(a.Due.Kind.RataCode(), b.Due.Kind.RataCode()),
		cmp.Compare(a.Due.ID, b.Due.ID))
}

func itemDayKey(d Line) int { return d.DueDate.Year*10000 + int(d.DueDate.Month)*100 + d.DueDate.Day }

// total computes the item's figures from its lines.
func (it *Item) total() {
	it.Capital, it.CapitalPaid = it.Due.Amount, it.Due.Paid
	for _, c := range it.Corrections {
		it.Capital += c.Amount
		it.CapitalPaid += c.Paid
	}
	capital := Line{DueRef: DueRef{Amount: it.Capital}, Paid: it.CapitalPaid}
	it.Residual, it.Overpaid = capital.residual()
	it.Sanction, it.SanctionPaid = 0, 0
	for _, s := range it.Sanctions {
		it.Sanction += s.Amount
		it.SanctionPaid += s.Paid
		owed, over := s.residual()
		it.Residual += owed
		it.Overpaid += over
	}
	it.Amount, it.Paid = it.Capital+it.Sanction, it.CapitalPaid+it.SanctionPaid
	it.trace()
}

// trace collects the ids behind the item.
func (it *Item) trace() {
	t := Trace{}
	for _, l := range it.lines() {
		t.Dues = append(t.Dues, l.ID)
		t.Allocations = append(t.Allocations, l.Allocations...)
		t.Payments = appendUniqueIDs(t.Payments, l.Payments...)
	}
	for _, n := range it.Notices {
		t.Notices = appendUniqueIDs(t.Notices, n.NoticeID)
	}
	it.Trace = t
}

// lines returns the due, its corrections and its sanctions.
func (it *Item) lines() []Line {
	out := append([]Line{it.Due}, it.Corrections...)
	return append(out, it.Sanctions...)
}

// Status names where the item stands: "prescribed", "overpaid", "paid",
// "overdue" or "open". The pages and the API show it (message ids
// ledger.status.*, the API's status field).
func (it Item) Status() string {
	switch {
	case it.Prescribed:
		return "prescribed"
	case it.Residual == 0 && it.Overpaid > 0:
		return "overpaid"
	case it.Residual == 0:
		return "paid"
	case it.Overdue:
		return "overdue"
	}
	return "open"
}
