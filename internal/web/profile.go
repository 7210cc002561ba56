package web

import (
	"net/http"
	"net/url"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/registry"
)

// profilesOf says which profiles a person may choose: his own positions
// (self) and positions delegated to him (intermediary).
func (s *Server) profilesOf(r *http.Request, personID int64) (self, intermediary bool, err error) {
	if self, err = s.Delegations.HasOwnPositions(r.Context(), personID); err != nil {
		return
	}
	intermediary, err = s.Delegations.IsIntermediary(r.Context(), personID)
	return
}

type profileChoice struct {
	Self, Intermediary bool
	Current            string
	Next               string
}

func (s *Server) profilePage(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	self, inter, err := s.profilesOf(r, st.actor.PersonID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "profile", &View{Title: "profile.title",
		Data: profileChoice{Self: self, Intermediary: inter, Current: string(st.actor.Profile), Next: localPath(r.URL.Query().Get("next"))}})
}

// chooseProfile stores the chosen profile in the session, if the person may
// choose it, and goes on to the page asked for or to the position picker.
func (s *Server) chooseProfile(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	self, inter, err := s.profilesOf(r, st.actor.PersonID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	choice := access.Profile(r.PostFormValue("profile"))
	if !(choice == access.Self && self) && !(choice == access.Intermediary && inter) {
		s.render(w, r, http.StatusUnprocessableEntity, "profile", &View{Title: "profile.title",
			Errors: map[string]string{"profile": s.catalog.Localizer(s.catalog.Lang(r)).T("profile.invalid")},
			Data:   profileChoice{Self: self, Intermediary: inter, Next: localPath(r.PostFormValue("next"))}})
		return
	}
	st.session.Data.Profile = string(choice)
	if err := s.Sessions.Save(r.Context(), *st.session); err != nil {
		s.fail(w, r, err)
		return
	}
	next := localPath(r.PostFormValue("next"))
	if next == "/" || next == "/profilo" {
		next = landing(choice)
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// positionsList is the position picker: own positions (as titolare or as
// collaboratore) or delegated ones, by the chosen profile.
type positionsList struct {
	Profile   string
	Titolare  []registry.PositionView
	Member    []registry.PositionView
	Delegated []registry.PositionView
}

func (s *Server) positionsPage(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	if st.actor.Profile == access.NoProfile {
		http.Redirect(w, r, "/profilo?next="+url.QueryEscape("/posizioni"), http.StatusSeeOther)
		return
	}
	data := positionsList{Profile: string(st.actor.Profile)}
	var err error
	if st.actor.Profile == access.Self {
		if data.Titolare, err = s.Registry.PositionsOfTitolare(r.Context(), st.actor.PersonID); err == nil {
			data.Member, err = s.Registry.PositionsOfMember(r.Context(), st.actor.PersonID)
		}
	} else {
		data.Delegated, err = s.Delegations.DelegatedPositions(r.Context(), st.actor.PersonID, s.today())
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "positions", &View{Title: "positions.title", Data: data})
}
