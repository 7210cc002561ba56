package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/audit"
	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/store"
)

var positionNumberRe = regexp.MustCompile(`^[0-9]{8}$`)

// gate enforces the route's action before its handler runs. On position
// routes it loads the position, answers 404 — never 403 — when the actor
// may not see it, and writes the access log when the actor is not the
// position's titolare.
func (s *Server) gate(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st := stateOf(r)
		if !rt.action.Known() {
			s.fail(w, r, errs.E(errs.Internal, "route without a known action: "+rt.pattern))
			return
		}
		if st.session != nil && st.session.Data.MustEnrolTOTP && !rt.enrolment && rt.action != access.Public {
			http.Redirect(w, r, "/fascicolo/secondo-fattore", http.StatusSeeOther)
			return
		}
		if rt.action == access.Public {
			rt.handler(w, r)
			return
		}
		if st.actor.Kind == access.Anonymous {
			s.toLogin(w, r)
			return
		}
		if !rt.action.OnPosition() {
			if !access.Allow(st.actor, rt.action, access.Facts{}, s.today()) {
				s.renderError(w, r, http.StatusForbidden, "error.forbidden")
				return
			}
			rt.handler(w, r)
			return
		}
		if st.actor.Kind == access.Citizen && st.actor.Profile == access.NoProfile {
			http.Redirect(w, r, "/profilo?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		if !s.loadPosition(w, r, rt) {
			return
		}
		rt.handler(w, r)
	})
}

// loadPosition checks the actor's right on the position of the URL, puts
// the position in the request state and writes the access log.
func (s *Server) loadPosition(w http.ResponseWriter, r *http.Request, rt route) bool {
	st := stateOf(r)
	num := r.PathValue("num")
	if !positionNumberRe.MatchString(num) {
		s.renderError(w, r, http.StatusNotFound, "error.not_found")
		return false
	}
	page, err := s.pagePosition(r, num)
	if errs.Is(err, errs.NotFound) {
		s.renderError(w, r, http.StatusNotFound, "error.not_found")
		return false
	}
	if err != nil {
		s.fail(w, r, err)
		return false
	}
	pos := page.PositionView
	facts, err := s.accessFacts(r, page)
	if err != nil {
		s.fail(w, r, err)
		return false
	}
	if !access.Allow(st.actor, rt.action, facts, s.today()) {
		s.renderError(w, r, http.StatusNotFound, "error.not_found")
		return false
	}
	st.position, st.version, st.unreadOn, st.facts = &pos, page.LedgerVersion, page.Unread, facts
	if st.actor.IsTitolareOf(facts) {
		return true
	}
	e := audit.Entry{At: s.Now(), ActorLabel: st.actor.Label, ActingAs: actingAs(st.actor, facts),
		PositionID: pos.ID, Action: string(rt.action), Detail: rt.detail, IP: clientIP(r)}
	e.ActorKind, e.ActorID = string(st.actor.Kind), st.actor.PersonID
	if st.actor.Kind == access.Staff {
		e.ActorID = st.actor.StaffID
	}
	if err := s.Audit.Append(r.Context(), e); err != nil {
		s.fail(w, r, err) // no access without its record
		return false
	}
	return true
}

// pagePosition returns the position numbered num as
// store.ReadPagePosition does for the request's actor: the one read with
// the session when there is one, else from the database.
func (s *Server) pagePosition(r *http.Request, num string) (store.PagePosition, error) {
	st := stateOf(r)
	if st.page != nil && st.page.Number == num {
		return *st.page, nil
	}
	return store.ReadPagePosition(r.Context(), s.DB, num, st.actor.PersonID)
}

// accessFacts returns the policy facts of the page's position for the
// request's actor: from the relation read with the session, or from the
// database.
func (s *Server) accessFacts(r *http.Request, page store.PagePosition) (access.Facts, error) {
	st := stateOf(r)
	f := access.Facts{PositionID: page.ID, TitolareID: page.TitolareID, OfficeCode: page.OfficeCode}
	if page.Relation != nil { // read with this request's session, so for its actor
		return page.Relation.Facts(st.actor, f), nil
	}
	return store.AccessFacts(r.Context(), s.DB, st.actor, f)
}

func actingAs(a access.Actor, f access.Facts) string {
	switch {
	case a.Kind == access.Staff:
		return a.Role
	case a.Profile == access.Intermediary:
		return "intermediary"
	case f.IsMember:
		return "collaboratore"
	}
	return string(a.Profile)
}

// toLogin sends an anonymous visitor to the login page, remembering the page
// asked for; other methods than GET get a 401 page.
func (s *Server) toLogin(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		s.renderError(w, r, http.StatusUnauthorized, "error.login_required")
		return
	}
	target := "/accesso"
	if strings.HasPrefix(r.URL.Path, "/fascicolo") {
		target = "/fascicolo/accesso"
	}
	q := url.Values{"next": {r.URL.RequestURI()}}
	if stateOf(r).expired {
		q.Set("scaduta", "1")
	}
	http.Redirect(w, r, target+"?"+q.Encode(), http.StatusSeeOther)
}

func (s *Server) today() civil.Date { return civil.Of(s.Now()) }

// localPath returns p if it is a path on this site, else "/".
func localPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") {
		return "/"
	}
	return p
}
