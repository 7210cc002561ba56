package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/cassetto-dev/cassetto/internal/audit"
)

// associationActivityPageSize is how many access-log entries a page shows.
const associationActivityPageSize = 50

// associationActivityData is the activity page: what the association's
// staff read or did on its positions, newest first.
type associationActivityData struct {
	associationHeader
	Entries []audit.Entry
	Older   int64 // the ?prima= of the next page; 0: none
}

func (s *Server) associationActivityPage(w http.ResponseWriter, r *http.Request) {
	a, ok := s.myAssociation(w, r)
	if !ok {
		return
	}
	before, _ := strconv.ParseInt(r.URL.Query().Get("prima"), 10, 64)
	list, err := s.associations().Store.Activity(r.Context(), a.PersonID, before, associationActivityPageSize+1)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data := associationActivityData{associationHeader: associationHeader{Association: a, Section: "activity"}}
	if len(list) > associationActivityPageSize {
		list = list[:associationActivityPageSize]
		data.Older = list[len(list)-1].ID
	}
	data.Entries = list
	s.render(w, r, http.StatusOK, "associazione_attivita", &View{Title: "associations.activity.title", Data: data})
}

// associationMandate sends the signed mandate of one of the association's
// delegations (anyone else's: not found), writing the access log first.
func (s *Server) associationMandate(w http.ResponseWriter, r *http.Request) {
	a, ok := s.myAssociation(w, r)
	if !ok {
		return
	}
	d, ok := s.delegationWithDocument(w, r)
	if !ok {
		return
	}
	if d.Intermediary.PersonID != a.PersonID {
		s.renderError(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	st := stateOf(r)
	e := audit.Entry{At: s.Now(), ActorKind: string(st.actor.Kind), ActorID: st.actor.PersonID, ActorLabel: st.actor.Label,
		ActingAs: "intermediary", PositionID: d.PositionID, Action: "delegation.document",
		Detail: fmt.Sprintf("delega %d: mandato dell'associazione (download)", d.ID), IP: clientIP(r)}
	if err := s.Audit.Append(r.Context(), e); err != nil {
		s.fail(w, r, err)
		return
	}
	s.sendDocument(w, r, d)
}
