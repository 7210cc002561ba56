package api

import (
	"net/http"

	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
)

type noticeList struct {
	Items []notice `json:"items"`
}

type notice struct {
	ID        int64       `json:"id"`
	Kind      string      `json:"kind"`
	Number    string      `json:"number"`
	IssuedOn  string      `json:"issued_on"`
	Deadline  string      `json:"deadline"`
	Capital   money.Cents `json:"capital"`
	Sanctions money.Cents `json:"sanctions"`
	Interest  money.Cents `json:"interest"`
	Total     money.Cents `json:"total"` // capital, sanctions and interest asked
	Owed      money.Cents `json:"owed"`  // still owed now on its dues
	Status    string      `json:"status"`
	Dues      []int64     `json:"dues"`
}

// listNotices lists the notices of the position, newest first, as the
// avvisi page does.
func (a *API) listNotices(w http.ResponseWriter, r *http.Request, c *call) {
	sit, err := a.Ledger.Situation(r.Context(), c.position.ID, ledger.SituationOptions{AsOf: a.today()})
	if err != nil {
		a.fail(w, r, err)
		return
	}
	interest, err := a.Ledger.NoticeInterest(r.Context(), c.position.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := noticeList{Items: []notice{}}
	for _, ns := range ledger.NoticeSummaries(sit) {
		n := notice{ID: ns.ID, Kind: string(ns.Kind), Number: ns.Number, IssuedOn: ns.IssuedOn.String(),
			Deadline: ns.Deadline.String(), Capital: ns.Capital, Sanctions: ns.Sanctions, Interest: interest[ns.ID],
			Owed: ns.Owed, Status: string(ns.Status()), Dues: ns.Dues}
		n.Total = n.Capital + n.Sanctions + n.Interest
		if n.Dues == nil {
			n.Dues = []int64{}
		}
		out.Items = append(out.Items, n)
	}
	a.writeJSON(w, r, out)
}
