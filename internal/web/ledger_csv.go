package web

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/money"
)

// The CSV exports are written for the spreadsheet Italian users open them
// with: UTF-8 with a byte-order mark (so Excel reads the accents), ";"
// between fields and a decimal comma without thousands separators
// ("1234,56"), dates as 16/05/2025. Every export has a header row and one
// row per record, no totals, so that it can be summed and filtered.
const csvBOM = "\ufeff"

// writeCSV sends rows as a CSV attachment named filename.
func (s *Server) writeCSV(w http.ResponseWriter, r *http.Request, filename string, rows [][]string) {
	var buf bytes.Buffer
	buf.WriteString(csvBOM)
	cw := csv.NewWriter(&buf)
	cw.Comma = ';'
	cw.UseCRLF = true
	for _, row := range rows {
		if err := cw.Write(row); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+filename+`"`)
	w.Header().Set("Cache-Control", "private, no-store")
	_, _ = buf.WriteTo(w)
}

// csvAmount formats c with a decimal comma and no grouping: "-1234,56".
func csvAmount(c money.Cents) string { return strings.Replace(c.String(), ".", ",", 1) }

// csvText neutralises a text a spreadsheet would read as a formula.
func csvText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
