package web

import "github.com/cassetto-dev/cassetto/internal/access"

// notifyRoutes are the notifications: the citizen's list and preferences,
// the administrators' list of undelivered messages with manual retry, and
// the demo's mail catcher, and the verification of the recapiti the
// notifications go to.
func (s *Server) notifyRoutes() []route {
	return []route{
		{pattern: "GET /notifiche", action: access.CitizenOnly, handler: s.notifyInbox},
		{pattern: "POST /notifiche/lette", action: access.CitizenOnly, handler: s.notifyMarkRead},
		{pattern: "GET /notifiche/preferenze", action: access.CitizenOnly, handler: s.notifyPrefsPage},
		{pattern: "POST /notifiche/preferenze", action: access.CitizenOnly, handler: s.notifyPrefsSave},

		{pattern: "POST /posizioni/{num}/recapiti/verifica", action: access.EditContacts, detail: "recapiti (verifica)", handler: s.contactsVerify},
		{pattern: "POST /posizioni/{num}/recapiti/codice", action: access.EditContacts, detail: "recapiti (nuovo codice)", handler: s.contactsResend},

		{pattern: "GET /fascicolo/notifiche", action: access.AdminOnly, handler: s.notifyTroubled},
		{pattern: "POST /fascicolo/notifiche/riprova", action: access.AdminOnly, handler: s.notifyRetry},
		{pattern: "GET /fascicolo/posta", action: access.AdminOnly, handler: s.mailList},
		{pattern: "GET /fascicolo/posta/{id}", action: access.AdminOnly, handler: s.mailMessage},
		{pattern: "GET /fascicolo/posta/{id}/html", action: access.AdminOnly, handler: s.mailHTML},
	}
}
