package ledger

import (
	"cmp"
	"slices"
)

// PaymentsPage is the list of payments of rec's position (M5) computed
// from its records, as store.LedgerReader.Payments reads it from the
// database: newest first (payment date, then id), filtered by f, one page
// after f.After, each payment with its allocations in id order. rec must
// hold every year of the position (its allocations include those of its
// payments).
func PaymentsPage(rec Records, f PaymentFilter) (PaymentPage, error) {
	page := PaymentPage{Rows: []PaymentRow{}}
	limit, err := f.PageSize()
	if err != nil {
		return page, err
	}
	var list []Payment
	for _, p := range rec.Payments {
		if f.selects(p) {
			list = append(list, p)
		}
	}
	slices.SortFunc(list, newestFirst)
	if len(list) > limit {
		list = list[:limit]
		last := list[limit-1]
		page.Next = PaymentCursor{PaidOn: last.PaidOn, ID: last.ID}
	}
	allocs := make(map[int64][]Allocation, len(list))
	for _, p := range list {
		allocs[p.ID] = nil
	}
	for _, a := range rec.Allocations {
		if prev, ok := allocs[a.PaymentID]; ok {
			allocs[a.PaymentID] = append(prev, a)
		}
	}
	for _, p := range list {
		as := allocs[p.ID]
		slices.SortFunc(as, func(a, b Allocation) int { return cmp.Compare(a.ID, b.ID) })
		page.Rows = append(page.Rows, NewPaymentRow(p, as))
	}
	return page, nil
}

// selects reports whether the filter keeps payment p on its page.
func (f PaymentFilter) selects(p Payment) bool {
	switch {
	case f.Year != 0 && p.PeriodFrom.Year != f.Year,
		f.Causale != "" && p.Causale != f.Causale,
		!f.From.IsZero() && p.PaidOn.Before(f.From),
		!f.To.IsZero() && p.PaidOn.After(f.To):
		return false
	}
	return f.After.IsZero() || newestFirst(Payment{PaidOn: f.After.PaidOn, ID: f.After.ID}, p) < 0
}

// newestFirst orders payments by date, then id, the newest first.
func newestFirst(a, b Payment) int {
	switch {
	case a.PaidOn.After(b.PaidOn):
		return -1
	case a.PaidOn.Before(b.PaidOn):
		return 1
	}
	return cmp.Compare(b.ID, a.ID)
}

// DuesByID returns the dues of rec among ids, by id: the dues the
// payments of a page went to (a due of another position is left out).
func (rec Records) DuesByID(ids []int64) map[int64]Due {
	want := make(map[int64]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	out := make(map[int64]Due, len(ids))
	for _, d := range rec.Dues {
		if want[d.ID] {
			out[d.ID] = d
		}
	}
	return out
}
