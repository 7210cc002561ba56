package web

import (
	"net/http"

	"github.com/cassetto-dev/cassetto/internal/association"
	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/delegation"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

// associationDelegationsData is the delegations page: the registration
// form, then every delegation of the association with its assigned staff.
type associationDelegationsData struct {
	associationHeader
	Form    association.RegisterInput
	Scopes  []string
	Today   civil.Date
	Rows    []associationDelegationRow
	Staff   []association.Member
	Problem string // message id of a refused assignment
}

// associationDelegationRow is a delegation with its current assignments.
type associationDelegationRow struct {
	delegationRow
	Assigned []association.Assignment
}

func (s *Server) associationDelegationsPage(w http.ResponseWriter, r *http.Request) {
	a, ok := s.myAssociation(w, r)
	if !ok {
		return
	}
	data := associationDelegationsData{associationHeader: associationHeader{Association: a},
		Form: association.RegisterInput{Scope: delegation.ScopeConsultation}}
	s.renderAssociationDelegations(w, r, http.StatusOK, data, nil)
}

func (s *Server) renderAssociationDelegations(w http.ResponseWriter, r *http.Request, status int,
	data associationDelegationsData, problems map[string]string) {
	svc := s.associations()
	list, err := svc.DelegationsOf(r.Context(), data.Association)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	assigned, err := svc.Store.Assignments(r.Context(), data.Association.PersonID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if data.Staff, err = svc.Store.Staff(r.Context(), data.Association.PersonID); err != nil {
		s.fail(w, r, err)
		return
	}
	byDelegation := map[int64][]association.Assignment{}
	for _, as := range assigned {
		byDelegation[as.DelegationID] = append(byDelegation[as.DelegationID], as)
	}
	for _, d := range rows(list, s.today()) {
		data.Rows = append(data.Rows, associationDelegationRow{d, byDelegation[d.ID]})
	}
	data.Scopes, data.Today, data.Section, data.Form.DocData = delegation.Scopes, s.today(), "delegations", nil
	s.render(w, r, status, "associazione_deleghe", &View{Title: "associations.delegations.title",
		Flash: associationFlash(r), Errors: problems, Data: data})
}

// associationRegister registers a delegation for a member's position with
// the signed mandate: every field is checked before anything is stored.
func (s *Server) associationRegister(w http.ResponseWriter, r *http.Request) {
	a, ok := s.myAssociation(w, r)
	if !ok {
		return
	}
	paper, number, tooBig := readPaperForm(w, r)
	in := association.RegisterInput{Position: number, TitolareCF: r.FormValue("titolare_cf"), Scope: paper.Scope,
		ValidTo: paper.ValidTo, DocName: paper.DocName, DocData: paper.DocData}
	data := associationDelegationsData{associationHeader: associationHeader{Association: a}, Form: in}
	svc := s.associations()
	var err error
	if tooBig {
		_, err = svc.Check(r.Context(), a, in)
	} else {
		_, err = svc.Register(r.Context(), who(r), a, in)
	}
	if err == nil && !tooBig {
		http.Redirect(w, r, "/associazione/deleghe?esito=registrata", http.StatusSeeOther)
		return
	}
	if err != nil && !errs.Is(err, errs.Invalid) {
		s.fail(w, r, err)
		return
	}
	problems := s.fieldErrors(r, err)
	if tooBig {
		problems["document"] = s.catalog.Localizer(s.catalog.Lang(r)).T(delegation.MsgDocSize)
	}
	s.renderAssociationDelegations(w, r, http.StatusUnprocessableEntity, data, problems)
}

// associationAssign assigns a delegation to a staff member; associationUnassign
// ends an assignment. Foreign ids are not found; a refusal is shown on the page.
func (s *Server) associationAssign(w http.ResponseWriter, r *http.Request) {
	s.associationAssignment(w, r, "assegnata", func(svc *association.Service, a association.Association) error {
		id, err := formInt(r, "id")
		if err != nil {
			return err
		}
		staff, err := formInt(r, "staff")
		if err != nil {
			return err
		}
		return svc.Assign(r.Context(), a, id, staff)
	})
}

func (s *Server) associationUnassign(w http.ResponseWriter, r *http.Request) {
	s.associationAssignment(w, r, "disassegnata", func(svc *association.Service, a association.Association) error {
		id, err := formInt(r, "id")
		if err != nil {
			return err
		}
		return svc.Unassign(r.Context(), a, id)
	})
}

func (s *Server) associationAssignment(w http.ResponseWriter, r *http.Request, outcome string,
	do func(*association.Service, association.Association) error) {
	a, ok := s.myAssociation(w, r)
	if !ok {
		return
	}
	err := do(s.associations(), a)
	data := associationDelegationsData{associationHeader: associationHeader{Association: a}}
	switch {
	case err == nil:
		http.Redirect(w, r, "/associazione/deleghe?esito="+outcome, http.StatusSeeOther)
	case errs.Is(err, errs.Invalid):
		data.Problem = problemOf(err)
		s.renderAssociationDelegations(w, r, http.StatusUnprocessableEntity, data, nil)
	case conflictMessage(err) != "":
		data.Problem = conflictMessage(err)
		s.renderAssociationDelegations(w, r, http.StatusConflict, data, nil)
	default:
		s.fail(w, r, err)
	}
}
