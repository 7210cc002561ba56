package api

import (
	"net/http"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
)

type paymentList struct {
	Items []payment `json:"items"`
	Next  *string   `json:"next"`
}

type payment struct {
	ID          int64       `json:"id"`
	PaidOn      string      `json:"paid_on"`
	Causale     string      `json:"causale"`
	CodiceINPS  string      `json:"codice_inps"`
	CodiceSede  string      `json:"codice_sede"`
	Period      string      `json:"period"`
	Debit       money.Cents `json:"debit"`
	Credit      money.Cents `json:"credit"`
	Allocated   money.Cents `json:"allocated"`
	Unallocated money.Cents `json:"unallocated"`
	Reconciled  bool        `json:"reconciled"`
	Dues        []int64     `json:"dues"`
}

// paymentFilter reads ?anno=, ?dal=, ?al=, ?limit= and ?cursor=.
func paymentFilter(p *params) ledger.PaymentFilter {
	f := ledger.PaymentFilter{Year: p.year(), Limit: p.limit()}
	f.From, f.To = p.date("dal"), p.date("al")
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		p.bad("al", "not before dal")
	}
	if s := p.cursor(); s != "" {
		c, err := ledger.ParsePaymentCursor(s)
		if err != nil {
			p.bad("cursor", "not a cursor of this API: use the next link of the previous page")
		}
		f.After = c
	}
	return f
}

// date reads an ISO date parameter (zero when absent).
func (p *params) date(name string) civil.Date {
	s := p.q.Get(name)
	if s == "" {
		return civil.Date{}
	}
	d, err := civil.Parse(s)
	if err != nil {
		p.bad(name, "a date like 2025-05-16")
	}
	return d
}

func (a *API) listPayments(w http.ResponseWriter, r *http.Request, c *call) {
	p := newParams(r)
	f := paymentFilter(p)
	if !p.ok(a, w, r) {
		return
	}
	page, err := a.Ledger.Payments(r.Context(), c.position.ID, f)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := paymentList{Items: []payment{}, Next: nextLink(r, page.Next.String())}
	for _, row := range page.Rows {
		dues := row.Dues
		if dues == nil {
			dues = []int64{}
		}
		out.Items = append(out.Items, payment{ID: row.ID, PaidOn: row.PaidOn.String(), Causale: row.Causale,
			CodiceINPS: row.CodiceINPS, CodiceSede: row.CodiceSede, Period: row.Period, Debit: row.Debit, Credit: row.Credit,
			Allocated: row.Allocated, Unallocated: row.Unallocated, Reconciled: row.Reconciled, Dues: dues})
	}
	a.writeJSON(w, r, out)
}
