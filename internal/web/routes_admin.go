package web

import "github.com/cassetto-dev/cassetto/internal/access"

// adminRoutes are the administrators' settings of the Fascicolo: the
// topics (ambiti) of the requests and their routing rules.
func (s *Server) adminRoutes() []route {
	return []route{
		{pattern: "GET /fascicolo/ambiti", action: access.AdminOnly, handler: s.adminTopics},
		{pattern: "POST /fascicolo/ambiti", action: access.AdminOnly, handler: s.adminTopicAdd},
		{pattern: "POST /fascicolo/ambiti/modifica", action: access.AdminOnly, handler: s.adminTopicUpdate},
		{pattern: "POST /fascicolo/ambiti/stato", action: access.AdminOnly, handler: s.adminTopicActive},
	}
}
