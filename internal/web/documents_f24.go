package web

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"

	"github.com/cassetto-dev/cassetto/internal/documents"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// maxF24Dues bounds the dues of one request (six forms).
const maxF24Dues = 6 * documents.LinesPerForm

// f24PDF serves the F24 for ?due=ID[&due=ID…] (what is still owed on
// each) or ?due=ID&importo=123.45 (a chosen amount of one due).
func (s *Server) f24PDF(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	pays, err := f24Query(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f, err := s.requestAssembler(r).F24(r.Context(), *st.position, s.today(), pays)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	title := "Modello F24 — posizione " + st.position.Number
	s.sendPDF(w, r, f24Filename(f), func(b *bytes.Buffer) error {
		return documents.WriteF24(b, f, s.meta(title, "Pagamento dei contributi con il modello F24, sezione INPS"))
	})
}

// f24Query reads the dues and the amount of the request.
func f24Query(r *http.Request) ([]documents.Payment, error) {
	q := r.URL.Query()
	ids := q["due"]
	if len(ids) == 0 || len(ids) > maxF24Dues {
		return nil, errs.E(errs.Invalid, "documents.error.due_count")
	}
	pays := make([]documents.Payment, 0, len(ids))
	for _, s := range ids {
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil || id <= 0 {
			return nil, errs.E(errs.NotFound, "documents.error.due_not_found")
		}
		pays = append(pays, documents.Payment{DueID: id})
	}
	if raw, ok := q["importo"]; ok {
		if len(pays) != 1 || len(raw) != 1 {
			return nil, errs.E(errs.Invalid, "documents.error.amount_one_due")
		}
		amount, err := money.Parse(raw[0])
		if err != nil {
			amount, err = money.ParseItalian(raw[0])
		}
		if err != nil || amount <= 0 {
			return nil, errs.E(errs.Invalid, "documents.error.amount_range")
		}
		pays[0].Amount = amount
	}
	return pays, nil
}

// f24Filename names the file after the position, the year and the rate
// when the form pays one rate: F24_10000002_2025_rata2.pdf.
func f24Filename(f documents.F24) string {
	name := "F24_" + f.Position
	if len(f.Lines) > 0 {
		first := f.Lines[0]
		same := true
		for _, l := range f.Lines {
			same = same && l.Year == first.Year && l.Kind == first.Kind
		}
		name += fmt.Sprintf("_%d", first.Year)
		if same {
			name += "_" + string(first.Kind)
		}
	}
	return name + ".pdf"
}
