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

// contactsData is the contact form with the history of changes and the
// state of verification of the current e-mail and mobile.
type contactsData struct {
	Form    registry.Contact
	Current registry.Contact // the stored version: what the verification is about
	History []registry.Contact
	Codes   map[string]string // channel -> the code typed, kept when refused
	// Channels are the channels a code verifies, in the page's order.
	Channels []string
}

func (s *Server) contactsForm(w http.ResponseWriter, r *http.Request) {
	s.renderContacts(w, r, http.StatusOK, nil, nil, nil)
}

// renderContacts shows the recapiti page; form is what was typed (nil:
// the stored version), problems the translated field problems.
func (s *Server) renderContacts(w http.ResponseWriter, r *http.Request, status int, form *registry.Contact, codes, problems map[string]string) {
	st := stateOf(r)
	hist, err := s.Registry.ContactHistory(r.Context(), st.position.TitolareID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data := contactsData{History: hist, Codes: codes, Channels: []string{registry.ChannelEmail, registry.ChannelMobile}}
	if len(hist) > 0 {
		data.Form, data.Current = hist[0], hist[0]
	}
	if form != nil {
		data.Form = *form
	}
	s.render(w, r, status, "contacts", &View{Title: "contacts.title", Nav: "anagrafica", Errors: problems,
		Flash: contactFlashes[r.URL.Query().Get("esito")], Data: data})
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
		s.renderContacts(w, r, http.StatusUnprocessableEntity, &c, nil, s.fieldErrors(r, err))
		return
	}
	target := "/posizioni/" + st.position.Number + "/anagrafica"
	if len(hist) > 0 && hist[0].SameAs(c) {
		http.Redirect(w, r, target+"?esito=recapiti-invariati", http.StatusSeeOther)
		return
	}
	if err := s.Registry.ChangeContact(ctx, &c); err != nil {
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
