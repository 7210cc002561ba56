package documents

import (
	"fmt"
	"io"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// WriteDossier draws the stampa fascicolo into w.
func WriteDossier(w io.Writer, d Dossier, m Meta) error {
	f, err := newFlow(m, fmt.Sprintf("%s — Fascicolo della posizione %s — %s", d.Head.Institution, d.Head.Position.Number,
		d.Head.Position.Titolare.FullName()))
	if err != nil {
		return err
	}
	f.heading("Fascicolo della posizione "+d.Head.Position.Number, 1)
	dossierRegistry(f, d)
	dossierSituation(f, d.Situation)
	f.heading("Estratto conto previdenziale", 2)
	drawStatement(f, d.Statement)
	dossierPayments(f, d.Payments)
	dossierNotices(f, d.Notices)
	return f.finish(w)
}

func dossierRegistry(f *flow, d Dossier) {
	f.heading("Anagrafica", 2)
	p, t := d.Head.Position, d.Head.Position.Titolare
	place, prov := birthplace(t.BirthplaceCode)
	kv := append(positionPairs(d.Head), [2]string{"Titolare", t.FullName()}, [2]string{"Codice fiscale", t.CodiceFiscale},
		[2]string{"Nato/a il", t.BirthDate.Italian() + " a " + place + " " + paren(prov)},
		[2]string{"Stato della posizione", string(p.Status)}, [2]string{"Inizio attività", p.ActivityStart.Italian()})
	if p.ActivityDescription != "" {
		kv = append(kv, [2]string{"Attività", p.ActivityDescription})
	}
	if d.Head.Address.Known() {
		kv = append(kv, [2]string{"Indirizzo", d.Head.Address.Line()})
	}
	f.pairs(kv)
	f.heading("Collaboratori", 3)
	if len(d.Members) == 0 {
		f.para("Nessun collaboratore.")
		return
	}
	rows := make([][]string, 0, len(d.Members))
	for _, m := range d.Members {
		to := "in corso"
		if !m.ValidTo.IsZero() {
			to = m.ValidTo.Italian()
		}
		rows = append(rows, []string{m.Person.FullName(), m.Person.CodiceFiscale, string(m.Kind), m.Relation,
			m.ValidFrom.Italian(), to})
	}
	f.table([]col{{"Nome", 44, false}, {"Codice fiscale", 38, false}, {"Qualifica", 24, false}, {"Parentela", 24, false},
		{"Dal", 22, false}, {"Al", 22, false}}, rows, nil)
}

func dossierSituation(f *flow, s ledger.Situation) {
	f.heading("Situazione debitoria e creditoria al "+s.AsOf.Italian(), 2)
	rows := make([][]string, 0, len(s.Years))
	for _, y := range s.Years {
		rows = append(rows, []string{fmt.Sprint(y.Year), euro(y.Amount), euro(y.Paid), euro(y.Debt), euro(y.Overdue), euro(y.Prescribed)})
	}
	f.table([]col{{"Anno", 24, false}, {"Dovuto", 30, true}, {"Versato", 30, true}, {"Debito", 30, true},
		{"Scaduto", 30, true}, {"Prescritto", 30, true}}, rows,
		[]string{"Totale", "", "", euro(s.Debt), euro(s.Overdue), euro(s.Prescribed)})
	f.pairs([][2]string{{"Crediti", euro(s.Credit)}, {"Saldo", euro(s.Balance)}})
}

func dossierPayments(f *flow, ps []ledger.Payment) {
	f.heading("Versamenti", 2)
	if len(ps) == 0 {
		f.para("Nessun versamento registrato.")
		return
	}
	rows := make([][]string, 0, len(ps))
	var total ledger.Payment
	for _, p := range ps {
		rows = append(rows, []string{p.PaidOn.Italian(), p.CodiceSede, p.Causale, p.CodiceINPS, period(p.PeriodFrom, p.PeriodTo),
			euro(p.Debit), euro(p.Credit)})
		total.Debit += p.Debit
		total.Credit += p.Credit
	}
	f.table([]col{{"Data", 20, false}, {"Sede", 13, false}, {"Causale", 15, false}, {"Codice INPS", 34, false},
		{"Periodo", 32, false}, {"A debito", 30, true}, {"A credito", 30, true}}, rows,
		[]string{"Totale", "", "", "", "", euro(total.Debit), euro(total.Credit)})
}

func dossierNotices(f *flow, ns []ledger.NoticeSummary) {
	f.heading("Avvisi", 2)
	if len(ns) == 0 {
		f.para("Nessun avviso emesso.")
		return
	}
	rows := make([][]string, 0, len(ns))
	for _, n := range ns {
		kind := "Avviso bonario"
		if n.Kind == ledger.AvvisoAddebito {
			kind = "Avviso di addebito"
		}
		rows = append(rows, []string{kind, n.Number, n.IssuedOn.Italian(), n.Deadline.Italian(), euro(n.Capital + n.Sanctions), euro(n.Owed)})
	}
	f.table([]col{{"Tipo", 34, false}, {"Numero", 34, false}, {"Emesso il", 24, false}, {"Scadenza", 24, false},
		{"Richiesto", 29, true}, {"Ancora dovuto", 29, true}}, rows, nil)
}
