package web

import (
	"archive/zip"
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/audit"
	"github.com/cassetto-dev/cassetto/internal/documents"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/workspace"
)

// workspaceZip streams a zip with the F24 of rate ?rata= (1–4) of year
// ?anno= for every client that still owes something on it, one PDF per
// position (F24_10000001_2026_rata4.pdf). Each position put in the zip is
// written to the access log as read by the intermediary, before it is
// read. Bad parameters, or no client owing, are the workspace page with
// the problem beside the field (422).
func (s *Server) workspaceZip(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	year, kind, form, bad := s.parseZipQuery(r)
	var owing []registry.PositionView
	if len(bad) == 0 {
		var err error
		if owing, err = s.owingClients(r, year, kind); err != nil {
			s.fail(w, r, err)
			return
		}
		if len(owing) == 0 {
			bad["rata"] = "workspace.zip.nothing_owed"
		}
	}
	if len(bad) > 0 {
		wq, page, wform, _ := parseWorkspaceQuery(nil)
		data := workspaceData{Form: wform, Zip: form}
		s.showWorkspace(w, r, &data, wq, page, bad)
		return
	}
	rata := strings.TrimPrefix(string(kind), "rata")
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="F24_%d_rata%s.zip"`, year, rata))
	w.Header().Set("Cache-Control", "private, no-store")
	zw := zip.NewWriter(w)
	for i, pos := range owing {
		if err := s.zipF24(r, zw, pos, year, kind); err != nil {
			if i == 0 {
				w.Header().Del("Content-Disposition")
				s.fail(w, r, err) // nothing sent yet: a page
				return
			}
			// Part of the zip is sent: it is left without its central
			// directory, so the archive is unreadable rather than short.
			s.Logger.Error("workspace zip", "request_id", st.requestID, "position", pos.Number, "err", err)
			return
		}
	}
	if err := zw.Close(); err != nil {
		s.Logger.Error("workspace zip", "request_id", st.requestID, "err", err)
	}
}

// parseZipQuery reads the year and the rate of the zip; the problems are
// message ids by field.
func (s *Server) parseZipQuery(r *http.Request) (int, ledger.Kind, zipForm, map[string]string) {
	q := r.URL.Query()
	form := zipForm{Anno: strings.TrimSpace(q.Get("anno")), Rata: strings.TrimSpace(q.Get("rata"))}
	bad := map[string]string{}
	year, err := strconv.Atoi(form.Anno)
	if err != nil || year < 2000 || year > s.today().Year+1 {
		bad["anno"] = "workspace.zip.bad_year"
	}
	n, err := strconv.Atoi(form.Rata)
	if err != nil || n < 1 || n > 4 {
		bad["rata"] = "workspace.zip.bad_rata"
	}
	return year, ledger.FixedRate(n), form, bad
}

// owingClients returns the positions delegated to the intermediary now
// that still owe something on rate kind of year, by position number.
func (s *Server) owingClients(r *http.Request, year int, kind ledger.Kind) ([]registry.PositionView, error) {
	st := stateOf(r)
	if st.actor.Profile != access.Intermediary {
		return nil, nil
	}
	clients, err := store.NewWorkspace(s.DB).Clients(r.Context(), st.actor.PersonID, s.today())
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(clients))
	for i, c := range clients {
		ids[i] = c.PositionID
	}
	recs, err := s.Ledger.DeadlineRecords(r.Context(), ids)
	if err != nil {
		return nil, err
	}
	owes := map[int64]bool{}
	for _, rec := range recs {
		owes[rec.Position.ID] = workspace.OwesOnRate(rec, year, kind, s.today())
	}
	views, err := s.Delegations.DelegatedPositions(r.Context(), st.actor.PersonID, s.today())
	if err != nil {
		return nil, err
	}
	var out []registry.PositionView
	for _, v := range views {
		if owes[v.ID] {
			out = append(out, v)
		}
	}
	return out, nil
}

// zipF24 writes the access-log entry of pos, then its F24 of the rate as
// one entry of zw.
func (s *Server) zipF24(r *http.Request, zw *zip.Writer, pos registry.PositionView, year int, kind ledger.Kind) error {
	st := stateOf(r)
	rata := strings.TrimPrefix(string(kind), "rata")
	e := audit.Entry{At: s.Now(), ActorKind: string(access.Citizen), ActorID: st.actor.PersonID, ActorLabel: st.actor.Label,
		ActingAs: "intermediary", PositionID: pos.ID, Action: string(access.ViewPosition),
		Detail: fmt.Sprintf("modello F24 rata %s/%d (zip area intermediario)", rata, year), IP: clientIP(r)}
	if err := s.Audit.Append(r.Context(), e); err != nil {
		return err // no read without its record
	}
	f, err := s.assembler().F24ForRate(r.Context(), pos, s.today(), year, kind)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	title := fmt.Sprintf("Modello F24 %d %s — posizione %s", year, documents.KindLabel(kind), pos.Number)
	if err := documents.WriteF24(&buf, f, s.meta(title, "Pagamento dei contributi con il modello F24, sezione INPS")); err != nil {
		return err
	}
	out, err := zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("F24_%s_%d_rata%s.pdf", pos.Number, year, rata),
		Method: zip.Deflate, Modified: s.Now()})
	if err != nil {
		return err
	}
	_, err = buf.WriteTo(out)
	return err
}
