package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/cassetto-dev/cassetto/internal/cases"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

// caseData is a case with its thread, for the contributor or the office.
type caseData struct {
	Case        cases.Case
	Thread      []cases.Message
	Topics      map[string]string
	Form        caseForm
	CanWrite    bool      // contributor: may answer or reopen
	CanReopen   bool      // contributor: closed and within the window
	ReopenUntil time.Time // contributor: the last moment to reopen
	Base        string    // the URL of the case, for forms and attachments
	Staff       *staffCaseData
	Now         time.Time // for the service-level clock
}

// FormText is the text typed in the staff form act, shown again after a
// refusal; "" for every other form of the page.
func (d caseData) FormText(act string) string {
	if d.Form.Act != act {
		return ""
	}
	return d.Form.Text
}

// Chosen reports whether the staff form act sent value for a select.
func (d caseData) Chosen(act, sent, value string) bool { return d.Form.Act == act && sent == value }

// ClockDays is the case's service-level clock in calendar days.
func (d caseData) ClockDays() int { return d.Case.ClockDays(d.Now) }

// DaysSinceReply is the number of calendar days since the last message of either side.
func (d caseData) DaysSinceReply() int { return d.Case.DaysSinceReply(d.Now) }

// loadCaseData reads the thread (with internal notes only for staff) and the topic names.
func (s *Server) loadCaseData(r *http.Request, c cases.Case, withNotes bool) (caseData, error) {
	svc := s.caseService()
	thread, err := svc.Store.Thread(r.Context(), c.ID, withNotes)
	if err != nil {
		return caseData{}, err
	}
	topics, err := s.topicStore().All(r.Context()) // inactive topics still name existing cases
	if err != nil {
		return caseData{}, err
	}
	return caseData{Case: c, Thread: thread, Topics: topicNames(topics, s.catalog.Lang(r)),
		CanReopen: svc.CanReopen(c), ReopenUntil: svc.ReopenUntil(c), Now: s.Now()}, nil
}

func (s *Server) casePage(w http.ResponseWriter, r *http.Request) {
	c, ok := s.caseOfPosition(w, r)
	if !ok {
		return
	}
	s.renderCase(w, r, http.StatusOK, c, caseForm{}, nil)
}

func (s *Server) renderCase(w http.ResponseWriter, r *http.Request, status int, c cases.Case, f caseForm, problems map[string]string) {
	data, err := s.loadCaseData(r, c, false)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f.Uploads = nil
	data.Form, data.CanWrite = f, s.mayWrite(r)
	data.Base = fmt.Sprintf("/posizioni/%s/richieste/%d", stateOf(r).position.Number, c.ID)
	s.render(w, r, status, "richiesta", &View{Title: "cases.case.title", Nav: "richieste", Errors: problems,
		Flash: caseFlash(r), Data: data})
}

// caseReply adds the requester's message to an open case.
func (s *Server) caseReply(w http.ResponseWriter, r *http.Request) {
	s.requesterAct(w, r, "messaggio", (*cases.Service).Reply)
}

// caseReopen reopens a closed case with a new message, within the window.
func (s *Server) caseReopen(w http.ResponseWriter, r *http.Request) {
	s.requesterAct(w, r, "riaperta", (*cases.Service).Reopen)
}

func (s *Server) requesterAct(w http.ResponseWriter, r *http.Request, flash string,
	act func(*cases.Service, context.Context, cases.Author, cases.Case, cases.Post) error) {
	c, ok := s.caseOfPosition(w, r)
	if !ok {
		return
	}
	svc := s.caseService()
	f := readCaseForm(w, r, svc.Config.Limits)
	if f.TooBig {
		s.renderCase(w, r, http.StatusUnprocessableEntity, c, f, s.caseProblems(r, nil, f, ""))
		return
	}
	err := act(svc, r.Context(), caseAuthor(r), c, cases.Post{Text: f.Text, Uploads: f.Uploads})
	if errs.Is(err, errs.Invalid) {
		s.renderCase(w, r, http.StatusUnprocessableEntity, c, f, s.caseProblems(r, err, f, ""))
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/posizioni/%s/richieste/%d?esito=%s", stateOf(r).position.Number, c.ID, flash),
		http.StatusSeeOther)
}

// caseAttachment sends an attachment of the thread (never one of an internal note).
func (s *Server) caseAttachment(w http.ResponseWriter, r *http.Request) {
	c, ok := s.caseOfPosition(w, r)
	if !ok {
		return
	}
	s.sendAttachment(w, r, c, false)
}

// Lines splits a text at its line breaks, so the page keeps them while
// the template escapes every line.
func (caseData) Lines(s string) []string {
	return strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
}

// KB is a size in kilobytes, at least 1.
func (caseData) KB(n int64) int64 { return max(1, (n+1023)/1024) }
