package web

import "github.com/cassetto-dev/cassetto/internal/access"

// associationRoutes are the pages of a trade association (deleghe
// indirette): its staff, the delegations it registers with their
// assignments, and what its staff did. They are CitizenOnly: the handlers
// answer an empty state to a person who is not an association, and act only
// on the association's own rows (a foreign id is not found).
func (s *Server) associationRoutes() []route {
	return []route{
		{pattern: "GET /associazione", action: access.CitizenOnly, handler: s.associationStaffPage},
		{pattern: "POST /associazione/personale", action: access.CitizenOnly, handler: s.associationAddStaff},
		{pattern: "POST /associazione/personale/rimuovi", action: access.CitizenOnly, handler: s.associationRemoveStaff},
		{pattern: "GET /associazione/deleghe", action: access.CitizenOnly, handler: s.associationDelegationsPage},
		{pattern: "POST /associazione/deleghe", action: access.CitizenOnly, handler: s.associationRegister},
		{pattern: "POST /associazione/deleghe/assegna", action: access.CitizenOnly, handler: s.associationAssign},
		{pattern: "POST /associazione/deleghe/disassegna", action: access.CitizenOnly, handler: s.associationUnassign},
		{pattern: "GET /associazione/deleghe/{id}/mandato", action: access.CitizenOnly, handler: s.associationMandate},
		{pattern: "GET /associazione/attivita", action: access.CitizenOnly, handler: s.associationActivityPage},
	}
}
