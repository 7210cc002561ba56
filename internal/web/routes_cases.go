package web

import "github.com/cassetto-dev/cassetto/internal/access"

// caseRoutes are the requests between contributors and their office: the
// contributor's history, new request, thread, reply and reopening on his
// position (reading: access.ViewPosition; writing: access.SendRequests,
// the titolare or a full-scope intermediary), and the office's queue and
// case pages in the Fascicolo, where each case is checked against the
// operator's office and every read is written to the access log; there
// staff put a case in attesa del contribuente with a question (attesa) or
// take it back (ripresa), and also open a communication to a position
// (?posizione=, operators only for their office's positions).
func (s *Server) caseRoutes() []route {
	return []route{
		{pattern: "GET /posizioni/{num}/richieste", action: access.ViewPosition, detail: "richieste", handler: s.casesPage},
		{pattern: "GET /posizioni/{num}/richieste/nuova", action: access.SendRequests, detail: "richieste (nuova)", handler: s.caseNewForm},
		{pattern: "POST /posizioni/{num}/richieste", action: access.SendRequests, detail: "richieste (invio)", handler: s.caseCreate},
		{pattern: "GET /posizioni/{num}/richieste/{id}", action: access.ViewPosition, detail: "richiesta", handler: s.casePage},
		{pattern: "POST /posizioni/{num}/richieste/{id}/messaggi", action: access.SendRequests, detail: "richiesta (messaggio)", handler: s.caseReply},
		{pattern: "POST /posizioni/{num}/richieste/{id}/riapertura", action: access.SendRequests, detail: "richiesta (riapertura)", handler: s.caseReopen},
		{pattern: "GET /posizioni/{num}/richieste/{id}/allegati/{att}", action: access.ViewPosition, detail: "richiesta (allegato)", handler: s.caseAttachment},

		{pattern: "GET /fascicolo/pratiche", action: access.StaffOnly, handler: s.queuePage},
		{pattern: "GET /fascicolo/pratiche/nuova", action: access.StaffOnly, handler: s.officeMessageForm},
		{pattern: "POST /fascicolo/pratiche/nuova", action: access.StaffOnly, handler: s.officeMessageCreate},
		{pattern: "GET /fascicolo/pratiche/{id}", action: access.StaffOnly, handler: s.staffCasePage},
		{pattern: "POST /fascicolo/pratiche/{id}/presa-in-carico", action: access.StaffOnly, handler: s.staffAct(actTake)},
		{pattern: "POST /fascicolo/pratiche/{id}/risposta", action: access.StaffOnly, handler: s.staffAct(actReply)},
		{pattern: "POST /fascicolo/pratiche/{id}/nota", action: access.StaffOnly, handler: s.staffAct(actNote)},
		{pattern: "POST /fascicolo/pratiche/{id}/chiusura", action: access.StaffOnly, handler: s.staffAct(actClose)},
		{pattern: "POST /fascicolo/pratiche/{id}/trasferimento", action: access.StaffOnly, handler: s.staffAct(actTransfer)},
		{pattern: "POST /fascicolo/pratiche/{id}/attesa", action: access.StaffOnly, handler: s.staffAct(actWait)},
		{pattern: "POST /fascicolo/pratiche/{id}/ripresa", action: access.StaffOnly, handler: s.staffAct(actResume)},
		{pattern: "GET /fascicolo/pratiche/{id}/allegati/{att}", action: access.StaffOnly, handler: s.staffCaseAttachment},
	}
}
