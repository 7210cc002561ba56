package web

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cassetto-dev/cassetto/internal/api"
	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// apiTokenMaxDays is the longest life of a token: one year.
const apiTokenMaxDays = 366

// apiTokenData is the token page: the person's tokens, the form, and the
// secret of the token just created (shown this once only).
type apiTokenData struct {
	Tokens []apiTokenRow
	Form   apiTokenForm
	Secret string
	Today  civil.Date
	MaxDay civil.Date
}

// apiTokenRow is one token of the list with where it stands.
type apiTokenRow struct {
	store.APIToken
	State string // message id suffix: active, expired, revoked
}

// apiTokenForm is what the person typed.
type apiTokenForm struct {
	Name, Scope, Expires string
}

func (s *Server) apiTokens() *store.APITokens { return store.NewAPITokens(s.DB, s.Now) }

func (s *Server) apiTokenPage(w http.ResponseWriter, r *http.Request) {
	v := &View{Title: "api.title"}
	if r.URL.Query().Get("esito") == "revocato" {
		v.Flash = "api.flash_revoked"
	}
	s.renderAPITokens(w, r, v, http.StatusOK, apiTokenData{Form: apiTokenForm{Scope: store.APIScopeRead,
		Expires: s.today().AddDays(90).String()}})
}

func (s *Server) renderAPITokens(w http.ResponseWriter, r *http.Request, v *View, status int, data apiTokenData) {
	list, err := s.apiTokens().OfPerson(r.Context(), stateOf(r).actor.PersonID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data.Today, data.MaxDay = s.today(), s.today().AddDays(apiTokenMaxDays-1)
	for _, t := range list {
		row := apiTokenRow{APIToken: t, State: "active"}
		switch {
		case t.Revoked():
			row.State = "revoked"
		case t.ExpiredOn(data.Today):
			row.State = "expired"
		}
		data.Tokens = append(data.Tokens, row)
	}
	v.Data = data
	s.render(w, r, status, "token_api", v)
}

// apiTokenCreate checks the form and creates a token; its secret is shown
// once: only its SHA-256 is stored.
func (s *Server) apiTokenCreate(w http.ResponseWriter, r *http.Request) {
	f := apiTokenForm{Name: strings.TrimSpace(r.PostFormValue("name")), Scope: r.PostFormValue("scope"),
		Expires: strings.TrimSpace(r.PostFormValue("expires"))}
	t, problems := s.checkAPIToken(f)
	if len(problems) > 0 {
		v := &View{Title: "api.title", Errors: map[string]string{}}
		for field, id := range problems {
			v.Errors[field] = s.translate(r, id)
		}
		s.renderAPITokens(w, r, v, http.StatusUnprocessableEntity, apiTokenData{Form: f})
		return
	}
	secret, err := newAPISecret()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	t.PersonID = stateOf(r).actor.PersonID
	if err := s.apiTokens().Create(r.Context(), &t, api.TokenHash(secret)); err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	s.renderAPITokens(w, r, &View{Title: "api.title", Flash: "api.flash_created"}, http.StatusOK,
		apiTokenData{Secret: secret, Form: apiTokenForm{Scope: store.APIScopeRead, Expires: s.today().AddDays(90).String()}})
}

// checkAPIToken validates the form: a name of 1–80 characters, a scope,
// an expiry from tomorrow to one year from today.
func (s *Server) checkAPIToken(f apiTokenForm) (store.APIToken, map[string]string) {
	problems := map[string]string{}
	t := store.APIToken{Name: f.Name, Scope: f.Scope}
	if f.Name == "" || utf8.RuneCountInString(f.Name) > 80 {
		problems["name"] = "api.error.name"
	}
	if f.Scope != store.APIScopeRead && f.Scope != store.APIScopeWrite {
		problems["scope"] = "api.error.scope"
	}
	day, err := parseTokenExpiry(f.Expires)
	today := s.today()
	switch {
	case err != nil:
		problems["expires"] = "api.error.expires_format"
	case !day.After(today) || !day.Before(today.AddDays(apiTokenMaxDays)):
		problems["expires"] = "api.error.expires_range"
	}
	t.ExpiresOn = day
	return t, problems
}

// apiTokenRevoke revokes one of the person's tokens: it is refused at
// once.
func (s *Server) apiTokenRevoke(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PostFormValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.renderError(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	ok, err := s.apiTokens().Revoke(r.Context(), stateOf(r).actor.PersonID, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !ok {
		s.renderError(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	http.Redirect(w, r, "/token-api?esito=revocato", http.StatusSeeOther)
}

// newAPISecret returns a new token: the prefix and 256 random bits.
func newAPISecret() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return api.TokenPrefix + base64.RawURLEncoding.EncodeToString(b), nil
}

// parseTokenExpiry reads a date as the date input sends it (2026-05-16) or as
// Italians write it (16/05/2026).
func parseTokenExpiry(s string) (civil.Date, error) {
	if d, m, ok := strings.Cut(s, "/"); ok {
		if m, y, ok := strings.Cut(m, "/"); ok && len(d) <= 2 && len(m) <= 2 && len(y) == 4 {
			s = y + "-" + fmt.Sprintf("%02s-%02s", m, d)
		}
	}
	return civil.Parse(s)
}
