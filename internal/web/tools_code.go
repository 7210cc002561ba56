package web

import (
	"net/http"
	"strconv"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib/codeline"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// codeData is the page that re-generates the codice INPS of a rate for
// another amount (a partial payment or an offset).
type codeData struct {
	Options []codeOption
	DueID   string // as chosen
	Amount  string // as typed
	Result  *codeResult
}

// codeOption is a rate that can be paid: it has a codice INPS and a residual.
type codeOption struct {
	ID       int64
	Label    string
	Person   string
	DueDate  civil.Date
	Residual money.Cents
	Codeline string
}

// codeResult is the re-generated code with its decoded fields.
type codeResult struct {
	Rate     codeOption
	Amount   money.Cents
	Code     string
	Same     bool // the amount has the rate's whole euros: its own code holds
	Fields   codeline.Fields
	RataName string
	Subject  string
	Check    string
	Sede     string
	Euros    int64
	F24URL   string
}

func (s *Server) codeTool(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	rec, err := s.Ledger.Records(r.Context(), st.position.ID, 0)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	loc := s.localizer(r)
	q := r.URL.Query()
	data := &codeData{Options: codeOptions(loc, rec, s.today()), DueID: q.Get("due"), Amount: q.Get("importo")}
	problems := map[string]string{}
	if q.Has("due") || q.Has("importo") {
		problems = s.codeRegenerate(loc, rec, data)
	}
	status := http.StatusOK
	if len(problems) > 0 {
		status = http.StatusUnprocessableEntity
	}
	s.render(w, r, status, "codice_inps", &View{Title: "tools.code.title", Nav: "codice-inps", Errors: problems, Data: data})
}

// codeOptions lists the rates of rec with a codice INPS and something
// still to pay, oldest first.
func codeOptions(loc *Localizer, rec ledger.Records, today civil.Date) []codeOption {
	names := map[int]string{}
	for _, p := range rec.Persons {
		names[p.SubjectCode] = p.Name
	}
	var out []codeOption
	for _, qt := range ledger.QuoteDovute(rec, 0, today).Rates {
		if qt.CodiceINPS == "" || qt.Residual <= 0 {
			continue
		}
		out = append(out, codeOption{ID: qt.DueID, Label: dueLabel(loc, qt.Kind, dueYear(rec, qt.DueID)),
			Person: names[qt.SubjectCode], DueDate: qt.DueDate, Residual: qt.Residual, Codeline: qt.CodiceINPS})
	}
	return out
}

// dueYear returns the contribution year of due id of rec.
func dueYear(rec ledger.Records, id int64) int {
	if d, ok := findDue(rec, id); ok {
		return d.Year
	}
	return 0
}

func findDue(rec ledger.Records, id int64) (ledger.Due, bool) {
	for _, d := range rec.Dues {
		if d.ID == id {
			return d, true
		}
	}
	return ledger.Due{}, false
}

// codeRegenerate checks the chosen rate and amount and makes the code;
// it returns the translated problems by field.
func (s *Server) codeRegenerate(loc *Localizer, rec ledger.Records, data *codeData) map[string]string {
	problems := map[string]string{}
	var opt *codeOption
	if id, err := strconv.ParseInt(data.DueID, 10, 64); err == nil {
		for i := range data.Options {
			if data.Options[i].ID == id {
				opt = &data.Options[i]
			}
		}
	}
	if opt == nil {
		problems["due"] = loc.T("tools.code.err_due")
	}
	amount, err := parseAmount(data.Amount)
	switch {
	case data.Amount == "" || err != nil:
		problems["importo"] = loc.T("tools.code.err_amount")
	case amount <= 0:
		problems["importo"] = loc.T("tools.code.err_amount_positive")
	case opt != nil && amount > opt.Residual:
		problems["importo"] = loc.T("tools.code.err_amount_residual", "Residual", opt.Residual.Italian())
	}
	if len(problems) > 0 {
		return problems
	}
	due, _ := findDue(rec, opt.ID)
	code, err := ledger.Regenerate(due, rec.Position.Sede, amount)
	if err != nil {
		problems["importo"] = loc.T("tools.code.err_regenerate")
		return problems
	}
	data.Result = newCodeResult(loc, rec, *opt, amount, code)
	return problems
}

func newCodeResult(loc *Localizer, rec ledger.Records, opt codeOption, amount money.Cents, code string) *codeResult {
	f, _ := codeline.Parse(code)
	res := &codeResult{Rate: opt, Amount: amount, Code: code, Same: code == opt.Codeline, Fields: f, Check: code[15:],
		Sede: rec.Position.Sede, Euros: amount.WholeEuros(),
		F24URL: "/posizioni/" + rec.Position.Number + "/f24.pdf?due=" + strconv.FormatInt(opt.ID, 10) + "&importo=" + amount.String()}
	res.RataName = loc.T("tools.code.rata." + strconv.Itoa(f.Rata))
	res.Subject = loc.T("tools.code.subject_titolare")
	if f.Subject != 10 {
		res.Subject = loc.T("tools.code.subject_collaboratore", "N", f.Subject-10)
	}
	return res
}
