package cli

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// printLedgerView prints a read model as text, in Italian as the portal
// shows it.
func printLedgerView(w io.Writer, v any) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	switch m := v.(type) {
	case ledger.Situation:
		printSituation(tw, m)
	case ledger.Statement:
		printStatement(tw, m)
	case ledger.Quotes:
		printQuotes(tw, m)
	case ledger.PaymentPage:
		printPayments(tw, m)
	}
	return tw.Flush()
}

func printSituation(w io.Writer, s ledger.Situation) {
	fmt.Fprintf(w, "Situazione debitoria/creditoria, posizione %s (%s), al %s\n", s.Position.Number, s.Position.Gestione, s.AsOf.Italian())
	fmt.Fprintln(w, "anno\tvoce\tsoggetto\tscadenza\tdovuto\tsanzioni\tversato\tresiduo\tnote\t")
	for _, y := range s.Years {
		for _, it := range y.Items {
			fmt.Fprintf(w, "%d\t%s %s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t\n", y.Year, it.Due.Kind, it.Due.Causale, it.Due.SubjectCode,
				it.Due.DueDate.Italian(), it.Capital.Italian(), it.Sanction.Italian(), it.Paid.Italian(), it.Residual.Italian(), itemNotes(it))
		}
		fmt.Fprintf(w, "%d\ttotale\t\t\t%s\t\t%s\t%s\t\t\n", y.Year, y.Amount.Italian(), y.Paid.Italian(), y.Debt.Italian())
	}
	for _, c := range s.Credits {
		fmt.Fprintf(w, "credito\t%s\tversamento %d\t%s\t\t\t\t%s\t\t\n", c.Kind, c.PaymentID, c.PaidOn.Italian(), c.Amount.Italian())
	}
	fmt.Fprintf(w, "Debito %s, prescritto %s, rottamabile %s, credito %s, saldo %s\n", s.Debt.Italian(), s.Prescribed.Italian(),
		s.Settlement.Italian(), s.Credit.Italian(), s.Balance.Italian())
}

// itemNotes flags an item: prescribed, eligible for settlement, notified.
func itemNotes(it ledger.Item) string {
	note := ""
	if it.Prescribed {
		note += "prescritto "
	}
	if it.Settlement {
		note += "rottamabile "
	}
	for _, n := range it.Notices {
		note += n.Number + " "
	}
	return note
}

func printStatement(w io.Writer, s ledger.Statement) {
	fmt.Fprintf(w, "Estratto conto, posizione %s (%s)\n", s.Position.Number, s.Position.Gestione)
	fmt.Fprintln(w, "soggetto\tcodice fiscale\tanno\tmesi assicurati\tdovuto\tversato\tmesi accreditati\t")
	for _, p := range s.Persons {
		for _, y := range p.Years {
			fmt.Fprintf(w, "%d\t%s\t%d\t%d\t%s\t%s\t%d\t\n", p.Person.SubjectCode, p.Person.CodiceFiscale, y.Year, y.Insured,
				y.Due.Italian(), y.Paid.Italian(), y.Credited)
		}
	}
	fmt.Fprintf(w, "Mesi assicurati %d, mesi accreditati %d\n", s.Insured, s.Credited)
}

func printQuotes(w io.Writer, q ledger.Quotes) {
	fmt.Fprintf(w, "Quote contributive dovute %d, posizione %s\n", q.Year, q.Position.Number)
	fmt.Fprintln(w, "soggetto\tvoce\tcausale\tperiodo\tcodice INPS\tscadenza\timporto\tversato\tresiduo\t")
	for _, r := range q.Rates {
		fmt.Fprintf(w, "%d\t%s\t%s\t%s-%s\t%s\t%s\t%s\t%s\t%s\t\n", r.SubjectCode, r.Kind, r.Causale, r.PeriodFrom.F24(),
			r.PeriodTo.F24(), r.CodiceINPS, r.DueDate.Italian(), r.Amount.Italian(), r.Paid.Italian(), r.Residual.Italian())
	}
	fmt.Fprintf(w, "Totale %s, versato %s, residuo %s\n", q.Amount.Italian(), q.Paid.Italian(), q.Residual.Italian())
}

func printPayments(w io.Writer, p ledger.PaymentPage) {
	fmt.Fprintln(w, "data\tcausale\tperiodo\tcodice INPS\tdebito\tcredito\tripartito\tnon ripartito\t")
	for _, r := range p.Rows {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", r.PaidOn.Italian(), r.Causale, r.Period, r.CodiceINPS,
			r.Debit.Italian(), r.Credit.Italian(), r.Allocated.Italian(), r.Unallocated.Italian())
	}
	if !p.Next.IsZero() {
		fmt.Fprintf(w, "next page: --after %s\n", p.Next)
	}
}
