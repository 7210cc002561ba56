package api

import (
	"net/http"

	"github.com/cassetto-dev/cassetto/internal/money"
)

type statement struct {
	Position string            `json:"position"`
	Insured  int               `json:"insured_months"`
	Credited int               `json:"months_credited"`
	Paid     money.Cents       `json:"paid"`
	Persons  []personStatement `json:"persons"`
}

type personStatement struct {
	Name          string          `json:"name"`
	CodiceFiscale string          `json:"codice_fiscale"`
	Insured       int             `json:"insured_months"`
	Credited      int             `json:"months_credited"`
	Paid          money.Cents     `json:"paid"`
	Years         []statementYear `json:"years"`
}

type statementYear struct {
	Year     int         `json:"year"`
	Insured  int         `json:"insured_months"`
	Credited int         `json:"months_credited"`
	Due      money.Cents `json:"due"`
	Paid     money.Cents `json:"paid"`
}

// getStatement is the estratto conto of the whole position: the API
// serves titolari and intermediaries, never a collaboratore alone.
func (a *API) getStatement(w http.ResponseWriter, r *http.Request, c *call) {
	st, err := a.Ledger.Statement(r.Context(), c.position.ID, a.Params)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := statement{Position: c.position.Number, Insured: st.Insured, Credited: st.Credited, Paid: st.Paid, Persons: []personStatement{}}
	for _, ps := range st.Persons {
		o := personStatement{Name: ps.Person.Name, CodiceFiscale: ps.Person.CodiceFiscale, Insured: ps.Insured,
			Credited: ps.Credited, Paid: ps.Paid, Years: []statementYear{}}
		for _, y := range ps.Years {
			o.Years = append(o.Years, statementYear{Year: y.Year, Insured: y.Insured, Credited: y.Credited, Due: y.Due, Paid: y.Paid})
		}
		out.Persons = append(out.Persons, o)
	}
	a.writeJSON(w, r, out)
}
