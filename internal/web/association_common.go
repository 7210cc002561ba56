package web

import (
	"net/http"
	"strconv"

	"github.com/cassetto-dev/cassetto/internal/association"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// associations returns the association service on the server's database.
func (s *Server) associations() *association.Service {
	return &association.Service{Store: store.NewAssociations(s.DB), Delegations: s.delegations(), Now: s.Now}
}

// associationFlashes are the outcomes the association pages announce
// after a redirect with ?esito=.
var associationFlashes = []string{"aggiunto", "rimosso", "registrata", "assegnata", "disassegnata"}

func associationFlash(r *http.Request) string {
	if e := r.URL.Query().Get("esito"); contains(associationFlashes, e) {
		return "associations.flash." + e
	}
	return ""
}

// myAssociation returns the association the logged-in person is; when he
// is not one it renders the empty state (what an association is and how
// it is registered) and ok is false.
func (s *Server) myAssociation(w http.ResponseWriter, r *http.Request) (association.Association, bool) {
	a, err := s.associations().Of(r.Context(), stateOf(r).actor.PersonID)
	if errs.Is(err, errs.NotFound) {
		s.render(w, r, http.StatusOK, "associazione_nessuna", &View{Title: "associations.title"})
		return a, false
	}
	if err != nil {
		s.fail(w, r, err)
		return a, false
	}
	return a, true
}

// formInt reads a positive id of a button's form; a missing or bad one
// is a form problem.
func formInt(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PostFormValue(name), 10, 64)
	if err != nil || id <= 0 {
		var v errs.Validation
		v.Add(name, association.MsgChoose)
		return 0, v.Err()
	}
	return id, nil
}

// associationHeader is what every association page shows above its section.
type associationHeader struct {
	Association association.Association
	Section     string // staff, delegations, activity: the active tab
}
