package web

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/cassetto-dev/cassetto/internal/cases"
	"github.com/cassetto-dev/cassetto/internal/staff"
)

// queueData is the office's queue of cases.
type queueData struct {
	Form       url.Values
	States     []cases.State
	Topics     []topicView
	TopicNames map[string]string
	Colleagues []staff.Member
	Ages       []int
	Cases      []cases.Case
	Total      int
	Page, Last int
	PrevURL    string
	NextURL    string
	Now        time.Time
	Office     string // "" for administrators: every office
	Sorts      []string
}

// queueAges are the age filters, in days since opening.
var queueAges = []int{3, 7, 15, 30}

// queueFilter reads the queue's filters: state (attesa among them),
// topic, age, assignee ("me", "none" or a colleague's id) and the sort (by
// opening, by the service-level clock, by the last reply); the office is
// the operator's own.
func queueFilter(q url.Values, me int64, office string, now time.Time) cases.Filter {
	f := cases.Filter{OfficeCode: office, Topic: q.Get("ambito"), Sort: q.Get("ordina"), Limit: casesPerPage, Now: now}
	if !contains(cases.QueueSorts, f.Sort) {
		f.Sort = "opened"
	}
	if st := cases.State(q.Get("stato")); st.Valid() {
		f.State = st
	}
	if days, err := strconv.Atoi(q.Get("eta")); err == nil && contains(intStrings(queueAges), q.Get("eta")) {
		f.OpenedBefore = now.AddDate(0, 0, -days)
	}
	switch a := q.Get("assegnatario"); a {
	case "":
	case "me":
		f.AssigneeID = me
	case "nessuno":
		f.AssigneeID = -1
	default:
		f.AssigneeID, _ = strconv.ParseInt(a, 10, 64)
	}
	if page, _ := strconv.Atoi(q.Get("pagina")); page > 1 {
		f.Offset = (page - 1) * casesPerPage
	}
	return f
}

func intStrings(xs []int) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strconv.Itoa(x)
	}
	return out
}

func (s *Server) queuePage(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	office := officeOf(st.actor)
	q := r.URL.Query()
	f := queueFilter(q, st.actor.StaffID, office, s.Now())
	svc := s.caseService()
	list, total, err := svc.Store.List(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	topics, err := s.topicStore().All(r.Context()) // inactive topics still name existing cases
	if err != nil {
		s.fail(w, r, err)
		return
	}
	colleagues, err := s.StaffDir.List(r.Context(), office)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	lang := s.catalog.Lang(r)
	data := queueData{Form: q, States: cases.States, Topics: topicViews(topics, lang), TopicNames: topicNames(topics, lang),
		Colleagues: colleagues, Ages: queueAges, Cases: list, Total: total, Page: f.Offset/casesPerPage + 1,
		Now: s.Now(), Office: office, Sorts: cases.QueueSorts}
	data.Last = max(1, (total+casesPerPage-1)/casesPerPage)
	data.PrevURL, data.NextURL = pageURLs(r, data.Page, data.Last)
	s.render(w, r, http.StatusOK, "fascicolo_pratiche", &View{Title: "cases.queue.title", Flash: caseFlash(r), Data: data})
}

// ClockDays is the service-level clock of c in calendar days.
func (d queueData) ClockDays(c cases.Case) int { return c.ClockDays(d.Now) }

// DaysSinceReply is the number of calendar days since c's last message of either side.
func (d queueData) DaysSinceReply(c cases.Case) int { return c.DaysSinceReply(d.Now) }
