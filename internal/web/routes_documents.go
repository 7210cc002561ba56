package web

// documentRoutes are the PDF downloads and the atti emessi.
func (s *Server) documentRoutes() []route {
	return nil
}
