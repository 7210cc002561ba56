package api

import (
	"net/http"

	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// dueList is the quote contributive dovute (every year, or one).
type dueList struct {
	Position string      `json:"position"`
	Year     *int        `json:"year"`
	Amount   money.Cents `json:"amount"`
	Paid     money.Cents `json:"paid"`
	Residual money.Cents `json:"residual"`
	Items    []due       `json:"items"`
}

type due struct {
	ID         int64       `json:"id"`
	Year       int         `json:"year"`
	Kind       string      `json:"kind"`
	Causale    string      `json:"causale"`
	CodiceINPS string      `json:"codice_inps"`
	PeriodFrom string      `json:"period_from"`
	PeriodTo   string      `json:"period_to"`
	DueDate    string      `json:"due_date"`
	Amount     money.Cents `json:"amount"`
	Paid       money.Cents `json:"paid"`
	Residual   money.Cents `json:"residual"`
	Overdue    bool        `json:"overdue"`
}

func (a *API) listDues(w http.ResponseWriter, r *http.Request, c *call) {
	p := newParams(r)
	year := p.year()
	if !p.ok(a, w, r) {
		return
	}
	q, err := a.Ledger.QuoteDovute(r.Context(), c.position.ID, year, ledger.SituationOptions{AsOf: a.today()})
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := dueList{Position: c.position.Number, Amount: q.Amount, Paid: q.Paid, Residual: q.Residual, Items: []due{}}
	if year != 0 {
		out.Year = &year
	}
	for _, rt := range q.Rates {
		out.Items = append(out.Items, due{ID: rt.DueID, Year: rt.PeriodFrom.Year, Kind: string(rt.Kind), Causale: rt.Causale,
			CodiceINPS: rt.CodiceINPS, PeriodFrom: rt.PeriodFrom.String(), PeriodTo: rt.PeriodTo.String(),
			DueDate: rt.DueDate.String(), Amount: rt.Amount, Paid: rt.Paid, Residual: rt.Residual, Overdue: rt.Overdue})
	}
	a.writeJSON(w, r, out)
}
