package web

import (
	"net/http"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/registry"
)

// may reports whether the actor may do act on the request's position, from
// the facts the gate read for it.
func (s *Server) may(r *http.Request, act access.Action) bool {
	st := stateOf(r)
	return st.position != nil && access.Allow(st.actor, act, st.facts, s.today())
}

// anagraficaData is the registry page of a position.
type anagraficaData struct {
	Birthplace      string
	Contact         registry.Contact
	HasContact      bool
	Members         []memberRow
	CanEditContacts bool
}

type memberRow struct {
	registry.MemberView
	Birthplace string
}

func (s *Server) anagrafica(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	ctx := r.Context()
	members, err := s.Registry.Members(ctx, st.position.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	c, err := s.Registry.CurrentContact(ctx, st.position.TitolareID)
	if err != nil && !errs.Is(err, errs.NotFound) {
		s.fail(w, r, err)
		return
	}
	data := anagraficaData{Birthplace: birthplace(st.position.Titolare.BirthplaceCode), Contact: c,
		HasContact: err == nil, CanEditContacts: s.may(r, access.EditContacts)}
	for _, m := range members {
		data.Members = append(data.Members, memberRow{m, birthplace(m.Person.BirthplaceCode)})
	}
	s.render(w, r, http.StatusOK, "anagrafica", &View{Title: "anagrafica.title", Nav: "anagrafica", Data: data})
}

// contactsData is the contact form with the history of changes.
type contactsData struct {
	Form    registry.Contact
	History []registry.Contact
}

func (s *Server) contactsForm(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	hist, err := s.Registry.ContactHistory(r.Context(), st.position.TitolareID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data := contactsData{History: hist}
	if len(hist) > 0 {
		data.Form = hist[0]
	}
	s.render(w, r, http.StatusOK, "contacts", &View{Title: "contacts.title", Nav: "anagrafica", Data: data})
}

// contactsSave validates the form and appends a new version of the contact
// data; the old versions stay as history. Nothing is stored when a field
// is wrong: the form comes back with a message beside each wrong field.
func (s *Server) contactsSave(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	ctx := r.Context()
	c := registry.Contact{PersonID: st.position.TitolareID, Email: r.PostFormValue("email"), PEC: r.PostFormValue("pec"),
		Mobile: r.PostFormValue("mobile"), Street: r.PostFormValue("street"), PostalCode: r.PostFormValue("postal_code"),
		City: r.PostFormValue("city"), Province: r.PostFormValue("province"), ChangedBy: st.actor.Label}
	c.Normalize()
	hist, err := s.Registry.ContactHistory(ctx, c.PersonID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := c.Validate(); err != nil {
		s.render(w, r, http.StatusUnprocessableEntity, "contacts", &View{Title: "contacts.title", Nav: "anagrafica",
			Errors: s.fieldErrors(r, err), Data: contactsData{Form: c, History: hist}})
		return
	}
	target := "/posizioni/" + st.position.Number + "/anagrafica"
	if len(hist) > 0 && hist[0].SameAs(c) {
		http.Redirect(w, r, target+"?esito=recapiti-invariati", http.StatusSeeOther)
		return
	}
	if err := s.Registry.AddContact(ctx, &c); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, target+"?esito=recapiti-aggiornati", http.StatusSeeOther)
}

// fieldErrors translates the field problems of err.
func (s *Server) fieldErrors(r *http.Request, err error) map[string]string {
	loc := s.catalog.Localizer(s.catalog.Lang(r))
	out := map[string]string{}
	for _, f := range errs.Fields(err) {
		if _, done := out[f.Field]; !done {
			out[f.Field] = loc.T(f.Message)
		}
	}
	return out
}

func (s *Server) accessLog(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	entries, err := s.Audit.ForPosition(r.Context(), st.position.ID, 0, 200)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "accesslog", &View{Title: "accesslog.title", Nav: "accessi", Data: entries})
}
