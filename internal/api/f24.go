package api

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"

	"github.com/cassetto-dev/cassetto/internal/documents"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

// maxF24Dues bounds the dues of one request (six forms), as the portal.
const maxF24Dues = 6 * documents.LinesPerForm

// getF24 draws the F24 paying what is still owed on ?due=ID&due=ID… of
// the position: the same document as the portal's f24.pdf.
func (a *API) getF24(w http.ResponseWriter, r *http.Request, c *call) {
	ids := r.URL.Query()["due"]
	var bad []fieldError
	if len(ids) == 0 || len(ids) > maxF24Dues {
		bad = append(bad, fieldError{Name: "due", Reason: fmt.Sprintf("from 1 to %d due ids", maxF24Dues)})
	}
	pays := make([]documents.Payment, 0, len(ids))
	for _, s := range ids {
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil || id <= 0 {
			bad = append(bad, fieldError{Name: "due", Reason: "a positive integer, not " + strconv.Quote(s)})
			break
		}
		pays = append(pays, documents.Payment{DueID: id})
	}
	if len(bad) > 0 {
		a.problem(w, r, problemInvalid, "", bad)
		return
	}
	asm := &documents.Assembler{Ledger: a.Ledger, Registry: a.Registry, Params: a.Params, Institution: a.Institution}
	f, err := asm.F24(r.Context(), *c.position, a.today(), pays)
	if errs.Is(err, errs.Invalid) {
		a.problem(w, r, problemInvalid, "", []fieldError{{Name: "due", Reason: messageOf(err)}})
		return
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	meta := documents.Meta{Title: "Modello F24 — posizione " + c.position.Number,
		Subject: "Pagamento dei contributi con il modello F24, sezione INPS", Author: a.Institution, Created: a.Now()}
	var buf bytes.Buffer
	if err := documents.WriteF24(&buf, f, meta); err != nil {
		a.fail(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Disposition", `attachment; filename="F24_`+c.position.Number+`.pdf"`)
	h.Set("Cache-Control", "private, no-store")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	_, _ = buf.WriteTo(w)
}
