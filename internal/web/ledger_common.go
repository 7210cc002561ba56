package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"

	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// positionPath returns the path of a page of the request's position.
func positionPath(r *http.Request, page string) string {
	return "/posizioni/" + stateOf(r).position.Number + "/" + page
}

// f24URL returns the link to one F24 form for the residuals of dues (the
// download is engineer D's f24.pdf route).
func f24URL(number string, dues ...int64) template.URL {
	q := url.Values{}
	for _, id := range dues {
		q.Add("due", strconv.FormatInt(id, 10))
	}
	return template.URL("/posizioni/" + number + "/f24.pdf?" + q.Encode())
}

// ledgerRecords loads every record of the request's position.
func (s *Server) ledgerRecords(r *http.Request) (ledger.Records, error) {
	pos := stateOf(r).position // read by the gate: Records need not read it again
	return s.Ledger.RecordsAt(r.Context(), ledger.PositionInfo{ID: pos.ID, Number: pos.Number,
		Gestione: contrib.Gestione(pos.Gestione), Sede: pos.OfficeCode}, stateOf(r).version)
}

// situationOptions are the options of the situazione the pages show: as
// of today, every year.
func (s *Server) situationOptions() ledger.SituationOptions {
	return ledger.SituationOptions{AsOf: s.today()}
}

// openDues returns the ids of the lines of an item still owed: the due (or
// a correction) while capital is owed, and each sanction not paid in full.
func openDues(it ledger.Item) []int64 {
	var out []int64
	if it.CapitalResidual() > 0 {
		out = append(out, it.Due.ID)
	}
	for _, l := range it.Sanctions {
		if l.Amount > l.Paid {
			out = append(out, l.ID)
		}
	}
	return out
}
