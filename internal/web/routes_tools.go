package web

// toolRoutes are the utilities, the deadlines with their calendar feed and
// the news.
func (s *Server) toolRoutes() []route {
	return nil
}
