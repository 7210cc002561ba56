package web

import (
	"fmt"
	"net/http"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/cases"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

// caseNewData is the form of a new request.
type caseNewData struct {
	Form   caseForm
	Topics []topicView
	Limits cases.Limits
}

// mayWrite reports whether the actor may open and answer requests on the
// position of r (the titolare, or an intermediary with scope full).
func (s *Server) mayWrite(r *http.Request) bool {
	st := stateOf(r)
	return st.position != nil && access.Allow(st.actor, access.SendRequests, st.facts, s.today())
}

// caseNewForm shows the form, pre-filled from its context:
// ?ambito=dilazione&oggetto=… (the notices link here).
func (s *Server) caseNewForm(w http.ResponseWriter, r *http.Request) {
	topics, err := s.caseService().Store.Topics(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	q := r.URL.Query()
	f := caseForm{Subject: q.Get("oggetto")}
	f.Topic, f.Subtopic = matchTopic(topics, q.Get("ambito"))
	if f.Subject == "" && f.Subtopic != "" {
		f.Subject = topicNames(topics, s.catalog.Lang(r))[f.Subtopic]
	}
	s.renderCaseNew(w, r, http.StatusOK, f, topics, nil)
}

func (s *Server) renderCaseNew(w http.ResponseWriter, r *http.Request, status int, f caseForm, topics []cases.Topic, problems map[string]string) {
	f.Uploads = nil
	data := caseNewData{Form: f, Topics: topicViews(topics, s.catalog.Lang(r)), Limits: cases.DefaultLimits}
	s.render(w, r, status, "richieste_nuova", &View{Title: "cases.new.title", Nav: "richieste", Errors: problems, Data: data})
}

// caseCreate opens a request: every field and attachment is checked
// before anything is stored; then it gets its protocol.
func (s *Server) caseCreate(w http.ResponseWriter, r *http.Request) {
	svc := s.caseService()
	f := readCaseForm(w, r, svc.Config.Limits)
	st := stateOf(r)
	topics, err := svc.Store.Topics(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if f.TooBig { // the form was cut: nothing is opened
		s.renderCaseNew(w, r, http.StatusUnprocessableEntity, f, topics, s.caseProblems(r, nil, f, ""))
		return
	}
	c, err := svc.Open(r.Context(), caseAuthor(r), cases.OpenInput{PositionID: st.position.ID,
		PositionOffice: st.position.OfficeCode, Topic: f.Topic, Subtopic: f.Subtopic, Subject: f.Subject,
		Text: f.Text, Uploads: f.Uploads})
	if errs.Is(err, errs.Invalid) {
		s.renderCaseNew(w, r, http.StatusUnprocessableEntity, f, topics, s.caseProblems(r, err, f, ""))
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/posizioni/%s/richieste/%d?esito=inviata", st.position.Number, c.ID), http.StatusSeeOther)
}
