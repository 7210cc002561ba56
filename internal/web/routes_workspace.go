package web

// workspaceRoutes are the intermediary's workspace: every client on one
// page, its CSV and the F24s of one rate for all clients.
func (s *Server) workspaceRoutes() []route {
	return nil
}
