package web

// delegationRoutes are the delegation lifecycle pages: the titolare's
// delegations, the intermediary's invitations, the office's paper
// delegations.
func (s *Server) delegationRoutes() []route {
	return nil
}
