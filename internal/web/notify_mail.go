package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// mailListLimit is how many caught e-mails the list shows (the latest).
const mailListLimit = 50

// mailList lists what the demo's mail catcher kept.
func (s *Server) mailList(w http.ResponseWriter, r *http.Request) {
	list, err := s.notifications().CaughtMails(r.Context(), mailListLimit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "fascicolo_posta", &View{Title: "notify.mail.title", Data: list})
}

// caughtMail loads the e-mail of the URL, or answers 404.
func (s *Server) caughtMail(w http.ResponseWriter, r *http.Request) (store.CaughtMail, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.renderError(w, r, http.StatusNotFound, "error.not_found")
		return store.CaughtMail{}, false
	}
	m, err := s.notifications().CaughtMailByID(r.Context(), id)
	if errs.Is(err, errs.NotFound) {
		s.renderError(w, r, http.StatusNotFound, "error.not_found")
		return m, false
	}
	if err != nil {
		s.fail(w, r, err)
		return m, false
	}
	return m, true
}

// mailMessage shows one e-mail: its text part only, as text.
func (s *Server) mailMessage(w http.ResponseWriter, r *http.Request) {
	if m, ok := s.caughtMail(w, r); ok {
		s.render(w, r, http.StatusOK, "fascicolo_posta_messaggio", &View{Title: "notify.mail.message_title", Data: m})
	}
}

// mailHTML offers the HTML part as a download, never rendered by the
// portal: attachment, nosniff and a sandboxing policy in case a browser
// opens it anyway.
func (s *Server) mailHTML(w http.ResponseWriter, r *http.Request) {
	m, ok := s.caughtMail(w, r)
	if !ok {
		return
	}
	if m.HTML == "" {
		s.renderError(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="messaggio-%d.html"`, m.ID))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "sandbox; default-src 'none'")
	h.Set("Cache-Control", "no-store")
	_, _ = w.Write([]byte(m.HTML))
}
