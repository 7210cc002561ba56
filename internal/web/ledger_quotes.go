package web

import (
	"html/template"
	"net/http"
	"slices"

	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// quotesData is the page of the quote contributive dovute and the data of
// the F24 forms (M6c, M8): every rate of the current and past years.
type quotesData struct {
	Years    []ledger.Quotes // newest first
	Open     int             // rates still owed: the form offers them
	Residual money.Cents
	number   string
	persons  map[int64]ledger.PersonInfo
}

// Person returns a person of the position.
func (d quotesData) Person(id int64) ledger.PersonInfo { return d.persons[id] }

// F24 returns the link to the F24 of one rate.
func (d quotesData) F24(dueID int64) template.URL { return f24URL(d.number, dueID) }

func (s *Server) quotes(w http.ResponseWriter, r *http.Request) {
	rec, err := s.ledgerRecords(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	today := s.today()
	data := quotesData{number: rec.Position.Number, persons: map[int64]ledger.PersonInfo{}}
	for _, p := range rec.Persons {
		data.persons[p.ID] = p
	}
	years := recordYears(rec)
	slices.Reverse(years)
	for _, y := range years {
		if y > today.Year {
			continue // rates of a year still to come are not due yet
		}
		q := ledger.QuoteDovute(rec, y, today)
		if len(q.Rates) == 0 {
			continue
		}
		for _, rate := range q.Rates {
			if rate.Residual > 0 {
				data.Open++
			}
		}
		data.Residual += q.Residual
		data.Years = append(data.Years, q)
	}
	s.render(w, r, http.StatusOK, "quote", &View{Title: "ledger.quote.title", Nav: "quote", Data: data})
}
