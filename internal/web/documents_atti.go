package web

import (
	"bytes"
	"net/http"
	"time"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/documents"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// attoRow is one line of the atti emessi page.
type attoRow struct {
	ID       int64
	Title    string
	IssuedOn civil.Date
	Read     bool
	ReadAt   time.Time
}

// attiPage lists the documents issued to the position (M13), newest
// first, with whether the contributor has opened each.
func (s *Server) attiPage(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	docs, err := store.NewDocuments(s.DB).OfPosition(r.Context(), st.position.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rows := make([]attoRow, 0, len(docs))
	for _, d := range docs {
		rows = append(rows, attoRow{ID: d.ID, Title: d.Title, IssuedOn: d.IssuedOn, Read: !d.ReadAt.IsZero(), ReadAt: d.ReadAt})
	}
	s.render(w, r, http.StatusOK, "atti", &View{Title: "documents.atti.title", Nav: "atti", Data: rows})
}

// attoDownload serves a document of the position as PDF and, when the
// titolare or a delegated intermediary opens it (not office staff),
// records that it was read: once, the first time.
func (s *Server) attoDownload(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	id, err := idParam(r, "id")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	docs := store.NewDocuments(s.DB)
	d, err := docs.Get(r.Context(), st.position.ID, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if d.Kind != string(ledger.AvvisoBonario) && d.Kind != string(ledger.AvvisoAddebito) {
		s.fail(w, r, errs.E(errs.NotFound, "documents.error.kind"))
		return
	}
	n, err := s.requestAssembler(r).Notice(r.Context(), *st.position, d.RefID, s.today())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.sendPDF(w, r, noticeFilename(n), func(b *bytes.Buffer) error {
		if err := documents.WriteNotice(b, n, s.meta(n.Title(), "Avviso sulla posizione "+st.position.Number)); err != nil {
			return err
		}
		if st.actor.Kind != access.Citizen {
			return nil
		}
		_, err := docs.MarkRead(r.Context(), st.position.ID, d.ID, s.Now())
		return err
	})
}
