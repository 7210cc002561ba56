package web

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strconv"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/documents"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// assembler returns the documents' assembler on the server's stores.
func (s *Server) assembler() *documents.Assembler {
	return &documents.Assembler{Ledger: s.Ledger, Registry: s.Registry, Params: s.Params, Institution: s.site.Institution}
}

// requestAssembler is assembler for a position route: the records of the
// request's position come as a ledger page's do (ledgerRecords: from
// memory under the version the gate read), the rest from the stores.
func (s *Server) requestAssembler(r *http.Request) *documents.Assembler {
	a := s.assembler()
	a.Ledger = requestLedger{s: s, r: r}
	return a
}

// requestLedger is the documents' Ledger of one request.
type requestLedger struct {
	s *Server
	r *http.Request
}

// Records returns every record of the request's position through
// ledgerRecords, and any other position's or one year's from the store.
func (l requestLedger) Records(ctx context.Context, positionID int64, year int) (ledger.Records, error) {
	if pos := stateOf(l.r).position; pos != nil && pos.ID == positionID && year == 0 {
		return l.s.ledgerRecords(l.r)
	}
	return l.s.Ledger.Records(ctx, positionID, year)
}

// meta returns the PDF metadata of a document made now.
func (s *Server) meta(title, subject string) documents.Meta {
	return documents.Meta{Title: title, Subject: subject, Author: s.site.Institution, Created: s.Now()}
}

// sendPDF draws a document with draw into a buffer, then sends it as an
// attachment: a drawing error never sends half a file.
func (s *Server) sendPDF(w http.ResponseWriter, r *http.Request, filename string, draw func(*bytes.Buffer) error) {
	var buf bytes.Buffer
	if err := draw(&buf); err != nil {
		s.fail(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Disposition", `attachment; filename="`+filename+`"`)
	h.Set("Cache-Control", "private, no-store")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	_, _ = buf.WriteTo(w)
}

// idParam reads a positive id from the path; an errs.NotFound error
// otherwise (a malformed id names nothing).
func idParam(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, errs.E(errs.NotFound, "error.not_found")
	}
	return id, nil
}

// letterPDF serves the lettera informativa of a year.
func (s *Server) letterPDF(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	year, err := strconv.Atoi(r.PathValue("anno"))
	if err != nil || year < 2000 || year > s.today().Year+1 {
		s.fail(w, r, errs.E(errs.NotFound, "documents.error.year"))
		return
	}
	l, err := s.requestAssembler(r).Letter(r.Context(), *st.position, year, s.today())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	title := fmt.Sprintf("Lettera informativa %d — posizione %s", year, st.position.Number)
	s.sendPDF(w, r, fmt.Sprintf("Lettera_%s_%d.pdf", st.position.Number, year), func(b *bytes.Buffer) error {
		return documents.WriteLetter(b, l, s.meta(title, "Contributi dovuti e codici INPS delle rate"))
	})
}

// noticePDF serves the PDF of a notice of the position.
func (s *Server) noticePDF(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r, "id")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.sendNotice(w, r, id)
}

// sendNotice sends notice id of the request's position as PDF.
func (s *Server) sendNotice(w http.ResponseWriter, r *http.Request, id int64) {
	st := stateOf(r)
	n, err := s.requestAssembler(r).Notice(r.Context(), *st.position, id, s.today())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.sendPDF(w, r, noticeFilename(n), func(b *bytes.Buffer) error {
		return documents.WriteNotice(b, n, s.meta(n.Title(), "Avviso sulla posizione "+st.position.Number))
	})
}

// noticeFilename names a notice's file: Avviso_bonario_10000002_AB-2026-0000001.pdf.
func noticeFilename(n documents.Notice) string {
	kind := "Avviso_bonario"
	if n.Summary.Kind == ledger.AvvisoAddebito {
		kind = "Avviso_addebito"
	}
	return fmt.Sprintf("%s_%s_%s.pdf", kind, n.Head.Position.Number, n.Summary.Number)
}

// statementPDF serves the estratto conto; a collaboratore gets only his
// own rows (M10).
func (s *Server) statementPDF(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	var only int64
	if st.actor.Kind == access.Citizen && st.actor.Profile == access.Self && !st.actor.IsTitolareOf(st.facts) {
		only = st.actor.PersonID
	}
	doc, err := s.requestAssembler(r).Statement(r.Context(), *st.position, s.today(), only)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	title := "Estratto conto previdenziale — posizione " + st.position.Number
	s.sendPDF(w, r, fmt.Sprintf("Estratto_conto_%s.pdf", st.position.Number), func(b *bytes.Buffer) error {
		return documents.WriteStatement(b, doc, s.meta(title, "Mesi accreditati per anno"))
	})
}

// dossierPDF serves the stampa fascicolo.
func (s *Server) dossierPDF(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	d, err := s.requestAssembler(r).Dossier(r.Context(), *st.position, s.today())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	title := "Fascicolo della posizione " + st.position.Number
	s.sendPDF(w, r, fmt.Sprintf("Fascicolo_%s.pdf", st.position.Number), func(b *bytes.Buffer) error {
		return documents.WriteDossier(b, d, s.meta(title, "Anagrafica, situazione, estratto conto, versamenti e avvisi"))
	})
}
