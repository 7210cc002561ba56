package web

import (
	"net/http"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/delegation"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

// titolareDelegations is the titolare's page: his delegations with their
// history, and the form to grant a new one.
type titolareDelegations struct {
	List       []delegationRow
	Form       delegation.GrantInput
	Scopes     []string
	Today      civil.Date
	Problem    string // message id of a refused revocation
	InviteDays int    // how long an invitation waits
}

func (s *Server) delegationsPage(w http.ResponseWriter, r *http.Request) {
	s.renderTitolareDelegations(w, r, http.StatusOK, delegation.GrantInput{Scope: delegation.ScopeConsultation}, nil, "")
}

// renderTitolareDelegations shows the page with the form as typed and its
// problems, if any.
func (s *Server) renderTitolareDelegations(w http.ResponseWriter, r *http.Request, status int,
	form delegation.GrantInput, problems error, problem string) {
	st := stateOf(r)
	svc := s.delegations()
	list, err := svc.ForPosition(r.Context(), st.position.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	day := s.today()
	v := &View{Title: "delegations.title", Nav: "deleghe", Flash: delegationFlash(r),
		Data: titolareDelegations{List: rows(list, day), Form: form, Scopes: delegation.Scopes, Today: day, Problem: problem,
			InviteDays: svc.InviteDaysOrDefault()}}
	if problems != nil {
		v.Errors = s.fieldErrors(r, problems)
	}
	s.render(w, r, status, "deleghe", v)
}

// delegationGrant invites an intermediary; bad input comes back with a
// message beside each wrong field (422) and nothing stored.
func (s *Server) delegationGrant(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	in := delegation.GrantInput{CF: r.PostFormValue("cf"), Scope: r.PostFormValue("scope"), ValidTo: r.PostFormValue("valid_to")}
	pos := delegation.Position{ID: st.position.ID, Number: st.position.Number, TitolareID: st.position.TitolareID}
	_, err := s.delegations().Grant(r.Context(), who(r), pos, in)
	if errs.Is(err, errs.Invalid) {
		s.renderTitolareDelegations(w, r, http.StatusUnprocessableEntity, in, err, "")
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/posizioni/"+st.position.Number+"/deleghe?esito=conferita", http.StatusSeeOther)
}

// delegationRevoke ends a delegation of this position (or withdraws an
// invitation).
func (s *Server) delegationRevoke(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	form := delegation.GrantInput{Scope: delegation.ScopeConsultation}
	id, err := formID(r)
	if err == nil {
		err = s.delegations().Revoke(r.Context(), who(r), st.position.ID, id, r.PostFormValue("note"))
	}
	switch {
	case err == nil:
		http.Redirect(w, r, "/posizioni/"+st.position.Number+"/deleghe?esito=revocata", http.StatusSeeOther)
	case errs.Is(err, errs.Invalid):
		s.renderTitolareDelegations(w, r, http.StatusUnprocessableEntity, form, nil, problemOf(err))
	case conflictMessage(err) != "":
		s.renderTitolareDelegations(w, r, http.StatusConflict, form, nil, conflictMessage(err))
	default:
		s.fail(w, r, err)
	}
}
