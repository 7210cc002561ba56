package web

import "github.com/cassetto-dev/cassetto/internal/access"

// workspaceRoutes are the intermediary's workspace: every client on one
// page, its CSV and the F24s of one rate for all clients. They are
// CitizenOnly: the clients are those delegated to the person acting with
// the intermediary profile, and each position read for the zip is written
// to the access log as his.
func (s *Server) workspaceRoutes() []route {
	return []route{
		{pattern: "GET /intermediario", action: access.CitizenOnly, handler: s.workspacePage},
		{pattern: "GET /intermediario.csv", action: access.CitizenOnly, handler: s.workspaceCSV},
		{pattern: "GET /intermediario/f24.zip", action: access.CitizenOnly, handler: s.workspaceZip},
	}
}
