package web

import "github.com/cassetto-dev/cassetto/internal/access"

// apiTokenRoutes are the page where a person manages the personal access
// tokens of the JSON API (/api/v1).
func (s *Server) apiTokenRoutes() []route {
	return []route{
		{pattern: "GET /token-api", action: access.CitizenOnly, handler: s.apiTokenPage},
		{pattern: "POST /token-api", action: access.CitizenOnly, handler: s.apiTokenCreate},
		{pattern: "POST /token-api/revoca", action: access.CitizenOnly, handler: s.apiTokenRevoke},
	}
}
