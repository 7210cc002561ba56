package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/money"
	"github.com/cassetto-dev/cassetto/internal/registry"
)

// calcData is the calculator page: the form and, when the input is right,
// the contribution of every person of the position.
type calcData struct {
	Year, From, To string // as typed
	Reduction      string
	Post1996       bool
	FirstYear      int
	LastYear       int
	Months         []int
	Reductions     []string
	Persons        []*calcPerson
	Params         contrib.Year
	Computed       bool
	Total          money.Cents
	QuoteURL       string
	Gestione       contrib.Gestione
	Rate           string // the full rate of the gestione, in the page's language
}

// calcPerson is one person of the calculator: the titolare or a
// collaboratore, with the income typed for him and his result.
type calcPerson struct {
	SubjectCode int
	Name        string
	Role        contrib.Role
	Birth       civil.Date
	Field       string // the name of his income field
	Income      string // as typed
	IncomeYear  int    // the year of the income pre-filled from the incomes table, 0 if none
	ValidFrom   civil.Date
	ValidTo     civil.Date
	Insured     bool // insured in the chosen year (collaboratori: by their membership dates)
	Result      contrib.Result
	Bands       calcBands
	Problem     string // message id of a problem the engine found
}

// calcBands are the bases of the breakdown per band, for information: the
// amounts come from the rules engine.
type calcBands struct {
	Minimale, Band1, Band2 money.Cents
}

var calcReductions = []string{string(contrib.None), string(contrib.Forfettario), string(contrib.Over65), string(contrib.New2025)}

func (s *Server) calculator(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	q := r.URL.Query()
	members, err := s.Registry.Members(r.Context(), st.position.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data := s.calcDefaults(st.position, q)
	data.Persons = calcPersons(st.position, members)
	if err := s.prefillIncomes(r, &data, members, q); err != nil {
		s.fail(w, r, err)
		return
	}
	problems := s.calcCompute(r, &data)
	status := http.StatusOK
	if len(problems) > 0 {
		status = http.StatusUnprocessableEntity
	}
	s.render(w, r, status, "calcolatore", &View{Title: "tools.calc.title", Nav: "calcolatore", Errors: problems, Data: &data})
}

// calcDefaults reads the form, filling what is missing from the position.
func (s *Server) calcDefaults(pos *registry.PositionView, q url.Values) calcData {
	first, last := s.Params.YearRange()
	d := calcData{FirstYear: first, LastYear: last, Reductions: calcReductions,
		QuoteURL: "/posizioni/" + pos.Number + "/quote", Gestione: contrib.Gestione(pos.Gestione)}
	for m := 1; m <= 12; m++ {
		d.Months = append(d.Months, m)
	}
	year := min(max(s.today().Year, first), last)
	d.Year = valueOr(q, "anno", strconv.Itoa(year))
	y, _ := strconv.Atoi(d.Year)
	from, to := 1, 12
	if pos.ActivityStart.Year == y {
		from = int(pos.ActivityStart.Month)
	}
	if !pos.ActivityEnd.IsZero() && pos.ActivityEnd.Year == y {
		to = int(pos.ActivityEnd.Month)
	}
	d.From, d.To = valueOr(q, "dal", strconv.Itoa(from)), valueOr(q, "al", strconv.Itoa(to))
	d.Reduction = valueOr(q, "riduzione", string(pos.Reduction))
	if d.Reduction == "" {
		d.Reduction = string(contrib.None)
	}
	d.Post1996 = pos.Post1996
	if q.Has("anno") { // a submitted form says it itself: an unticked box is absent
		d.Post1996 = q.Get("post1996") == "1"
	}
	return d
}

func valueOr(q url.Values, key, def string) string {
	if q.Has(key) {
		return q.Get(key)
	}
	return def
}

// calcPersons lists the titolare and the collaboratori of the position.
func calcPersons(pos *registry.PositionView, members []registry.MemberView) []*calcPerson {
	out := []*calcPerson{{SubjectCode: 10, Name: pos.Titolare.FullName(), Role: contrib.Titolare,
		Birth: pos.Titolare.BirthDate, Field: "reddito", ValidFrom: pos.ActivityStart, ValidTo: pos.ActivityEnd}}
	for _, m := range members {
		out = append(out, &calcPerson{SubjectCode: m.SubjectCode, Name: m.Person.FullName(), Role: contrib.Collaboratore,
			Birth: m.Person.BirthDate, Field: "reddito_" + strconv.Itoa(m.SubjectCode), ValidFrom: m.ValidFrom, ValidTo: m.ValidTo})
	}
	return out
}

// prefillIncomes sets each person's income: as typed, else the newest
// income known up to the chosen year.
func (s *Server) prefillIncomes(r *http.Request, d *calcData, members []registry.MemberView, q url.Values) error {
	st := stateOf(r)
	ids := []int64{st.position.TitolareID}
	byCode := map[int]int64{10: st.position.TitolareID}
	for _, m := range members {
		ids = append(ids, m.PersonID)
		byCode[m.SubjectCode] = m.PersonID
	}
	y, err := strconv.Atoi(d.Year)
	if err != nil {
		y = d.LastYear
	}
	known, err := s.incomes().LatestIncomes(r.Context(), ids, y)
	if err != nil {
		return err
	}
	for _, p := range d.Persons {
		if q.Has(p.Field) {
			p.Income = q.Get(p.Field)
			continue
		}
		if in, ok := known[byCode[p.SubjectCode]]; ok {
			p.Income, p.IncomeYear = strings.TrimSuffix(in.Income.Italian(), " €"), in.Year // as Italians type it: 3.045,00
		}
	}
	return nil
}

// calcCompute validates the form and computes every person's contribution;
// it returns the translated problems by field.
func (s *Server) calcCompute(r *http.Request, d *calcData) map[string]string {
	loc := s.localizer(r)
	problems := map[string]string{}
	year, err := strconv.Atoi(d.Year)
	params, ok := s.Params.Year(year)
	if err != nil || !ok {
		problems["anno"] = loc.T("tools.calc.err_year", "First", d.FirstYear, "Last", d.LastYear)
	}
	from, errF := strconv.Atoi(d.From)
	to, errT := strconv.Atoi(d.To)
	if errF != nil || errT != nil || from < 1 || to > 12 || to < from {
		problems["dal"] = loc.T("tools.calc.err_months")
	}
	if !contains(calcReductions, d.Reduction) {
		problems["riduzione"] = loc.T("tools.calc.err_reduction")
	}
	incomes := map[*calcPerson]money.Cents{}
	for _, p := range d.Persons {
		c, msg := parseIncome(p.Income)
		if msg != "" {
			problems[p.Field] = loc.T(msg)
		}
		incomes[p] = c
	}
	if len(problems) > 0 {
		return problems
	}
	d.Params = params
	d.Rate = params.Rate(d.Gestione, false).String()
	if s.catalog.Lang(r) == "it" {
		d.Rate = strings.Replace(d.Rate, ".", ",", 1)
	}
	s.calcPeople(d, year, time.Month(from), time.Month(to), incomes, problems, loc)
	return problems
}

// parseIncome reads an income: empty is no income; a wrong or negative
// amount gives the message id of the problem.
func parseIncome(s string) (money.Cents, string) {
	if s == "" {
		return 0, ""
	}
	c, err := parseAmount(s)
	switch {
	case err != nil:
		return 0, "tools.calc.err_income"
	case c < 0:
		return 0, "tools.calc.err_income_negative"
	case c > money.FromEuros(99_999_999):
		return 0, "tools.calc.err_income_large"
	}
	return c, ""
}

// calcPeople runs the engine for every person insured in the year.
func (s *Server) calcPeople(d *calcData, year int, from, to time.Month, incomes map[*calcPerson]money.Cents,
	problems map[string]string, loc *Localizer) {
	for _, p := range d.Persons {
		pf, pt, ok := insuredSpan(p, year, from, to)
		if !ok {
			continue
		}
		p.Insured = true
		in := contrib.Input{Year: year, Gestione: d.Gestione, Role: p.Role, Birth: p.Birth,
			Income: incomes[p], From: pf, To: pt, Post1996: d.Post1996, Reduction: contrib.Reduction(d.Reduction)}
		res, err := s.Params.Calc(in)
		var ie *contrib.InputError
		if errors.As(err, &ie) && ie.Field == "reduction" {
			problems["riduzione"] = loc.T("tools.calc.err_new2025")
			return
		}
		if err != nil {
			p.Problem, p.Insured = "tools.calc.err_person", false
			continue
		}
		p.Result, p.Bands = res, bandsOf(d.Params, res, incomes[p], d.Post1996)
		d.Total += res.Total
	}
	d.Computed = true
}
