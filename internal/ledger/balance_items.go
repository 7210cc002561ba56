package ledger

import (
	"cmp"
	"slices"

	"github.com/cassetto-dev/cassetto/internal/civil"
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
	as := idx[d.ID]
	if len(as) == 0 {
		return l
	}
	ids := make([]int64, len(as), 2*len(as)) // the allocations, then their payments
	for i, a := range as {
		l.Paid += a.Amount
		ids[i] = a.ID
	}
	l.Allocations, l.Payments = ids[:len(as):len(as)], ids[len(as):len(as)]
	for _, a := range as {
		l.Payments = appendUniqueIDs(l.Payments, a.PaymentID)
	}
	return l
}

// groupItems groups dues into items: every due without a parent (or whose
// parent is not among dues) is an item; corrections and sanctions join
// their parent's item. Items come ordered by year, due date, subject, kind,
// in one slice: the read models keep slices of it rather than copies. The
// dues are sorted by their places, not the items themselves, which are
// large.
func groupItems(dues []Due, allocs allocIndex) []Item {
	index := make(map[int64]int, len(dues)) // due id -> its place in dues
	for i, d := range dues {
		index[d.ID] = i
	}
	isChild := func(d Due) bool {
		_, ok := index[d.ParentID]
		return (d.Kind == Correction || d.Kind == Sanction) && ok
	}
	var parents []int32 // places in dues of the items' dues, in the items' order
	for i, d := range dues {
		if !isChild(d) {
			parents = append(parents, int32(i))
		}
	}
	slices.SortFunc(parents, func(a, b int32) int { return compareDues(&dues[a], &dues[b]) })
	items := make([]Item, len(parents))
	itemOf := make([]int32, len(dues)) // place in dues -> place of its item in items
	for n, i := range parents {
		itemOf[i] = int32(n)
		items[n].Due = allocs.line(dues[i])
	}
	for _, d := range dues {
		if isChild(d) {
			if p := index[d.ParentID]; !isChild(dues[p]) {
				items[itemOf[p]].attach(d, allocs.line(d))
			}
		}
	}
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

// compareDues orders the dues of items by year, due date, subject, kind
// (rate number) and id.
func compareDues(a, b *Due) int {
	return cmp.Or(cmp.Compare(a.Year, b.Year), cmp.Compare(dayKey(a.DueDate), dayKey(b.DueDate)),
		cmp.Compare(a.SubjectCode, b.SubjectCode), cmp.Compare(a.Kind.RataCode(), b.Kind.RataCode()),
		cmp.Compare(a.ID, b.ID))
}

func dayKey(d civil.Date) int { return d.Year*10000 + int(d.Month)*100 + d.Day }

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

// trace collects the ids behind the item: its lines' ids, allocations
// and payments in one allocation, the notices in another.
func (it *Item) trace() {
	lines, allocs := 0, 0
	it.eachLine(func(l *Line) { lines++; allocs += len(l.Allocations) })
	ids := make([]int64, 0, lines+2*allocs)
	it.eachLine(func(l *Line) { ids = append(ids, l.ID) })
	t := Trace{Dues: ids[:lines:lines]}
	if allocs > 0 {
		ids = ids[lines:lines]
		it.eachLine(func(l *Line) { ids = append(ids, l.Allocations...) })
		t.Allocations, t.Payments = ids[:allocs:allocs], ids[allocs:allocs]
		it.eachLine(func(l *Line) { t.Payments = appendUniqueIDs(t.Payments, l.Payments...) })
	}
	for _, n := range it.Notices {
		t.Notices = appendUniqueIDs(t.Notices, n.NoticeID)
	}
	it.Trace = t
}

// eachLine calls f with the due, each correction and each sanction.
func (it *Item) eachLine(f func(*Line)) {
	f(&it.Due)
	for i := range it.Corrections {
		f(&it.Corrections[i])
	}
	for i := range it.Sanctions {
		f(&it.Sanctions[i])
	}
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
