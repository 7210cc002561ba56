package web

import "github.com/cassetto-dev/cassetto/internal/access"

// ledgerRoutes are the consultation pages of the ledger: situazione,
// estratto conto, versamenti, quote dovute, avvisi. The dashboard
// (GET /posizioni/{num}/) is in the core routes; its handler is in
// ledger_dashboard.go.
func (s *Server) ledgerRoutes() []route {
	return []route{
		{pattern: "GET /posizioni/{num}/situazione", action: access.ViewPosition, detail: "situazione debitoria", handler: s.situation},
		{pattern: "GET /posizioni/{num}/situazione.csv", action: access.ViewPosition, detail: "situazione debitoria (CSV)", handler: s.situationCSV},
		{pattern: "GET /posizioni/{num}/estratto-conto", action: access.ViewOwnStatement, detail: "estratto conto", handler: s.statement},
		{pattern: "GET /posizioni/{num}/versamenti", action: access.ViewPosition, detail: "versamenti", handler: s.payments},
		{pattern: "GET /posizioni/{num}/versamenti.csv", action: access.ViewPosition, detail: "versamenti (CSV)", handler: s.paymentsCSV},
		{pattern: "GET /posizioni/{num}/quote", action: access.ViewPosition, detail: "quote contributive dovute", handler: s.quotes},
		{pattern: "GET /posizioni/{num}/avvisi", action: access.ViewPosition, detail: "avvisi", handler: s.notices},
		{pattern: "GET /posizioni/{num}/avvisi/{id}", action: access.ViewPosition, detail: "avviso", handler: s.notice},
	}
}
