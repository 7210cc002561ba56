package api

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/cassetto-dev/cassetto/internal/deadlines"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
)

type deadlineList struct {
	Total   money.Cents `json:"total"`
	Overdue money.Cents `json:"overdue"` // owed after its due date: the balance shows it
	Items   []deadline  `json:"items"`
}

type deadline struct {
	Date         string      `json:"date"`
	Amount       money.Cents `json:"amount"`
	Dues         []int64     `json:"dues"`
	Kind         string      `json:"kind"`
	Year         int         `json:"year,omitempty"`
	Person       string      `json:"person,omitempty"`
	CodiceINPS   string      `json:"codice_inps,omitempty"`
	NoticeID     int64       `json:"notice_id,omitempty"`
	NoticeNumber string      `json:"notice_number,omitempty"`
	F24          string      `json:"f24"`
}

// listDeadlines lists what the position still owes from today on, by
// date, as the scadenze page does.
func (a *API) listDeadlines(w http.ResponseWriter, r *http.Request, c *call) {
	recs, err := a.Ledger.DeadlineRecords(r.Context(), []int64{c.position.ID})
	if err != nil {
		a.fail(w, r, err)
		return
	}
	day := a.today()
	var list []deadlines.Deadline
	out := deadlineList{Items: []deadline{}}
	for _, rec := range recs {
		sit := ledger.NewSituation(rec, ledger.SituationOptions{AsOf: day})
		list = append(list, deadlines.Upcoming(sit, rec.Persons, day)...)
		out.Overdue += sit.Overdue
	}
	deadlines.Sort(list)
	out.Total = deadlines.Total(list)
	for _, d := range list {
		out.Items = append(out.Items, deadlineOf(d))
	}
	a.writeJSON(w, r, out)
}

func deadlineOf(d deadlines.Deadline) deadline {
	o := deadline{Date: d.Date.String(), Amount: d.Amount, Dues: d.Dues, F24: f24Link(d.PositionNumber, d.Dues)}
	if o.Dues == nil {
		o.Dues = []int64{}
	}
	if d.IsNotice() {
		o.Kind, o.NoticeID, o.NoticeNumber = string(d.NoticeKind), d.NoticeID, d.NoticeNumber
		return o
	}
	o.Kind, o.Year, o.Person, o.CodiceINPS = string(d.Kind), d.Year, d.PersonName, d.Codeline
	return o
}

// f24Link is the API's link to the F24 paying dues.
func f24Link(number string, dues []int64) string {
	q := url.Values{}
	for _, id := range dues {
		q.Add("due", strconv.FormatInt(id, 10))
	}
	return Prefix + "/positions/" + number + "/f24?" + q.Encode()
}
