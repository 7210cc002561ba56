package web

import (
	"encoding/base64"
	"errors"
	"html/template"
	"net/http"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/session"
	"github.com/cassetto-dev/cassetto/internal/staff"
)

func (s *Server) staffLoginPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	s.render(w, r, http.StatusOK, "staff_login", &View{Title: "staff_login.title",
		Data: loginPage{Next: staffNext(q.Get("next")), Expired: q.Get("scaduta") == "1", Staff: true}})
}

func staffNext(next string) string {
	next = localPath(next)
	if !strings.HasPrefix(next, "/fascicolo") {
		return "/fascicolo/"
	}
	return next
}

// staffLogin checks username, password and TOTP code. Every wrong input
// gets the same message; a locked account says so.
func (s *Server) staffLogin(w http.ResponseWriter, r *http.Request) {
	user := r.PostFormValue("username")
	next := staffNext(r.PostFormValue("next"))
	res, err := s.Staff.Login(r.Context(), user, r.PostFormValue("password"), r.PostFormValue("code"))
	if err != nil {
		msg := staff.MsgLoginInvalid
		var locked *staff.LockedError
		if errors.As(err, &locked) {
			msg = staff.MsgLoginLocked
		} else if !errs.Is(err, errs.Unauthenticated) {
			s.fail(w, r, err)
			return
		}
		s.render(w, r, http.StatusUnauthorized, "staff_login", &View{Title: "staff_login.title",
			Data: loginPage{Next: next, Staff: true, Error: msg, User: user}})
		return
	}
	data := session.Data{Method: "password", MustEnrolTOTP: res.MustEnrolTOTP}
	if _, err := s.Sessions.Begin(r.Context(), w, r, 0, res.Member.ID, data); err != nil {
		s.fail(w, r, err)
		return
	}
	if res.MustEnrolTOTP {
		next = "/fascicolo/secondo-fattore"
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// staffByIdentity logs in, by codice fiscale, a staff member who came back
// from the identity provider.
func (s *Server) staffByIdentity(w http.ResponseWriter, r *http.Request, cf, next string) {
	m, err := s.StaffDir.ByCodiceFiscale(r.Context(), cf)
	if errs.Is(err, errs.NotFound) || (err == nil && !m.Active) {
		s.renderError(w, r, http.StatusForbidden, "login.not_staff")
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if _, err := s.Sessions.Begin(r.Context(), w, r, 0, m.ID, session.Data{Method: "oidc"}); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// totpData is the enrolment page: the QR code and the secret to type by hand.
type totpData struct {
	QR     template.URL
	Secret string
}

// totpPage offers a new second factor to a staff member who must set one up.
func (s *Server) totpPage(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	if !st.session.Data.MustEnrolTOTP {
		http.Redirect(w, r, "/fascicolo/", http.StatusSeeOther)
		return
	}
	s.renderEnrolment(w, r, http.StatusOK, nil)
}

func (s *Server) renderEnrolment(w http.ResponseWriter, r *http.Request, status int, problems map[string]string) {
	st := stateOf(r)
	en, err := s.Staff.BeginEnrolment(r.Context(), st.actor.StaffID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	st.session.Data.PendingTOTP = en.Secret
	if err := s.Sessions.Save(r.Context(), *st.session); err != nil {
		s.fail(w, r, err)
		return
	}
	qr := template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(en.QRPNG))
	s.render(w, r, status, "totp", &View{Title: "totp.title", Errors: problems, Data: totpData{QR: qr, Secret: en.Secret}})
}

// totpConfirm checks the first code of the new second factor and stores it.
func (s *Server) totpConfirm(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	if !st.session.Data.MustEnrolTOTP || st.session.Data.PendingTOTP == "" {
		http.Redirect(w, r, "/fascicolo/", http.StatusSeeOther)
		return
	}
	err := s.Staff.ConfirmEnrolment(r.Context(), st.actor.StaffID, st.session.Data.PendingTOTP, r.PostFormValue("code"))
	if err != nil {
		if !errs.Is(err, errs.Invalid) && !errs.Is(err, errs.Unauthenticated) {
			s.fail(w, r, err)
			return
		}
		loc := s.catalog.Localizer(s.catalog.Lang(r))
		s.renderEnrolment(w, r, http.StatusUnprocessableEntity, map[string]string{"code": loc.T("totp.code_invalid")})
		return
	}
	st.session.Data.MustEnrolTOTP, st.session.Data.PendingTOTP = false, ""
	if err := s.Sessions.Save(r.Context(), *st.session); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/fascicolo/?esito=secondo-fattore-attivo", http.StatusSeeOther)
}
