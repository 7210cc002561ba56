package documents

import (
	"fmt"
	"io"

	"github.com/cassetto-dev/cassetto/internal/registry"
)

// WriteLetter draws the lettera informativa into w.
func WriteLetter(w io.Writer, l Letter, m Meta) error {
	f, err := newFlow(m, fmt.Sprintf("%s — Lettera informativa %d — posizione %s", l.Head.Institution, l.Year, l.Head.Position.Number))
	if err != nil {
		return err
	}
	f.letterhead(l.Head)
	f.heading(fmt.Sprintf("Lettera informativa sui contributi dovuti per l'anno %d", l.Year), 1)
	f.pairs(positionPairs(l.Head))
	f.para(fmt.Sprintf("Gentile %s, le indichiamo i contributi previdenziali dovuti per l'anno %d sulla sua posizione, "+
		"con il codice INPS da riportare nel modello F24 per ciascuna rata.", l.Head.To, l.Year))
	if len(l.Rates) == 0 {
		f.para(fmt.Sprintf("Per l'anno %d non risultano rate sulla posizione.", l.Year))
	} else {
		f.heading("Rate dell'anno", 2)
		f.table(letterCols, letterRows(l), []string{"Totale", "", "", "", "", "", euro(l.Quote.Amount), euro(l.Quote.Residual)})
	}
	f.heading("Come pagare", 2)
	f.bullets(
		"Con il modello F24, in banca, all'ufficio postale o con l'home banking, entro la scadenza di ciascuna rata.",
		"Dal 2012 i modelli F24 non sono più spediti a casa: li può stampare dal Cassetto previdenziale, già compilati con il codice INPS di ogni rata.",
		"Le rate di saldo e acconto dei contributi sul reddito eccedente il minimale si pagano alle scadenze delle imposte sui redditi.")
	f.heading("Avvertenze", 2)
	f.bullets(
		"Il pagamento dopo la scadenza comporta le sanzioni civili previste dall'art. 116, comma 8, della legge 23 dicembre 2000, n. 388.",
		"Conservi il codice INPS di ciascuna rata: identifica il pagamento e permette di attribuirlo correttamente.",
		"Il codice INPS vale per l'importo indicato: per un pagamento parziale o con compensazione serve un nuovo codice, che può generare nel Cassetto.")
	return f.finish(w)
}

var letterCols = []col{{"Rata", 22, false}, {"Assicurato", 34, false}, {"Causale", 13, false}, {"Periodo", 28, false},
	{"Scadenza", 17, false}, {"Codice INPS", 30, false}, {"Importo", 15, true}, {"Da pagare", 15, true}}

func letterRows(l Letter) [][]string {
	rows := make([][]string, 0, len(l.Rates))
	for _, r := range l.Rates {
		rows = append(rows, []string{r.Label, r.Person.Name, r.Causale, period(r.PeriodFrom, r.PeriodTo),
			r.DueDate.Italian(), r.CodiceINPS, euro(r.Amount), euro(r.Residual)})
	}
	return rows
}

// positionPairs describes the position.
func positionPairs(h Head) [][2]string {
	g := string(h.Position.Gestione)
	if info, ok := registry.Gestioni[h.Position.Gestione]; ok {
		g = info.NameIT
	}
	return [][2]string{
		{"Posizione", h.Position.Number},
		{"Gestione", g},
		{"Sede competente", h.Office.Name + " (codice sede " + h.Office.Code + ")"},
		{"Data", h.Date.Italian()},
	}
}
