package web

import (
	"context"
	"net/http"

	"github.com/cassetto-dev/cassetto/internal/delegation"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

// intermediaryDelegations is the intermediary's page: invitations waiting
// for an answer, then every delegation received with its history.
type intermediaryDelegations struct {
	Pending []delegationRow
	Others  []delegationRow
	Problem string // message id of a refused answer
}

func (s *Server) invitationsPage(w http.ResponseWriter, r *http.Request) {
	s.renderInvitations(w, r, http.StatusOK, "")
}

func (s *Server) renderInvitations(w http.ResponseWriter, r *http.Request, status int, problem string) {
	list, err := s.delegations().ForIntermediary(r.Context(), stateOf(r).actor.PersonID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data := intermediaryDelegations{Problem: problem}
	for _, d := range rows(list, s.today()) {
		if d.IsPending() {
			data.Pending = append(data.Pending, d)
		} else {
			data.Others = append(data.Others, d)
		}
	}
	s.render(w, r, status, "deleghe_intermediario", &View{Title: "delegations.mine.title", Flash: delegationFlash(r), Data: data})
}

// invitationAction is one of the intermediary's buttons.
type invitationAction struct {
	outcome string // the ?esito= of the redirect
	do      func(svc *delegation.Service, ctx context.Context, w delegation.Who, id int64, note string) error
}

var (
	actAccept = invitationAction{"accettata", func(svc *delegation.Service, ctx context.Context, w delegation.Who, id int64, _ string) error {
		return svc.Accept(ctx, w, id)
	}}
	actReject   = invitationAction{"rifiutata", (*delegation.Service).Reject}
	actRenounce = invitationAction{"rinunciata", (*delegation.Service).Renounce}
)

// invitationAct answers an invitation or ends a delegation as its
// intermediary; someone else's delegation is not found (404), a refusal
// (an expired invitation, a delegation no longer active) is shown on the
// page with status 409 and nothing changed.
func (s *Server) invitationAct(act invitationAction) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, err := formID(r)
		if err == nil {
			err = act.do(s.delegations(), r.Context(), who(r), id, r.PostFormValue("note"))
		}
		switch {
		case err == nil:
			http.Redirect(w, r, "/deleghe?esito="+act.outcome, http.StatusSeeOther)
		case errs.Is(err, errs.Invalid):
			s.renderInvitations(w, r, http.StatusUnprocessableEntity, problemOf(err))
		case conflictMessage(err) != "":
			s.renderInvitations(w, r, http.StatusConflict, conflictMessage(err))
		default:
			s.fail(w, r, err)
		}
	}
}
