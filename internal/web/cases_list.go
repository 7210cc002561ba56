package web

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/cassetto-dev/cassetto/internal/cases"
	"github.com/cassetto-dev/cassetto/internal/civil"
)

const casesPerPage = 20

// casesListData is the contributor's history of requests.
type casesListData struct {
	Form       url.Values
	States     []cases.State
	Sorts      []string
	Cases      []cases.Case
	Topics     map[string]string
	Total      int
	Page, Last int
	PrevURL    string
	NextURL    string
	CanWrite   bool
}

// caseDateFields are the date filters of the history: opening and last update ranges.
var caseDateFields = []string{"aperta_dal", "aperta_al", "aggiornata_dal", "aggiornata_al"}

// parseCaseFilter reads the history's filters; a wrong date is a problem
// beside its field.
func parseCaseFilter(q url.Values) (cases.Filter, map[string]string) {
	f := cases.Filter{Text: q.Get("q"), Sort: q.Get("ordina"), Limit: casesPerPage}
	if st := cases.State(q.Get("stato")); st.Valid() {
		f.State = st
	}
	problems := map[string]string{}
	dates := map[string]*time.Time{"aperta_dal": &f.OpenedFrom, "aperta_al": &f.OpenedTo,
		"aggiornata_dal": &f.UpdatedFrom, "aggiornata_al": &f.UpdatedTo}
	for _, name := range caseDateFields {
		v := q.Get(name)
		if v == "" {
			continue
		}
		d, err := parseCaseDay(v)
		if err != nil {
			problems[name] = "cases.error.date"
			continue
		}
		t := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, civil.Rome)
		if name == "aperta_al" || name == "aggiornata_al" {
			t = t.AddDate(0, 0, 1) // the whole day
		}
		*dates[name] = t
	}
	page, _ := strconv.Atoi(q.Get("pagina"))
	if page > 1 {
		f.Offset = (page - 1) * casesPerPage
	}
	return f, problems
}

func (s *Server) casesPage(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	q := r.URL.Query()
	f, problems := parseCaseFilter(q)
	f.PositionID = st.position.ID
	status := http.StatusOK
	loc := s.catalog.Localizer(s.catalog.Lang(r))
	for k, v := range problems {
		problems[k], status = loc.T(v), http.StatusUnprocessableEntity
	}
	svc := s.caseService()
	data := casesListData{Form: q, States: cases.States, Sorts: cases.Sorts, Page: f.Offset/casesPerPage + 1}
	if status == http.StatusOK {
		list, total, err := svc.Store.List(r.Context(), f)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		data.Cases, data.Total = list, total
	}
	topics, err := s.topicStore().All(r.Context()) // inactive topics still name existing cases
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data.Topics = topicNames(topics, s.catalog.Lang(r))
	data.Last = max(1, (data.Total+casesPerPage-1)/casesPerPage)
	data.PrevURL, data.NextURL = pageURLs(r, data.Page, data.Last)
	data.CanWrite = s.mayWrite(r)
	s.render(w, r, status, "richieste", &View{Title: "cases.list.title", Nav: "richieste", Errors: problems,
		Flash: caseFlash(r), Data: data})
}

// pageURLs are the links to the previous and next pages, "" at the ends.
func pageURLs(r *http.Request, page, last int) (prev, next string) {
	link := func(p int) string {
		q := r.URL.Query()
		q.Set("pagina", strconv.Itoa(p))
		return r.URL.Path + "?" + q.Encode()
	}
	if page > 1 {
		prev = link(page - 1)
	}
	if page < last {
		next = link(page + 1)
	}
	return prev, next
}

// caseFlashes are the outcomes the case pages announce with ?esito=.
var caseFlashes = []string{"inviata", "messaggio", "riaperta", "presa", "risposta", "nota", "chiusa", "trasferita",
	"comunicazione", "attesa", "ripresa"}

func caseFlash(r *http.Request) string {
	if e := r.URL.Query().Get("esito"); contains(caseFlashes, e) {
		return "cases.flash." + e
	}
	return ""
}

// parseCaseDay reads a date as the date input sends it (2025-05-16) or as
// Italians write it (16/05/2025).
func parseCaseDay(v string) (civil.Date, error) {
	if d, err := civil.Parse(v); err == nil {
		return d, nil
	}
	t, err := time.Parse("02/01/2006", v)
	if err != nil {
		return civil.Date{}, err
	}
	return civil.Of(t), nil
}
