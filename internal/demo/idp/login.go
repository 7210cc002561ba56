package idp

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"log/slog"
	"maps"
	"net/http"

	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
)

// loginPath and cssPath are the login page and its stylesheet, relative to
// the issuer. The stylesheet is a file so the page works under a
// Content-Security-Policy without 'unsafe-inline'.
const (
	loginPath = "/login"
	cssPath   = "/login.css"
)

//go:embed templates/*.html templates/login.css
var templateFS embed.FS

// loginPage lists the demo users; choosing one completes the authorization
// request, the deny button ends it with error=access_denied.
type loginPage struct {
	action   string // absolute URL the form posts to
	css      string // absolute URL of the stylesheet
	store    *storage
	provider *op.Provider
	users    []User
	tmpl     *template.Template
	logger   *slog.Logger
}

func newLoginPage(issuer string, store *storage, p *op.Provider, users []User, logger *slog.Logger) (*loginPage, error) {
	tmpl, err := template.ParseFS(templateFS, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("login templates: %w", err)
	}
	return &loginPage{
		action: issuer + loginPath, css: issuer + cssPath,
		store: store, provider: p, users: users, tmpl: tmpl, logger: logger,
	}, nil
}

// show renders the list of identities of an authorization request.
func (l *loginPage) show(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("authRequestID")
	if _, err := l.store.AuthRequestByID(r.Context(), id); err != nil {
		l.expired(w)
		return
	}
	l.render(w, http.StatusOK, "login", map[string]any{
		"Title": "Accesso", "Action": l.action, "RequestID": id, "Users": l.users,
	})
}

// submit completes the request with the chosen user, or denies it.
func (l *loginPage) submit(w http.ResponseWriter, r *http.Request) {
	id := r.PostFormValue("id")
	req, err := l.store.AuthRequestByID(r.Context(), id)
	if err != nil {
		l.expired(w)
		return
	}
	if r.PostFormValue("deny") != "" {
		_ = l.store.DeleteAuthRequest(r.Context(), id)
		l.logger.InfoContext(r.Context(), "demo login denied", "client_id", req.GetClientID())
		op.AuthRequestError(w, r, req, oidc.ErrAccessDenied().WithDescription("consent denied by the user"), l.provider)
		return
	}
	subject := r.PostFormValue("user")
	if err := l.store.complete(id, subject); err != nil {
		l.logger.WarnContext(r.Context(), "demo login failed", "client_id", req.GetClientID(), "error", err)
		l.expired(w)
		return
	}
	l.logger.InfoContext(r.Context(), "demo login", "client_id", req.GetClientID(), "subject", subject)
	http.Redirect(w, r, op.AuthCallbackURL(l.provider)(r.Context(), id), http.StatusSeeOther)
}

// expired says the authorization request is unknown, expired or done.
func (l *loginPage) expired(w http.ResponseWriter) {
	l.render(w, http.StatusBadRequest, "expired", map[string]any{"Title": "Richiesta non valida"})
}

// stylesheet serves the page's CSS.
func (l *loginPage) stylesheet(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "public, max-age=3600")
	http.ServeFileFS(w, r, templateFS, "templates/login.css")
}

// render writes a page of the template set, or a plain 500 if it fails.
// data gets the stylesheet URL as CSS.
func (l *loginPage) render(w http.ResponseWriter, status int, name string, data map[string]any) {
	page := map[string]any{"CSS": l.css}
	maps.Copy(page, data)
	var buf bytes.Buffer
	if err := l.tmpl.ExecuteTemplate(&buf, name, page); err != nil {
		l.logger.Error("demo login page", "template", name, "error", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Frame-Options", "DENY")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}
