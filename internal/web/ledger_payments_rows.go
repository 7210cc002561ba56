package web

import (
	"html"
	"html/template"
	"strconv"
	"strings"
)

// paymentRows writes the rows of the list of payments as HTML in loc's
// language: a page of fifty payments written by the template was nine
// tenths of the page's CPU, twenty reflective actions a row. Every text
// is HTML-escaped (TestPaymentRowsAreWhatTheTemplateRendered).
func paymentRows(loc *Localizer, rows []paymentView) template.HTML {
	esc := html.EscapeString
	sede, credit, pending := esc(loc.T("ledger.col.sede")), esc(loc.T("ledger.col.credit")), loc.T("ledger.pay.pending")
	kinds := map[string]string{}
	var b strings.Builder
	b.Grow(len(rows) * 700)
	for i := range rows {
		p := &rows[i]
		b.WriteString(`<tr id="pagamento-` + strconv.FormatInt(p.ID, 10) + "\">\n" + `<th scope="row" class="text-nowrap">` +
			esc(p.PaidOn.Italian()) + `<span class="d-block small fw-normal">` + esc(p.Payment.CodiceFiscale) + "</span></th><td>" +
			esc(p.Causale) + "</td><td>" + esc(p.Period) + "</td><td>" + esc(p.CodiceINPS) + `<span class="d-block small">` +
			sede + " " + esc(p.CodiceSede) + "</span></td>\n" + `<td class="text-end text-nowrap">` + esc(p.Debit.Italian()))
		if p.Credit != 0 {
			b.WriteString(`<span class="d-block small">` + credit + " " + esc(p.Credit.Italian()) + "</span>")
		}
		b.WriteString("</td>\n<td>")
		if len(p.Allocs) > 0 {
			b.WriteString(`<ul class="list-unstyled mb-0">`)
			for _, a := range p.Allocs {
				k, ok := kinds[string(a.Due.Kind)]
				if !ok {
					k = esc(loc.T("ledger.kind." + string(a.Due.Kind)))
					kinds[string(a.Due.Kind)] = k
				}
				b.WriteString("<li>" + k + " " + strconv.Itoa(a.Due.Year) + ": " + esc(a.Amount.Italian()) + "</li>")
			}
			b.WriteString("</ul>")
		}
		switch {
		case !p.Reconciled:
			b.WriteString("\n" + smallNote(pending))
		case p.Unallocated != 0:
			b.WriteString("\n" + smallNote(loc.T("ledger.pay.unallocated", "Amount", p.Unallocated.Italian())))
		}
		b.WriteString("</td>\n</tr>")
	}
	return template.HTML(b.String())
}
