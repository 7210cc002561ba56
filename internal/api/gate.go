package api

import (
	"net"
	"net/http"
	"regexp"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/audit"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/store"
)

var positionNumberRe = regexp.MustCompile(`^[0-9]{8}$`)

// gate enforces the route's action. On position routes it loads the
// position and decides the profile: "self" when the token's person is the
// titolare, otherwise "intermediary"; a refusal is a 404, as in the
// pages, and every allowed read by anyone but the titolare is written to
// the access log before the handler runs.
func (a *API) gate(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := callOf(r)
		if !rt.action.OnPosition() {
			c.actor.Profile = access.Self
			if !access.Allow(c.actor, rt.action, access.Facts{}, a.today()) {
				a.problem(w, r, problemForbidden, "", nil)
				return
			}
			rt.handler(w, r, c)
			return
		}
		if !a.loadPosition(w, r, rt, c) {
			return
		}
		rt.handler(w, r, c)
	})
}

func (a *API) loadPosition(w http.ResponseWriter, r *http.Request, rt route, c *call) bool {
	num := r.PathValue("number")
	if !positionNumberRe.MatchString(num) {
		a.problem(w, r, problemNotFound, "", nil)
		return false
	}
	pos, err := a.Registry.PositionByNumber(r.Context(), num)
	if errs.Is(err, errs.NotFound) {
		a.problem(w, r, problemNotFound, "", nil)
		return false
	}
	if err != nil {
		a.fail(w, r, err)
		return false
	}
	facts, err := store.AccessFacts(r.Context(), a.DB, c.actor,
		access.Facts{PositionID: pos.ID, TitolareID: pos.TitolareID, OfficeCode: pos.OfficeCode})
	if err != nil {
		a.fail(w, r, err)
		return false
	}
	c.actor.Profile = access.Intermediary
	if c.actor.IsTitolareOf(facts) {
		c.actor.Profile = access.Self
	}
	if !access.Allow(c.actor, rt.action, facts, a.today()) {
		a.problem(w, r, problemNotFound, "", nil)
		return false
	}
	c.position, c.facts = &pos, facts
	if c.actor.IsTitolareOf(facts) {
		return true
	}
	e := audit.Entry{At: a.Now(), ActorKind: string(access.Citizen), ActorID: c.person.ID, ActorLabel: c.actor.Label,
		ActingAs: "intermediary", PositionID: pos.ID, Action: string(rt.action), Detail: rt.detail, IP: clientIP(r)}
	if err := a.Audit.Append(r.Context(), e); err != nil {
		a.fail(w, r, err) // no access without its record
		return false
	}
	return true
}

func clientIP(r *http.Request) string {
	if host, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		return host
	}
	return r.RemoteAddr
}
