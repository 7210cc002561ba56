package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/audit"
	"github.com/cassetto-dev/cassetto/internal/cases"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/staff"
)

// staffCaseData is what the office sees beside the thread: the position's
// dossier, its earlier cases, and what the forms offer.
type staffCaseData struct {
	Position   registry.PositionView
	Earlier    []cases.Case
	Colleagues []staff.Member
	Offices    []registry.Office
	Esiti      []string
	Me         int64
}

// staffCase loads the case of the URL for staff: an operator only sees
// the cases of his office (404 otherwise), administrators all.
func (s *Server) staffCase(w http.ResponseWriter, r *http.Request) (cases.Case, bool) {
	id, ok := pathID(r, "id")
	if !ok {
		s.renderError(w, r, http.StatusNotFound, "error.not_found")
		return cases.Case{}, false
	}
	c, err := s.caseService().Store.Get(r.Context(), id)
	if office := officeOf(stateOf(r).actor); errs.Is(err, errs.NotFound) || err == nil && office != "" && c.OfficeCode != office {
		s.renderError(w, r, http.StatusNotFound, "error.not_found")
		return c, false
	}
	if err != nil {
		s.fail(w, r, err)
		return c, false
	}
	return c, true
}

// auditCaseRead writes the staff read of a case to the access log of its
// position; no read without its record.
func (s *Server) auditCaseRead(r *http.Request, c cases.Case, detail string) error {
	a := stateOf(r).actor
	return s.Audit.Append(r.Context(), audit.Entry{At: s.Now(), ActorKind: string(a.Kind), ActorID: a.StaffID,
		ActorLabel: a.Label, ActingAs: a.Role, PositionID: c.PositionID, Action: "case.view",
		Detail: "pratica " + c.Protocol + ": " + detail, IP: clientIP(r)})
}

func (s *Server) staffCasePage(w http.ResponseWriter, r *http.Request) {
	c, ok := s.staffCase(w, r)
	if !ok {
		return
	}
	s.renderStaffCase(w, r, http.StatusOK, c, caseForm{}, nil)
}

func (s *Server) renderStaffCase(w http.ResponseWriter, r *http.Request, status int, c cases.Case, f caseForm, problems map[string]string) {
	if err := s.auditCaseRead(r, c, "lettura"); err != nil {
		s.fail(w, r, err)
		return
	}
	data, err := s.loadCaseData(r, c, true)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	sd, err := s.staffDossier(r, c)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f.Uploads = nil
	data.Form, data.Staff = f, &sd
	data.Base = fmt.Sprintf("/fascicolo/pratiche/%d", c.ID)
	s.render(w, r, status, "fascicolo_pratica", &View{Title: "cases.case.title", Errors: problems, Flash: caseFlash(r), Data: data})
}

func (s *Server) staffDossier(r *http.Request, c cases.Case) (staffCaseData, error) {
	ctx := r.Context()
	sd := staffCaseData{Esiti: cases.Esiti, Me: stateOf(r).actor.StaffID}
	var err error
	if sd.Position, err = s.Registry.Position(ctx, c.PositionID); err != nil {
		return sd, err
	}
	earlier, _, err := s.caseService().Store.List(ctx, cases.Filter{PositionID: c.PositionID, Sort: "-opened", Limit: 10})
	if err != nil {
		return sd, err
	}
	for _, e := range earlier {
		if e.ID != c.ID {
			sd.Earlier = append(sd.Earlier, e)
		}
	}
	if sd.Colleagues, err = s.StaffDir.List(ctx, c.OfficeCode); err != nil {
		return sd, err
	}
	sd.Offices, err = s.Registry.Offices(ctx)
	return sd, err
}

// staffAction is one of the office's changes of a case.
type staffAction int

// The office's changes.
const (
	actTake staffAction = iota
	actReply
	actNote
	actClose
	actTransfer
	actWait
	actResume
)

// staffForms name each action's form on the page: its inputs' ids start with it.
var staffForms = map[staffAction]string{actTake: "presa", actReply: "risposta", actNote: "nota", actClose: "chiusura",
	actTransfer: "trasferimento", actWait: "attesa", actResume: "ripresa"}

var staffFlashes = map[staffAction]string{actTake: "presa", actReply: "risposta", actNote: "nota", actClose: "chiusa",
	actTransfer: "trasferita", actWait: "attesa", actResume: "ripresa"}

// staffAct handles a change by the office: every field is checked before
// anything is stored; a wrong one is shown beside its field (422), with
// what the operator typed back in the form that sent it.
func (s *Server) staffAct(act staffAction) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c, ok := s.staffCase(w, r)
		if !ok {
			return
		}
		svc := s.caseService()
		f := readCaseForm(w, r, svc.Config.Limits)
		f.Act = staffForms[act]
		if f.TooBig {
			s.renderStaffCase(w, r, http.StatusUnprocessableEntity, c, f, s.caseProblems(r, nil, f, staffForms[act]+"-"))
			return
		}
		err := s.doStaffAct(r, svc, act, c, f)
		if errs.Is(err, errs.Invalid) {
			s.renderStaffCase(w, r, http.StatusUnprocessableEntity, c, f, s.caseProblems(r, err, f, staffForms[act]+"-"))
			return
		}
		if err != nil {
			s.fail(w, r, err)
			return
		}
		target := fmt.Sprintf("/fascicolo/pratiche/%d?esito=%s", c.ID, staffFlashes[act])
		if office := officeOf(stateOf(r).actor); act == actTransfer && office != "" && office != f.Office {
			target = "/fascicolo/pratiche?esito=trasferita" // no longer his office's case
		}
		http.Redirect(w, r, target, http.StatusSeeOther)
	}
}

func (s *Server) doStaffAct(r *http.Request, svc *cases.Service, act staffAction, c cases.Case, f caseForm) error {
	ctx, who := r.Context(), caseAuthor(r)
	post := cases.Post{Text: f.Text, Uploads: f.Uploads}
	switch act {
	case actTake:
		id, err := s.assignee(r, c, f.Assignee)
		if err != nil {
			return err
		}
		return svc.Take(ctx, who, c, id, f.Text)
	case actReply:
		return svc.StaffReply(ctx, who, c, post)
	case actNote:
		return svc.AddNote(ctx, who, c, post)
	case actClose:
		return svc.Close(ctx, who, c, f.Esito, post)
	case actWait:
		return svc.Wait(ctx, who, c, f.Text)
	case actResume:
		return svc.Resume(ctx, who, c, f.Text)
	}
	offices, err := s.Registry.Offices(ctx)
	if err != nil {
		return err
	}
	codes := make([]string, len(offices))
	for i, o := range offices {
		codes[i] = o.Code
	}
	return svc.Transfer(ctx, who, c, f.Office, f.Text, codes)
}

// assignee is the staff member a case is put in charge of: the actor
// ("" or "me") or an active colleague of the case's office.
func (s *Server) assignee(r *http.Request, c cases.Case, v string) (int64, error) {
	me := stateOf(r).actor.StaffID
	if v == "" || v == "me" {
		return me, nil
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, invalidField("assegnatario", cases.MsgAssignee)
	}
	m, err := s.StaffDir.ByID(r.Context(), id)
	if errs.Is(err, errs.NotFound) || err == nil && (!m.Active || m.Role == access.RoleOperator && m.OfficeCode != c.OfficeCode) {
		return 0, invalidField("assegnatario", cases.MsgAssignee)
	}
	return id, err
}

func invalidField(field, msg string) error {
	v := &errs.Validation{}
	v.Add(field, msg)
	return v.Err()
}

// staffCaseAttachment sends an attachment of a case of the operator's
// office (notes' too), writing the access log first.
func (s *Server) staffCaseAttachment(w http.ResponseWriter, r *http.Request) {
	c, ok := s.staffCase(w, r)
	if !ok {
		return
	}
	if err := s.auditCaseRead(r, c, "allegato "+r.PathValue("att")); err != nil {
		s.fail(w, r, err)
		return
	}
	s.sendAttachment(w, r, c, true)
}
