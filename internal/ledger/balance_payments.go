package ledger

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// PaymentFilter selects the payments of a position for the list of
// payments (M5). The list runs newest first, by payment date then id, and
// pages with a keyset cursor.
type PaymentFilter struct {
	Year    int        // contribution year: the year of the payment's period; 0 for any
	Causale string     // F24 causale; "" for any
	From    civil.Date // paid on or after; zero for no bound
	To      civil.Date // paid on or before; zero for no bound
	After   PaymentCursor
	Limit   int // rows per page, 1–MaxPaymentPage; 0 means DefaultPaymentPage
}

// Page sizes of the list of payments.
const (
	DefaultPaymentPage = 50
	MaxPaymentPage     = 500
)

// PageSize returns the filter's limit with the default applied, or an error
// when it is out of range.
func (f PaymentFilter) PageSize() (int, error) {
	switch {
	case f.Limit == 0:
		return DefaultPaymentPage, nil
	case f.Limit < 0 || f.Limit > MaxPaymentPage:
		return 0, fmt.Errorf("ledger: a page holds 1 to %d payments, not %d", MaxPaymentPage, f.Limit)
	}
	return f.Limit, nil
}

// PaymentCursor is the position in the list after which a page starts: the
// last row of the previous page. The zero cursor is the first page.
type PaymentCursor struct {
	PaidOn civil.Date
	ID     int64
}

// IsZero reports whether c is the first page.
func (c PaymentCursor) IsZero() bool { return c.ID == 0 }

// String encodes c for a URL or a command line: "2025-05-16.123".
func (c PaymentCursor) String() string {
	if c.IsZero() {
		return ""
	}
	return c.PaidOn.String() + "." + strconv.FormatInt(c.ID, 10)
}

// MarshalText encodes c as String does.
func (c PaymentCursor) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// ParsePaymentCursor reads a cursor written by String; "" is the first page.
func ParsePaymentCursor(s string) (PaymentCursor, error) {
	if s == "" {
		return PaymentCursor{}, nil
	}
	date, id, ok := strings.Cut(s, ".")
	d, err := civil.Parse(date)
	n, nerr := strconv.ParseInt(id, 10, 64)
	if !ok || err != nil || nerr != nil || n <= 0 {
		return PaymentCursor{}, fmt.Errorf("ledger: %q is not a page cursor like 2025-05-16.123", s)
	}
	return PaymentCursor{PaidOn: d, ID: n}, nil
}

// PaymentPage is one page of the list of payments.
type PaymentPage struct {
	Rows []PaymentRow  `json:"rows"`
	Next PaymentCursor `json:"next"` // zero ("") on the last page
}

// PaymentRow is a payment with where it went.
type PaymentRow struct {
	Payment     Payment      `json:"-"`
	ID          int64        `json:"id"`
	PaidOn      civil.Date   `json:"paid_on"`
	Causale     string       `json:"causale"`
	CodiceINPS  string       `json:"codice_inps"`
	CodiceSede  string       `json:"codice_sede"`
	Period      string       `json:"period"` // "01/2025-03/2025"
	Debit       money.Cents  `json:"debit"`
	Credit      money.Cents  `json:"credit"`
	Allocated   money.Cents  `json:"allocated"`
	Unallocated money.Cents  `json:"unallocated"` // a credit once reconciled
	Reconciled  bool         `json:"reconciled"`
	Allocations []Allocation `json:"-"`
	Dues        []int64      `json:"dues,omitempty"` // the dues it paid
}

// NewPaymentRow returns p with its allocations summed.
func NewPaymentRow(p Payment, allocs []Allocation) PaymentRow {
	r := PaymentRow{Payment: p, ID: p.ID, PaidOn: p.PaidOn, Causale: p.Causale, CodiceINPS: p.CodiceINPS,
		CodiceSede: p.CodiceSede, Period: p.PeriodFrom.F24() + "-" + p.PeriodTo.F24(), Debit: p.Debit,
		Credit: p.Credit, Reconciled: !p.ReconciledAt.IsZero(), Allocations: allocs}
	for _, a := range allocs {
		r.Allocated += a.Amount
		r.Dues = appendUniqueIDs(r.Dues, a.DueID)
	}
	r.Unallocated = p.Debit - r.Allocated
	return r
}
