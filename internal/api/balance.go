package api

import (
	"net/http"

	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// balance is the situazione debitoria/creditoria: the same figures as the
// situazione page (ledger.NewSituation as of today).
type balance struct {
	Position   string        `json:"position"`
	AsOf       string        `json:"as_of"`
	Debt       money.Cents   `json:"debt"`
	Overdue    money.Cents   `json:"overdue"`
	Prescribed money.Cents   `json:"prescribed"`
	Credit     money.Cents   `json:"credit"`
	Balance    money.Cents   `json:"balance"`
	Years      []balanceYear `json:"years"`
}

type balanceYear struct {
	Year       int           `json:"year"`
	Amount     money.Cents   `json:"amount"`
	Paid       money.Cents   `json:"paid"`
	Debt       money.Cents   `json:"debt"`
	Overdue    money.Cents   `json:"overdue"`
	Prescribed money.Cents   `json:"prescribed"`
	Overpaid   money.Cents   `json:"overpaid"`
	Items      []balanceItem `json:"items"`
}

type balanceItem struct {
	DueID      int64       `json:"due_id"`
	Kind       string      `json:"kind"`
	Causale    string      `json:"causale"`
	CodiceINPS string      `json:"codice_inps"`
	DueDate    string      `json:"due_date"`
	Capital    money.Cents `json:"capital"`
	Sanctions  money.Cents `json:"sanctions"`
	Amount     money.Cents `json:"amount"`
	Paid       money.Cents `json:"paid"`
	Residual   money.Cents `json:"residual"`
	Status     string      `json:"status"`
	OpenDues   []int64     `json:"open_dues"`
}

func (a *API) getBalance(w http.ResponseWriter, r *http.Request, c *call) {
	p := newParams(r)
	year := p.year()
	if !p.ok(a, w, r) {
		return
	}
	sit, err := a.Ledger.Situation(r.Context(), c.position.ID, ledger.SituationOptions{AsOf: a.today(), Year: year})
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := balance{Position: c.position.Number, AsOf: sit.AsOf.String(), Debt: sit.Debt, Overdue: sit.Overdue,
		Prescribed: sit.Prescribed, Credit: sit.Credit, Balance: sit.Balance, Years: []balanceYear{}}
	for _, y := range sit.Years {
		by := balanceYear{Year: y.Year, Amount: y.Amount, Paid: y.Paid, Debt: y.Debt, Overdue: y.Overdue,
			Prescribed: y.Prescribed, Overpaid: y.Overpaid, Items: []balanceItem{}}
		for _, it := range y.Items {
			by.Items = append(by.Items, itemOf(it))
		}
		out.Years = append(out.Years, by)
	}
	a.writeJSON(w, r, out)
}

func itemOf(it ledger.Item) balanceItem {
	return balanceItem{DueID: it.Due.ID, Kind: string(it.Due.Kind), Causale: it.Due.Causale, CodiceINPS: it.Due.Codeline,
		DueDate: it.Due.DueDate.String(), Capital: it.Capital, Sanctions: it.Sanction, Amount: it.Amount, Paid: it.Paid,
		Residual: it.Residual, Status: it.Status(), OpenDues: openDues(it)}
}

// openDues returns the ids of an item's lines still owed: the due while
// capital is owed, and each sanction not paid in full (what the F24
// pays).
func openDues(it ledger.Item) []int64 {
	out := []int64{}
	if it.CapitalResidual() > 0 {
		out = append(out, it.Due.ID)
	}
	for _, l := range it.Sanctions {
		if l.Amount > l.Paid {
			out = append(out, l.ID)
		}
	}
	return out
}
