package web

import (
	"net/http"

	"github.com/cassetto-dev/cassetto/internal/association"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

// associationStaffData is the staff page: the current staff and the form
// to add someone by codice fiscale.
type associationStaffData struct {
	associationHeader
	Staff   []association.Member
	CF      string
	Problem string // message id of a refused removal
}

func (s *Server) associationStaffPage(w http.ResponseWriter, r *http.Request) {
	a, ok := s.myAssociation(w, r)
	if !ok {
		return
	}
	s.renderAssociationStaff(w, r, http.StatusOK, associationStaffData{associationHeader: associationHeader{Association: a}}, nil)
}

func (s *Server) renderAssociationStaff(w http.ResponseWriter, r *http.Request, status int, data associationStaffData, problems map[string]string) {
	list, err := s.associations().Store.Staff(r.Context(), data.Association.PersonID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data.Staff, data.Section = list, "staff"
	s.render(w, r, status, "associazione", &View{Title: "associations.staff.title", Flash: associationFlash(r),
		Errors: problems, Data: data})
}

// associationAddStaff adds a registered person to the staff; a problem is
// shown beside the field (422) and nothing is stored.
func (s *Server) associationAddStaff(w http.ResponseWriter, r *http.Request) {
	a, ok := s.myAssociation(w, r)
	if !ok {
		return
	}
	cf := r.PostFormValue("cf")
	err := s.associations().AddStaff(r.Context(), a, cf)
	switch {
	case err == nil:
		http.Redirect(w, r, "/associazione?esito=aggiunto", http.StatusSeeOther)
	case errs.Is(err, errs.Invalid):
		data := associationStaffData{associationHeader: associationHeader{Association: a}, CF: cf}
		s.renderAssociationStaff(w, r, http.StatusUnprocessableEntity, data, s.fieldErrors(r, err))
	default:
		s.fail(w, r, err)
	}
}

// associationRemoveStaff ends a membership and its assignments: the person
// loses access to the association's positions at once. A membership that
// is not the association's is not found.
func (s *Server) associationRemoveStaff(w http.ResponseWriter, r *http.Request) {
	a, ok := s.myAssociation(w, r)
	if !ok {
		return
	}
	id, err := formInt(r, "id")
	if err == nil {
		err = s.associations().RemoveStaff(r.Context(), a, id)
	}
	switch {
	case err == nil:
		http.Redirect(w, r, "/associazione?esito=rimosso", http.StatusSeeOther)
	case errs.Is(err, errs.Invalid):
		data := associationStaffData{associationHeader: associationHeader{Association: a}, Problem: problemOf(err)}
		s.renderAssociationStaff(w, r, http.StatusUnprocessableEntity, data, nil)
	default:
		s.fail(w, r, err)
	}
}
