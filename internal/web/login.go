package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/auth"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/session"
)

// loginPage is the citizen's login page: the digital-identity button, and a
// notice when the previous session expired.
type loginPage struct {
	Next    string
	Expired bool
	Staff   bool
	Error   string // message id of a failed password login
	User    string
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	s.render(w, r, http.StatusOK, "login", &View{Title: "login.title",
		Data: loginPage{Next: localPath(q.Get("next")), Expired: q.Get("scaduta") == "1"}})
}

// oidcStart sends the browser to the identity provider. staff=1 asks for
// the Fascicolo (office staff) instead of the Cassetto.
func (s *Server) oidcStart(w http.ResponseWriter, r *http.Request) {
	if s.OIDC == nil {
		s.renderError(w, r, http.StatusServiceUnavailable, "login.not_configured")
		return
	}
	next := localPath(r.URL.Query().Get("next"))
	if r.URL.Query().Get("staff") == "1" && !strings.HasPrefix(next, "/fascicolo") {
		next = "/fascicolo/"
	}
	if err := s.OIDC.Start(w, r, next); err != nil {
		s.Logger.Warn("login start", "request_id", stateOf(r).requestID, "err", err)
		s.renderError(w, r, http.StatusServiceUnavailable, "login.provider_unavailable")
	}
}

// oidcCallback finishes the login: a person of the registry (Cassetto) or a
// staff member with that codice fiscale (Fascicolo, when the login started there).
func (s *Server) oidcCallback(w http.ResponseWriter, r *http.Request) {
	if s.OIDC == nil {
		s.renderError(w, r, http.StatusServiceUnavailable, "login.not_configured")
		return
	}
	id, next, err := s.OIDC.Finish(w, r)
	if err != nil {
		status, msg := loginFailure(err)
		s.Logger.Info("login failed", "request_id", stateOf(r).requestID, "err", err)
		s.renderError(w, r, status, msg)
		return
	}
	if strings.HasPrefix(next, "/fascicolo") {
		s.staffByIdentity(w, r, id.CodiceFiscale, next)
		return
	}
	p, err := s.Registry.PersonByCF(r.Context(), id.CodiceFiscale)
	if errs.Is(err, errs.NotFound) {
		if _, serr := s.StaffDir.ByCodiceFiscale(r.Context(), id.CodiceFiscale); serr == nil {
			s.staffByIdentity(w, r, id.CodiceFiscale, "/fascicolo/") // staff who used the citizens' door
			return
		}
		s.renderError(w, r, http.StatusForbidden, "login.unknown_person")
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	self, inter, err := s.profilesOf(r, p.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data := session.Data{Method: "oidc"}
	if self != inter { // only one profile: choose it
		data.Profile = string(access.Self)
		if inter {
			data.Profile = string(access.Intermediary)
		}
	}
	if _, err := s.Sessions.Begin(r.Context(), w, r, p.ID, 0, data); err != nil {
		s.fail(w, r, err)
		return
	}
	switch {
	case data.Profile == "":
		next = "/profilo?next=" + url.QueryEscape(next)
	case next == "/":
		next = landing(access.Profile(data.Profile))
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// loginFailure maps a relying-party error to a status and a message id.
func loginFailure(err error) (int, string) {
	switch {
	case errors.Is(err, auth.ErrDenied):
		return http.StatusUnauthorized, "login.denied"
	case errors.Is(err, auth.ErrState):
		return http.StatusBadRequest, "login.state"
	case errors.Is(err, auth.ErrNoFiscalNumber):
		return http.StatusUnauthorized, "login.no_fiscal_number"
	case errors.Is(err, auth.ErrProviderUnavailable), errors.Is(err, auth.ErrDiscovery):
		return http.StatusServiceUnavailable, "login.provider_unavailable"
	}
	return http.StatusUnauthorized, "login.failed"
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	if st := stateOf(r); st.session != nil {
		if err := s.Sessions.End(r.Context(), w, *st.session); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	http.Redirect(w, r, "/?esito=uscita", http.StatusSeeOther)
}

func (s *Server) logoutEverywhere(w http.ResponseWriter, r *http.Request) {
	if st := stateOf(r); st.session != nil {
		if err := s.Sessions.EndEverywhere(r.Context(), w, *st.session); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	http.Redirect(w, r, "/?esito=uscita-ovunque", http.StatusSeeOther)
}
