package web

import (
	"embed"
	"fmt"
	"html/template"
	"net/http"
	"strings"
	"time"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/money"
	"github.com/cassetto-dev/cassetto/internal/registry"
)

//go:embed templates
var templateFS embed.FS

// Assets gives the URLs of the static files and serves them.
type Assets interface {
	URL(name string) string
	Handler() http.Handler
}

// pages holds, per language, one parsed template per page, each with the
// layout (see parsePages).
type pages map[string]map[string]*template.Template

func funcs(assets Assets) template.FuncMap {
	return template.FuncMap{
		"asset":  assets.URL,
		"date":   func(d civil.Date) string { return d.Italian() },
		"euro":   func(c money.Cents) string { return c.Italian() },
		"lower":  strings.ToLower,
		"upper":  strings.ToUpper,
		"gname":  gestioneName,
		"inList": func(s string, list ...string) bool { return contains(list, s) },
		"datetime": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.In(civil.Rome).Format("02/01/2006 15:04")
		},
		"dict2": func(v *View, list []registry.PositionView) map[string]any {
			return map[string]any{"V": v, "List": list}
		},
		"field": newField,
	}
}

// formField is what the "field" partial renders: a labelled input with its
// problem, if any.
type formField struct {
	V                              *View
	Name, Label, Value, Type, Auto string
	Error                          string
}

func newField(v *View, name, label, value, typ, auto string) formField {
	return formField{V: v, Name: name, Label: label, Value: value, Type: typ, Auto: auto, Error: v.FieldError(name)}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func gestioneName(g registry.Gestione, lang string) string {
	info, ok := registry.Gestioni[g]
	if !ok {
		return string(g)
	}
	if lang == "en" {
		return info.NameEN
	}
	return info.NameIT
}

// View is what every page template receives.
type View struct {
	*Localizer
	Lang      string
	OtherLang string
	Path      string // the request path, for the language switch and login returns
	Title     string // message id of the page title
	Actor     access.Actor
	UserName  string
	Site      Site
	Flash     string // message id of a one-time notice
	Position  *registry.PositionView
	Errors    map[string]string // field -> translated problem
	Data      any               // the page's own data
	Nav       string            // the active section of the position menu

	unread      int  // the citizen's unread notifications, read with the session
	association bool // the citizen is a trade association (read with the session)
}

// IsAssociation reports whether the logged-in citizen is a trade
// association (associazione di categoria): the header links its page.
func (v *View) IsAssociation() bool { return v.association }

// UnreadNotifications is the number of unread in-app notifications of the
// logged-in citizen (0 for anyone else); the header shows it.
func (v *View) UnreadNotifications() int { return v.unread }

// Site is the institution's configurable text.
type Site struct {
	Institution      string
	SupportEmail     string
	SupportPhone     string
	AccessibilityURL string
	PrivacyURL       string
	LoginLabel       string
	Demo             bool
	LoginEnabled     bool
}

// FieldError returns the translated problem of a form field, or "".
func (v *View) FieldError(field string) string { return v.Errors[field] }

// LoggedIn reports whether someone is logged in.
func (v *View) LoggedIn() bool { return v.Actor.Kind != access.Anonymous && v.Actor.Kind != "" }

// IsCitizen reports whether the actor is a citizen (a contributor or an
// intermediary): the header links his notifications, calendar and API
// tokens.
func (v *View) IsCitizen() bool { return v.Actor.Kind == access.Citizen }

// IsIntermediary reports whether the actor acts as an intermediary.
func (v *View) IsIntermediary() bool { return v.Actor.Profile == access.Intermediary }

// IsStaff reports whether the actor is office staff.
func (v *View) IsStaff() bool { return v.Actor.Kind == access.Staff }

// IsTitolare reports whether the actor is the titolare of the current position.
func (v *View) IsTitolare() bool {
	return v.Position != nil && v.Actor.Kind == access.Citizen && v.Actor.PersonID == v.Position.TitolareID
}

// render executes page into a buffer first, so a template error never
// sends half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, page string, v *View) {
	s.fillView(r, v)
	t, ok := s.pages[v.Lang][page]
	if !ok {
		s.fail(w, r, fmt.Errorf("web: no page %q", page))
		return
	}
	buf := s.buffers.get()
	defer s.buffers.put(buf)
	if err := t.ExecuteTemplate(buf, "layout", v); err != nil {
		if page == "error" { // never loop: the error page itself failed
			s.Logger.Error("render error page", "err", err)
			http.Error(w, http.StatusText(status), status)
			return
		}
		s.fail(w, r, fmt.Errorf("web: render %s: %w", page, err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

func (s *Server) fillView(r *http.Request, v *View) {
	lang := s.catalog.Lang(r)
	v.Lang, v.OtherLang = lang, otherLang(lang)
	v.Localizer = s.catalog.Localizer(lang)
	v.Path = r.URL.RequestURI()
	v.Site = s.site
	st := stateOf(r)
	v.Actor, v.UserName = st.actor, st.name
	if st.actor.Kind == access.Citizen && st.session != nil { // a citizen's actor comes with his session
		v.unread, v.association = st.session.Owner.Unread, st.session.Owner.Association
	}
	if v.Position == nil {
		v.Position = st.position
	}
	if e := r.URL.Query().Get("esito"); v.Flash == "" && contains(flashes, e) {
		v.Flash = "flash." + e
	}
}

// flashes are the outcomes a redirect may announce with ?esito=.
var flashes = []string{"uscita", "uscita-ovunque", "recapiti-aggiornati", "recapiti-invariati", "secondo-fattore-attivo"}

var rome = civil.Rome
