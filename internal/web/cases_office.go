package web

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/audit"
	"github.com/cassetto-dev/cassetto/internal/cases"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/registry"
)

// officeMessageData is the form of a communication of the office to a
// position; Position is zero while the position is still to be chosen.
type officeMessageData struct {
	Number   string
	Position *registry.PositionView
	Form     caseForm
	Topics   []topicView
	Limits   cases.Limits
}

// officePosition loads the position of ?posizione= (or the form's field)
// for staff and writes the read to its access log; ok is false, and 404
// answered, when it does not exist or an operator is not of its office
// (the same answer: a number reveals nothing).
func (s *Server) officePosition(w http.ResponseWriter, r *http.Request, detail string) (registry.PositionView, bool) {
	number := strings.TrimSpace(r.FormValue("posizione"))
	var pos registry.PositionView
	var err error = errs.E(errs.NotFound, "error.not_found")
	if positionNumberRe.MatchString(number) {
		pos, err = s.Registry.PositionByNumber(r.Context(), number)
	}
	if office := officeOf(stateOf(r).actor); errs.Is(err, errs.NotFound) || err == nil && office != "" && pos.OfficeCode != office {
		s.renderError(w, r, http.StatusNotFound, "error.not_found")
		return pos, false
	}
	if err == nil {
		a := stateOf(r).actor
		err = s.Audit.Append(r.Context(), audit.Entry{At: s.Now(), ActorKind: string(a.Kind), ActorID: a.StaffID,
			ActorLabel: a.Label, ActingAs: a.Role, PositionID: pos.ID, Action: "case.office_form", Detail: detail, IP: clientIP(r)})
	}
	if err != nil {
		s.fail(w, r, err)
		return pos, false
	}
	return pos, true
}

// officeMessageForm shows the form of a communication to the position of
// ?posizione=; without one it asks for the position's number.
func (s *Server) officeMessageForm(w http.ResponseWriter, r *http.Request) {
	if strings.TrimSpace(r.URL.Query().Get("posizione")) == "" {
		s.render(w, r, http.StatusOK, "fascicolo_pratica_nuova", &View{Title: "cases.office.title", Data: officeMessageData{}})
		return
	}
	pos, ok := s.officePosition(w, r, "comunicazione: modulo")
	if !ok {
		return
	}
	s.renderOfficeMessage(w, r, http.StatusOK, pos, caseForm{}, nil)
}

func (s *Server) renderOfficeMessage(w http.ResponseWriter, r *http.Request, status int, pos registry.PositionView, f caseForm, problems map[string]string) {
	topics, err := s.caseService().Store.Topics(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f.Uploads = nil
	data := officeMessageData{Number: pos.Number, Position: &pos, Form: f, Topics: topicViews(topics, s.catalog.Lang(r)),
		Limits: cases.DefaultLimits}
	s.render(w, r, status, "fascicolo_pratica_nuova", &View{Title: "cases.office.title", Errors: problems, Data: data})
}

// officeMessageCreate opens the communication (M33): every field and
// attachment is checked before anything is stored; it gets the protocol
// of the position's office and is in charge of its author.
func (s *Server) officeMessageCreate(w http.ResponseWriter, r *http.Request) {
	svc := s.caseService()
	f := readCaseForm(w, r, svc.Config.Limits)
	pos, ok := s.officePosition(w, r, "comunicazione: invio")
	if !ok {
		return
	}
	if f.TooBig {
		s.renderOfficeMessage(w, r, http.StatusUnprocessableEntity, pos, f, s.caseProblems(r, nil, f, ""))
		return
	}
	c, err := svc.Communicate(r.Context(), caseAuthor(r), cases.CommunicationInput{PositionID: pos.ID,
		OfficeCode: pos.OfficeCode, Topic: f.Topic, Subtopic: f.Subtopic, Subject: f.Subject, Text: f.Text, Uploads: f.Uploads})
	if errs.Is(err, errs.Invalid) {
		s.renderOfficeMessage(w, r, http.StatusUnprocessableEntity, pos, f, s.caseProblems(r, err, f, ""))
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/fascicolo/pratiche/%d?esito=comunicazione", c.ID), http.StatusSeeOther)
}
