package ledger

import (
	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// CreditKind says where a credit comes from.
type CreditKind string

// The credit kinds.
const (
	// CreditPayment is the part of a reconciled payment allocated to no due.
	CreditPayment CreditKind = "payment"
	// CreditOverpaid is what was allocated to a due beyond its amount (for
	// instance after a correction lowered it).
	CreditOverpaid CreditKind = "overpaid"
	// CreditUsed is the importo a credito of an F24 line: credit the
	// contributor used in compensation; it counts negative.
	CreditUsed CreditKind = "used"
	// CreditPending is a payment not reconciled yet: shown, not counted,
	// since reconciliation may still allocate it.
	CreditPending CreditKind = "pending"
)

// Counted reports whether credits of kind k count in the position's credit.
func (k CreditKind) Counted() bool { return k != CreditPending }

// Credit is one credit of the position, traceable to its payment (or to
// the due overpaid and the allocations behind it).
type Credit struct {
	Kind      CreditKind  `json:"kind"`
	PaymentID int64       `json:"payment_id,omitempty"`
	DueID     int64       `json:"due_id,omitempty"`
	PaidOn    civil.Date  `json:"paid_on,omitempty"`
	Causale   string      `json:"causale,omitempty"`
	Amount    money.Cents `json:"amount"`
	Trace     Trace       `json:"trace"`
}

// situationCredits lists the credits of the position: the unallocated remainder of
// each payment (whatever year the situation is filtered on: a credit
// offsets any debt), the importo a credito used on F24 lines, and the
// allocations beyond the amount of the items of years.
func situationCredits(rec Records, years []YearBalance) []Credit {
	allocated := make(map[int64]money.Cents, len(rec.Payments))
	allocIDs := make(map[int64][]int64, len(rec.Payments))
	for _, a := range rec.Allocations {
		allocated[a.PaymentID] += a.Amount
		allocIDs[a.PaymentID] = append(allocIDs[a.PaymentID], a.ID)
	}
	out := []Credit{}
	for _, p := range rec.Payments {
		c := Credit{Kind: CreditPayment, PaymentID: p.ID, PaidOn: p.PaidOn, Causale: p.Causale,
			Amount: p.Debit - allocated[p.ID], Trace: Trace{Payments: []int64{p.ID}, Allocations: allocIDs[p.ID]}}
		if p.ReconciledAt.IsZero() {
			c.Kind = CreditPending
		}
		if c.Amount != 0 {
			out = append(out, c)
		}
		if p.Credit != 0 {
			out = append(out, Credit{Kind: CreditUsed, PaymentID: p.ID, PaidOn: p.PaidOn, Causale: p.Causale,
				Amount: -p.Credit, Trace: Trace{Payments: []int64{p.ID}}})
		}
	}
	for _, y := range years {
		for _, it := range y.Items {
			if it.Overpaid > 0 {
				out = append(out, Credit{Kind: CreditOverpaid, DueID: it.Due.ID, Causale: it.Due.Causale,
					Amount: it.Overpaid, Trace: it.Trace})
			}
		}
	}
	return out
}
