package web

import (
	"errors"
	"io"
	"net/http"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/delegation"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// paperData is the office's page: the form to register a delegation
// received on paper and the newest ones registered at the office.
type paperData struct {
	Position string
	Form     delegation.PaperInput
	Scopes   []string
	Today    civil.Date
	Recent   []delegationRow
}

func (s *Server) paperPage(w http.ResponseWriter, r *http.Request) {
	s.renderPaper(w, r, http.StatusOK, paperData{Form: delegation.PaperInput{
		GrantInput: delegation.GrantInput{Scope: delegation.ScopeConsultation}}}, nil)
}

func (s *Server) renderPaper(w http.ResponseWriter, r *http.Request, status int, data paperData, problems map[string]string) {
	recent, err := store.NewDelegations(s.DB).PaperOfOffice(r.Context(), officeOf(stateOf(r).actor), 20)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data.Recent, data.Scopes, data.Today = rows(recent, s.today()), delegation.Scopes, s.today()
	data.Form.DocData = nil
	s.render(w, r, status, "fascicolo_deleghe_cartacea", &View{Title: "delegations.paper.title",
		Flash: delegationFlash(r), Errors: problems, Data: data})
}

// paperRegister registers a paper delegation: every field is checked
// (the position must be of the operator's office) before anything is
// stored; then the scan goes to the blob store and the delegation is
// active at once.
func (s *Server) paperRegister(w http.ResponseWriter, r *http.Request) {
	in, number, tooBig := readPaperForm(w, r)
	data := paperData{Position: number, Form: in}
	pos, posOK, err := s.paperPosition(r, number)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	svc := s.delegations()
	if !posOK || tooBig {
		problems, err := s.paperProblems(r, svc, pos, in, posOK, tooBig)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		s.renderPaper(w, r, http.StatusUnprocessableEntity, data, problems)
		return
	}
	_, err = svc.RegisterPaper(r.Context(), who(r), pos, in)
	if errs.Is(err, errs.Invalid) {
		s.renderPaper(w, r, http.StatusUnprocessableEntity, data, s.fieldErrors(r, err))
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/fascicolo/deleghe/cartacea?esito=registrata", http.StatusSeeOther)
}

// paperProblems collects every problem of a form whose position or
// document is wrong before the lifecycle's own checks.
func (s *Server) paperProblems(r *http.Request, svc *delegation.Service, pos delegation.Position, in delegation.PaperInput,
	posOK, tooBig bool) (map[string]string, error) {
	problems := map[string]string{}
	if err := svc.CheckPaper(r.Context(), pos, in); errs.Is(err, errs.Invalid) {
		problems = s.fieldErrors(r, err)
	} else if err != nil {
		return nil, err
	}
	loc := s.catalog.Localizer(s.catalog.Lang(r))
	if !posOK {
		problems["position"] = loc.T(delegation.MsgPositionUnknown)
	}
	if tooBig {
		problems["document"] = loc.T(delegation.MsgDocSize)
	}
	return problems, nil
}

// paperPosition finds the position of the form; ok is false when it does
// not exist or is not of the operator's office (the same answer, so a
// number reveals nothing).
func (s *Server) paperPosition(r *http.Request, number string) (delegation.Position, bool, error) {
	if !positionNumberRe.MatchString(number) {
		return delegation.Position{}, false, nil
	}
	pos, err := s.Registry.PositionByNumber(r.Context(), number)
	if errs.Is(err, errs.NotFound) {
		return delegation.Position{}, false, nil
	}
	if err != nil {
		return delegation.Position{}, false, err
	}
	facts := access.Facts{PositionID: pos.ID, TitolareID: pos.TitolareID, OfficeCode: pos.OfficeCode}
	if !access.Allow(stateOf(r).actor, access.ViewPosition, facts, s.today()) {
		return delegation.Position{}, false, nil
	}
	return delegation.Position{ID: pos.ID, Number: pos.Number, TitolareID: pos.TitolareID}, true, nil
}

// readPaperForm reads the multipart form; tooBig is true when the upload
// exceeds the limit. A request that is not multipart reads as empty.
func readPaperForm(w http.ResponseWriter, r *http.Request) (in delegation.PaperInput, number string, tooBig bool) {
	r.Body = http.MaxBytesReader(w, r.Body, delegation.MaxDocumentSize+64<<10)
	err := r.ParseMultipartForm(1 << 20)
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return in, "", true
	}
	if err != nil && !errors.Is(err, http.ErrNotMultipart) {
		_ = r.ParseForm()
	}
	in.CF, in.Scope, in.ValidFrom, in.ValidTo, in.Note = r.FormValue("cf"), r.FormValue("scope"),
		r.FormValue("valid_from"), r.FormValue("valid_to"), r.FormValue("note")
	number = r.FormValue("position")
	f, hdr, err := r.FormFile("document")
	if err != nil {
		return in, number, false
	}
	defer f.Close()
	in.DocName = hdr.Filename
	in.DocData, err = io.ReadAll(io.LimitReader(f, delegation.MaxDocumentSize+1))
	if err != nil {
		in.DocData = nil
	}
	return in, number, false
}
