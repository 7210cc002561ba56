package documents

import (
	"fmt"
	"io"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// WriteNotice draws the notice into w.
func WriteNotice(w io.Writer, n Notice, m Meta) error {
	f, err := newFlow(m, fmt.Sprintf("%s — %s — posizione %s", n.Head.Institution, n.Title(), n.Head.Position.Number))
	if err != nil {
		return err
	}
	f.letterhead(n.Head)
	f.heading(n.Title(), 1)
	s := n.Summary
	kv := append(positionPairs(n.Head)[:3], [2]string{"Numero", s.Number}, [2]string{"Data di emissione", s.IssuedOn.Italian()},
		[2]string{"Da pagare entro il", s.Deadline.Italian()})
	if n.Parent != "" {
		kv = append(kv, [2]string{"Avviso bonario precedente", n.Parent})
	}
	f.pairs(kv)
	if s.Kind == ledger.AvvisoAddebito {
		f.para("Questo avviso di addebito ha valore di titolo esecutivo per i contributi indicati, non pagati dopo l'avviso bonario. " +
			"Deve essere pagato entro 60 giorni dalla notifica: trascorso il termine, la riscossione passa all'agente della riscossione, " +
			"che procede all'esecuzione forzata. Contro l'avviso è ammessa opposizione entro 40 giorni dalla notifica.")
	} else {
		f.para("Dai nostri archivi risultano non pagati, in tutto o in parte, i contributi indicati qui sotto, con le sanzioni civili " +
			"calcolate alla data dell'avviso. Entro 30 giorni può pagare, chiedere una rateazione oppure dimostrare di aver già pagato.")
	}
	f.heading("Importi richiesti", 2)
	rows := make([][]string, 0, len(n.Items))
	for _, it := range n.Items {
		rows = append(rows, []string{fmt.Sprintf("%s %d", it.Label, it.Year), it.Person, it.Causale, it.From + " – " + it.To,
			it.DueDate.Italian(), it.CodiceINPS, euro(it.Capital), euro(it.Sanction)})
	}
	f.table(noticeCols, rows, []string{"Totale", "", "", "", "", "", euro(s.Capital), euro(s.Sanctions)})
	f.pairs([][2]string{{"Totale richiesto", euro(n.Total)}, {"Ancora dovuto oggi", euro(s.Owed)}})
	f.heading("Come pagare o chiedere una rateazione", 2)
	f.bullets(
		"Paghi con il modello F24 stampato dal Cassetto previdenziale: ogni rata ha il suo codice INPS; le sanzioni si pagano con la stessa riga.",
		"Se non può pagare in un'unica soluzione, può chiedere alla sede competente una rateazione (dilazione amministrativa) in rate mensili, con gli interessi di dilazione.",
		"Se ha già pagato, invii alla sede la ricevuta del modello F24.")
	f.heading("Prescrizione", 2)
	f.note("I contributi si prescrivono in cinque anni dalla scadenza. Questo avviso interrompe la prescrizione: il termine di cinque anni ricomincia dalla sua data.")
	return f.finish(w)
}

var noticeCols = []col{{"Rata", 24, false}, {"Assicurato", 32, false}, {"Causale", 13, false}, {"Periodo", 28, false},
	{"Scadenza", 17, false}, {"Codice INPS", 30, false}, {"Contributi", 15, true}, {"Sanzioni", 15, true}}
