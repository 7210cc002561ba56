package web

import (
	"fmt"
	"io"
	"net/http"
	"strconv"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/audit"
	"github.com/cassetto-dev/cassetto/internal/delegation"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

// delegationDocumentCitizen sends the scanned paper delegation to the
// titolare of its position; anyone else gets 404.
func (s *Server) delegationDocumentCitizen(w http.ResponseWriter, r *http.Request) {
	d, ok := s.delegationWithDocument(w, r)
	if !ok {
		return
	}
	if a := stateOf(r).actor; a.PersonID == 0 || a.PersonID != d.TitolareID {
		s.renderError(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	s.sendDocument(w, r, d)
}

// delegationDocumentStaff sends the scanned paper delegation to office
// staff of the position's office (administrators: any), writing the
// access log first.
func (s *Server) delegationDocumentStaff(w http.ResponseWriter, r *http.Request) {
	d, ok := s.delegationWithDocument(w, r)
	if !ok {
		return
	}
	st := stateOf(r)
	pos, err := s.Registry.Position(r.Context(), d.PositionID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	facts := access.Facts{PositionID: pos.ID, TitolareID: pos.TitolareID, OfficeCode: pos.OfficeCode}
	if !access.Allow(st.actor, access.ViewPosition, facts, s.today()) {
		s.renderError(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	e := audit.Entry{At: s.Now(), ActorKind: string(st.actor.Kind), ActorID: st.actor.StaffID, ActorLabel: st.actor.Label,
		ActingAs: st.actor.Role, PositionID: pos.ID, Action: "delegation.document",
		Detail: fmt.Sprintf("delega %d: documento cartaceo (download)", d.ID), IP: clientIP(r)}
	if err := s.Audit.Append(r.Context(), e); err != nil {
		s.fail(w, r, err)
		return
	}
	s.sendDocument(w, r, d)
}

// delegationWithDocument loads the delegation of the URL; it answers 404
// when there is none or it has no document.
func (s *Server) delegationWithDocument(w http.ResponseWriter, r *http.Request) (delegation.Delegation, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || s.Blobs == nil {
		s.renderError(w, r, http.StatusNotFound, "error.not_found")
		return delegation.Delegation{}, false
	}
	d, err := s.delegations().Store.Get(r.Context(), id)
	if errs.Is(err, errs.NotFound) || err == nil && d.Document.SHA256 == "" {
		s.renderError(w, r, http.StatusNotFound, "error.not_found")
		return d, false
	}
	if err != nil {
		s.fail(w, r, err)
		return d, false
	}
	return d, true
}

// sendDocument streams the document as an attachment: never shown inline,
// never sniffed, never cached.
func (s *Server) sendDocument(w http.ResponseWriter, r *http.Request, d delegation.Delegation) {
	rc, size, err := s.Blobs.Open(r.Context(), d.Document.SHA256)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	defer rc.Close()
	ctype := "application/pdf"
	if d.Document.Type == "p7m" {
		ctype = "application/pkcs7-mime"
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="delega-%d.%s"`, d.ID, d.Document.Type))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "private, no-store")
	h.Set("Content-Length", strconv.FormatInt(size, 10))
	if _, err := io.Copy(w, rc); err != nil {
		s.Logger.Warn("delegation document: send", "request_id", stateOf(r).requestID, "err", err)
	}
}
