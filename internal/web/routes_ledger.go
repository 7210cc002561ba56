package web

// ledgerRoutes are the consultation pages of the ledger: situazione,
// estratto conto, versamenti, quote dovute, avvisi.
func (s *Server) ledgerRoutes() []route {
	return nil
}
