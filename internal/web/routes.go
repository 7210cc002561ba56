package web

import (
	"net/http"

	"github.com/cassetto-dev/cassetto/internal/access"
)

// route is one entry of the route map: a pattern, the action the access
// policy must allow, and the handler. detail names, for the audit log, what a
// position route shows or changes.
type route struct {
	pattern   string
	action    access.Action
	detail    string
	enrolment bool // reachable by staff who must still set up their second factor
	handler   http.HandlerFunc
}

// routes is the route map of the HTML server: every route declares its action.
func (s *Server) routes() []route {
	rs := s.coreRoutes()
	rs = append(rs, s.ledgerRoutes()...)
	rs = append(rs, s.documentRoutes()...)
	rs = append(rs, s.toolRoutes()...)
	rs = append(rs, s.delegationRoutes()...)
	rs = append(rs, s.workspaceRoutes()...)
	rs = append(rs, s.apiTokenRoutes()...)
	rs = append(rs, s.notifyRoutes()...)
	rs = append(rs, s.caseRoutes()...)
	rs = append(rs, s.associationRoutes()...)
	rs = append(rs, s.benchRoutes()...)
	rs = append(rs, s.adminRoutes()...)
	return rs
}

// coreRoutes are the pages of the foundation: home, login, profile,
// anagrafica, recapiti, access log and the Fascicolo's home.
func (s *Server) coreRoutes() []route {
	return []route{
		{pattern: "GET /{$}", action: access.Public, handler: s.home},
		{pattern: "GET /accessibilita", action: access.Public, handler: s.staticPage("accessibility")},
		{pattern: "GET /privacy", action: access.Public, handler: s.staticPage("privacy")},
		{pattern: "GET /lingua/{lang}", action: access.Public, handler: s.switchLanguage},
		{pattern: "GET /healthz", action: access.Public, handler: s.healthz},
		{pattern: "GET /readyz", action: access.Public, handler: s.readyz},
		{pattern: "GET /metrics", action: access.Public, handler: s.metricsHandler},

		{pattern: "GET /accesso", action: access.Public, handler: s.loginPage},
		{pattern: "GET /auth/login", action: access.Public, handler: s.oidcStart},
		{pattern: "GET /auth/callback", action: access.Public, handler: s.oidcCallback},
		{pattern: "POST /esci", action: access.Authenticated, enrolment: true, handler: s.logout},
		{pattern: "POST /esci-ovunque", action: access.Authenticated, enrolment: true, handler: s.logoutEverywhere},

		{pattern: "GET /profilo", action: access.CitizenOnly, handler: s.profilePage},
		{pattern: "POST /profilo", action: access.CitizenOnly, handler: s.chooseProfile},
		{pattern: "GET /posizioni", action: access.CitizenOnly, handler: s.positionsPage},
		{pattern: "GET /posizioni/{num}/{$}", action: access.ViewPosition, detail: "cruscotto", handler: s.dashboard},
		{pattern: "GET /posizioni/{num}/anagrafica", action: access.ViewPosition, detail: "anagrafica", handler: s.anagrafica},
		{pattern: "GET /posizioni/{num}/recapiti", action: access.EditContacts, detail: "recapiti (lettura)", handler: s.contactsForm},
		{pattern: "POST /posizioni/{num}/recapiti", action: access.EditContacts, detail: "recapiti (modifica)", handler: s.contactsSave},
		{pattern: "GET /posizioni/{num}/accessi", action: access.ViewAccessLog, detail: "registro accessi", handler: s.accessLog},

		{pattern: "GET /fascicolo/accesso", action: access.Public, handler: s.staffLoginPage},
		{pattern: "POST /fascicolo/accesso", action: access.Public, handler: s.staffLogin},
		{pattern: "GET /fascicolo/secondo-fattore", action: access.StaffOnly, enrolment: true, handler: s.totpPage},
		{pattern: "POST /fascicolo/secondo-fattore", action: access.StaffOnly, enrolment: true, handler: s.totpConfirm},
		{pattern: "GET /fascicolo/{$}", action: access.StaffOnly, handler: s.fascicoloHome},
		{pattern: "GET /fascicolo/registro-accessi", action: access.SearchAudit, handler: s.auditSearch},
	}
}

// Routes returns the patterns and actions of every route, for the access
// matrix test and the documentation.
func (s *Server) Routes() map[string]access.Action {
	out := map[string]access.Action{}
	for _, rt := range s.routes() {
		out[rt.pattern] = rt.action
	}
	return out
}
