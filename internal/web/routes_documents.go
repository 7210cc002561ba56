package web

import "github.com/cassetto-dev/cassetto/internal/access"

// documentRoutes are the PDF downloads and the atti emessi.
func (s *Server) documentRoutes() []route {
	return []route{
		{pattern: "GET /posizioni/{num}/f24.pdf", action: access.ViewPosition, detail: "modello F24 (PDF)", handler: s.f24PDF},
		{pattern: "GET /posizioni/{num}/lettera/{anno}", action: access.ViewPosition, detail: "lettera informativa (PDF)", handler: s.letterPDF},
		{pattern: "GET /posizioni/{num}/avvisi/{id}/pdf", action: access.ViewPosition, detail: "avviso (PDF)", handler: s.noticePDF},
		{pattern: "GET /posizioni/{num}/estratto-conto.pdf", action: access.ViewOwnStatement, detail: "estratto conto (PDF)", handler: s.statementPDF},
		{pattern: "GET /posizioni/{num}/fascicolo.pdf", action: access.ViewPosition, detail: "stampa fascicolo (PDF)", handler: s.dossierPDF},
		{pattern: "GET /posizioni/{num}/atti", action: access.ViewPosition, detail: "atti emessi", handler: s.attiPage},
		{pattern: "GET /posizioni/{num}/atti/{id}", action: access.ViewPosition, detail: "atto emesso (download)", handler: s.attoDownload},
	}
}
