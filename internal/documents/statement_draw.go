package documents

import (
	"fmt"
	"io"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// WriteStatement draws the estratto conto into w.
func WriteStatement(w io.Writer, s Statement, m Meta) error {
	f, err := newFlow(m, fmt.Sprintf("%s — Estratto conto previdenziale — posizione %s", s.Head.Institution, s.Head.Position.Number))
	if err != nil {
		return err
	}
	f.letterhead(s.Head)
	f.heading("Estratto conto previdenziale", 1)
	f.pairs(positionPairs(s.Head))
	drawStatement(f, s.Statement)
	f.note("I mesi accreditati sono calcolati sui contributi versati (senza maternità, sanzioni e interessi): " +
		"se è stato versato meno del contributo sul minimale, i mesi sono accreditati in proporzione (legge 335/1995, art. 2, comma 29).")
	return f.finish(w)
}

// drawStatement writes one table per person, then the totals.
func drawStatement(f *flow, st ledger.Statement) {
	if len(st.Persons) == 0 {
		f.para("Non risultano ancora contributi sulla posizione.")
		return
	}
	for _, p := range st.Persons {
		f.heading(fmt.Sprintf("%s — codice fiscale %s", p.Person.Name, p.Person.CodiceFiscale), 3)
		rows := make([][]string, 0, len(p.Years))
		for _, y := range p.Years {
			rows = append(rows, []string{fmt.Sprint(y.Year), fmt.Sprint(y.Insured), period(y.InsuredFrom, y.InsuredTo),
				euro(y.Due), euro(y.Paid), fmt.Sprint(y.Credited), period(y.CreditedFrom, y.CreditedTo)})
		}
		f.table(statementCols, rows, []string{"Totale", fmt.Sprint(p.Insured), "", "", euro(p.Paid), fmt.Sprint(p.Credited), ""})
	}
	f.pairs([][2]string{{"Mesi assicurati", fmt.Sprint(st.Insured)}, {"Mesi accreditati", fmt.Sprint(st.Credited)},
		{"Contributi versati", euro(st.Paid)}})
}

var statementCols = []col{{"Anno", 14, false}, {"Mesi assic.", 17, true}, {"Periodo assicurato", 34, false},
	{"Dovuto", 24, true}, {"Versato", 24, true}, {"Mesi accr.", 17, true}, {"Periodo accreditato", 44, false}}
