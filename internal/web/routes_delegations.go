package web

import "github.com/cassetto-dev/cassetto/internal/access"

// delegationRoutes are the delegation lifecycle pages: the titolare's
// delegations, the intermediary's invitations, the office's paper
// delegations. The titolare's pages reuse access.ViewAccessLog, the action
// only the titolare holds. Buttons send the delegation's id in the form,
// so a missing or foreign id is a form problem (422) or not found (404).
func (s *Server) delegationRoutes() []route {
	return []route{
		{pattern: "GET /posizioni/{num}/deleghe", action: access.ViewAccessLog, detail: "deleghe", handler: s.delegationsPage},
		{pattern: "POST /posizioni/{num}/deleghe", action: access.ViewAccessLog, detail: "deleghe (conferimento)", handler: s.delegationGrant},
		{pattern: "POST /posizioni/{num}/deleghe/revoca", action: access.ViewAccessLog, detail: "deleghe (revoca)", handler: s.delegationRevoke},
		{pattern: "GET /deleghe/{id}/documento", action: access.CitizenOnly, handler: s.delegationDocumentCitizen},

		{pattern: "GET /deleghe", action: access.CitizenOnly, handler: s.invitationsPage},
		{pattern: "POST /deleghe/accetta", action: access.CitizenOnly, handler: s.invitationAct(actAccept)},
		{pattern: "POST /deleghe/rifiuta", action: access.CitizenOnly, handler: s.invitationAct(actReject)},
		{pattern: "POST /deleghe/rinuncia", action: access.CitizenOnly, handler: s.invitationAct(actRenounce)},

		{pattern: "GET /fascicolo/deleghe/cartacea", action: access.StaffOnly, handler: s.paperPage},
		{pattern: "POST /fascicolo/deleghe/cartacea", action: access.StaffOnly, handler: s.paperRegister},
		{pattern: "GET /fascicolo/deleghe/{id}/documento", action: access.StaffOnly, handler: s.delegationDocumentStaff},
	}
}
