package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// mailListLimit is how many caught e-mails a page of the list shows.
const mailListLimit = 50

// mailListData is a page of the demo's mail catcher.
type mailListData struct {
	Query   string
	Page    int
	List    []store.CaughtMail
	PrevURL string
	NextURL string
}

// mailList lists what the demo's mail catcher kept, newest first, 50 a
// page (?pagina=N), optionally only those whose recipient or subject
// contains ?q=.
func (s *Server) mailList(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if utf8.RuneCountInString(q) > 200 {
		q = string([]rune(q)[:200])
	}
	n, _ := strconv.Atoi(r.URL.Query().Get("pagina"))
	n = min(max(n, 1), 10_000)
	list, more, err := s.notifications().SearchCaughtMails(r.Context(),
		store.MailFilter{Text: q, Offset: (n - 1) * mailListLimit, Limit: mailListLimit})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data := mailListData{Query: q, Page: n, List: list}
	if n > 1 {
		data.PrevURL = mailListURL(q, n-1)
	}
	if more {
		data.NextURL = mailListURL(q, n+1)
	}
	s.render(w, r, http.StatusOK, "fascicolo_posta", &View{Title: "notify.mail.title", Data: data})
}

// mailListURL is the address of page n of the list for the search q.
func mailListURL(q string, n int) string {
	v := url.Values{}
	if q != "" {
		v.Set("q", q)
	}
	if n > 1 {
		v.Set("pagina", strconv.Itoa(n))
	}
	if len(v) == 0 {
		return "/fascicolo/posta"
	}
	return "/fascicolo/posta?" + v.Encode()
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
