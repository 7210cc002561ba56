package web

import (
	"net/http"

	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/registry"
)

// contactFlashes are the outcomes the recapiti page announces.
var contactFlashes = map[string]string{"verificato": "notify.verify.flash_verified", "nuovo-codice": "notify.verify.flash_resent"}

// contactChannel reads the channel of a verification form; "" when unknown.
func contactChannel(r *http.Request) string {
	switch ch := r.PostFormValue("channel"); ch {
	case registry.ChannelEmail, registry.ChannelMobile:
		return ch
	}
	return ""
}

// unknownChannel is the problem of a verification form without a known
// channel, shown beside the e-mail's code.
func (s *Server) unknownChannel(r *http.Request) map[string]string {
	loc := s.catalog.Localizer(s.catalog.Lang(r))
	return map[string]string{registry.CodeField(registry.ChannelEmail): loc.T(registry.MsgCodeNone)}
}

// contactsVerify checks the code typed for the titolare's current e-mail
// or mobile; a refused code comes back beside its field, kept.
func (s *Server) contactsVerify(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	ch := contactChannel(r)
	if ch == "" {
		s.renderContacts(w, r, http.StatusUnprocessableEntity, nil, nil, s.unknownChannel(r))
		return
	}
	code := r.PostFormValue("code")
	err := s.Registry.VerifyContact(r.Context(), st.position.TitolareID, ch, code)
	if errs.Is(err, errs.Invalid) {
		s.renderContacts(w, r, http.StatusUnprocessableEntity, nil, map[string]string{ch: code}, s.fieldErrors(r, err))
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/posizioni/"+st.position.Number+"/recapiti?esito=verificato", http.StatusSeeOther)
}

// contactsResend asks for a new code for the titolare's current e-mail or
// mobile, still unverified.
func (s *Server) contactsResend(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	ch := contactChannel(r)
	if ch == "" {
		s.renderContacts(w, r, http.StatusUnprocessableEntity, nil, nil, s.unknownChannel(r))
		return
	}
	err := s.Registry.ResendCode(r.Context(), st.position.TitolareID, ch)
	if errs.Is(err, errs.Invalid) {
		s.renderContacts(w, r, http.StatusUnprocessableEntity, nil, nil, s.fieldErrors(r, err))
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/posizioni/"+st.position.Number+"/recapiti?esito=nuovo-codice#verifica", http.StatusSeeOther)
}
