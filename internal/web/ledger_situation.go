package web

import (
	"html/template"
	"net/http"
	"slices"
	"strconv"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// situationData is the situazione debitoria/creditoria (M3) with what the
// drill-down needs: the persons, payments and allocations behind each line.
type situationData struct {
	Sit      ledger.Situation
	Years    []int // every year of the position, for the filter
	Year     int   // the year shown, 0 for all
	number   string
	persons  map[int64]ledger.PersonInfo
	payments map[int64]ledger.Payment
	allocs   map[int64]ledger.Allocation
}

// allocationView is one allocation of a line with its payment.
type allocationView struct {
	ledger.Allocation
	PaidOn  civil.Date
	Causale string
}

// Allocations returns the allocations of ids with their payments.
func (d *situationData) Allocations(ids []int64) []allocationView {
	out := make([]allocationView, 0, len(ids))
	for _, id := range ids {
		a := d.allocs[id]
		p := d.payments[a.PaymentID]
		out = append(out, allocationView{Allocation: a, PaidOn: p.PaidOn, Causale: p.Causale})
	}
	return out
}

// PayURL returns the link to the F24 of what the item still owes, or "".
func (d *situationData) PayURL(it ledger.Item) template.URL {
	ids := openDues(it)
	if len(ids) == 0 {
		return ""
	}
	return f24URL(d.number, ids...)
}

// newSituationData computes the situazione of rec for year (0: all).
func newSituationData(rec ledger.Records, o ledger.SituationOptions) *situationData {
	d := &situationData{number: rec.Position.Number, Sit: ledger.NewSituation(rec, o), Year: o.Year, persons: map[int64]ledger.PersonInfo{},
		payments: map[int64]ledger.Payment{}, allocs: map[int64]ledger.Allocation{}}
	for _, p := range rec.Persons {
		d.persons[p.ID] = p
	}
	for _, p := range rec.Payments {
		d.payments[p.ID] = p
	}
	for _, a := range rec.Allocations {
		d.allocs[a.ID] = a
	}
	d.Years = recordYears(rec)
	return d
}

// recordYears lists the contribution years of rec's dues, in order.
func recordYears(rec ledger.Records) []int {
	seen := map[int]bool{}
	var out []int
	for _, due := range rec.Dues {
		if !seen[due.Year] {
			seen[due.Year] = true
			out = append(out, due.Year)
		}
	}
	slices.Sort(out)
	return out
}

// parseYear reads a year filter: "" is none (0); anything but a year from
// 1990 to 2100 is invalid.
func parseYear(s string) (int, bool) {
	if s == "" {
		return 0, true
	}
	y, err := strconv.Atoi(s)
	if err != nil || len(s) != 4 || y < 1990 || y > 2100 {
		return 0, false
	}
	return y, true
}

// situation renders the situazione debitoria/creditoria, of every year or
// of the year of ?anno=; a malformed year is said beside the filter.
func (s *Server) situation(w http.ResponseWriter, r *http.Request) {
	year, ok := parseYear(r.URL.Query().Get("anno"))
	rec, err := s.ledgerRecords(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	o := s.situationOptions()
	o.Year = year
	loc := s.catalog.Localizer(s.catalog.Lang(r))
	v := &View{Title: "ledger.sit.title", Nav: "situazione", Data: newSitView(loc, newSituationData(rec, o))}
	status := http.StatusOK
	if !ok {
		status, v.Errors = http.StatusUnprocessableEntity, map[string]string{"anno": loc.T("ledger.filter.bad_year")}
	}
	s.render(w, r, status, "situazione", v)
}

// translate returns message id in the request's language.
func (s *Server) translate(r *http.Request, id string) string {
	return s.catalog.Localizer(s.catalog.Lang(r)).T(id)
}

// situationCSV exports the items of the situazione (of ?anno= when given),
// one row per item.
func (s *Server) situationCSV(w http.ResponseWriter, r *http.Request) {
	year, ok := parseYear(r.URL.Query().Get("anno"))
	if !ok {
		s.renderError(w, r, http.StatusUnprocessableEntity, "ledger.filter.bad_year")
		return
	}
	rec, err := s.ledgerRecords(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	o := s.situationOptions()
	o.Year = year
	d := newSituationData(rec, o)
	loc := s.catalog.Localizer(s.catalog.Lang(r))
	rows := [][]string{{loc.T("ledger.col.year"), loc.T("ledger.col.person"), loc.T("ledger.col.cf"), loc.T("ledger.col.item"),
		loc.T("ledger.col.causale"), loc.T("ledger.col.period"), loc.T("ledger.col.due_date"), loc.T("ledger.col.codeline"),
		loc.T("ledger.col.capital"), loc.T("ledger.col.sanctions"), loc.T("ledger.col.amount"), loc.T("ledger.col.paid"),
		loc.T("ledger.col.residual"), loc.T("ledger.col.overpaid"), loc.T("ledger.col.status")}}
	for _, y := range d.Sit.Years {
		for _, it := range y.Items {
			p := d.persons[it.Due.PersonID]
			rows = append(rows, []string{strconv.Itoa(y.Year), csvText(p.Name), p.CodiceFiscale,
				loc.T("ledger.kind." + string(it.Due.Kind)), it.Due.Causale,
				it.Due.PeriodFrom.F24() + "-" + it.Due.PeriodTo.F24(), it.Due.DueDate.Italian(), it.Due.Codeline,
				csvAmount(it.Capital), csvAmount(it.Sanction), csvAmount(it.Amount), csvAmount(it.Paid),
				csvAmount(it.Residual), csvAmount(it.Overpaid), loc.T("ledger.status." + it.Status())})
		}
	}
	name := "situazione_" + rec.Position.Number
	if year != 0 {
		name += "_" + strconv.Itoa(year)
	}
	s.writeCSV(w, r, name+".csv", rows)
}
