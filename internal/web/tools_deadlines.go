package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/deadlines"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// deadlinesData is the scadenze page of a position.
type deadlinesData struct {
	Rows    []deadlineRow
	Total   money.Cents
	Overdue money.Cents // owed after its due date: the situazione shows it
	CanFeed bool        // the actor is a citizen who may have a calendar feed
}

// deadlineRow is one deadline with its wording and links.
type deadlineRow struct {
	deadlines.Deadline
	Label     string
	F24URL    string
	CodeURL   string // the codice INPS page for another amount (dues only)
	NoticeURL string // the notice's page (notices only)
}

func (s *Server) deadlinesPage(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	list, overdue, err := s.upcomingOf(r.Context(), []int64{st.position.ID}, s.today())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	loc := s.localizer(r)
	data := deadlinesData{Total: deadlines.Total(list), Overdue: overdue, CanFeed: st.actor.Kind == access.Citizen}
	for _, d := range list {
		data.Rows = append(data.Rows, newDeadlineRow(loc, d))
	}
	s.render(w, r, http.StatusOK, "scadenze", &View{Title: "tools.dl.title", Nav: "scadenze", Data: data})
}

// upcomingOf returns the deadlines of positions from day on, by date, and
// their overdue debt, from one bounded set of queries.
func (s *Server) upcomingOf(ctx context.Context, positionIDs []int64, day civil.Date) ([]deadlines.Deadline, money.Cents, error) {
	recs, err := s.Ledger.DeadlineRecords(ctx, positionIDs)
	if err != nil {
		return nil, 0, err
	}
	var out []deadlines.Deadline
	var overdue money.Cents
	for _, rec := range recs {
		sit := ledger.NewSituation(rec, ledger.SituationOptions{AsOf: day})
		out = append(out, deadlines.Upcoming(sit, rec.Persons, day)...)
		overdue += sit.Overdue
	}
	deadlines.Sort(out)
	return out, overdue, nil
}

func newDeadlineRow(loc *Localizer, d deadlines.Deadline) deadlineRow {
	base := "/posizioni/" + d.PositionNumber
	row := deadlineRow{Deadline: d, F24URL: base + "/f24.pdf?" + duesQuery(d.Dues)}
	if d.IsNotice() {
		row.Label = noticeLabel(loc, d.NoticeKind, d.NoticeNumber)
		row.NoticeURL = base + "/avvisi/" + strconv.FormatInt(d.NoticeID, 10)
		return row
	}
	row.Label = dueLabel(loc, d.Kind, d.Year)
	row.CodeURL = base + "/codice-inps?due=" + strconv.FormatInt(d.DueID, 10)
	return row
}

// duesQuery returns "due=1&due=2" for ids.
func duesQuery(ids []int64) string {
	q := url.Values{}
	for _, id := range ids {
		q.Add("due", strconv.FormatInt(id, 10))
	}
	return q.Encode()
}
