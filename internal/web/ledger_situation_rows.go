package web

import (
	"html"
	"html/template"
	"strconv"
	"strings"
)

// sitRowLabels are the fixed texts of the rows of a year's table,
// translated once a page.
type sitRowLabels struct{ settlement, detail, noPayment, download string }

func newSitRowLabels(loc *Localizer) sitRowLabels {
	return sitRowLabels{settlement: loc.T("ledger.sit.settlement_short"), detail: loc.T("ledger.sit.detail"),
		noPayment: loc.T("ledger.sit.no_payment"), download: loc.T("ledger.f24.download")}
}

// sitRows writes the rows of a year's table, each item and its
// drill-down, as HTML. A year of the richest positions has dozens of
// items of twenty actions each: written by the template they were two
// thirds of the page's CPU. Every text is HTML-escaped and every link
// normalized as html/template would (TestSituationRowsAreWhatTheTemplateRendered).
func sitRows(number string, l sitRowLabels, items []sitItemView) template.HTML {
	var b strings.Builder
	b.Grow(len(items) * 1200)
	for i := range items {
		writeSitItem(&b, number, l, &items[i])
	}
	return template.HTML(b.String())
}

// writeSitItem writes an item's row and its drill-down's row.
func writeSitItem(b *strings.Builder, number string, l sitRowLabels, it *sitItemView) {
	esc := html.EscapeString
	b.WriteString("<tr>\n<th scope=\"row\">" + esc(it.Kind) + ` <span class="d-block small fw-normal">` + esc(it.Person) + "</span></th>\n")
	b.WriteString("<td>" + esc(it.DueDate) + "</td>\n")
	b.WriteString(`<td class="text-end text-nowrap">` + esc(it.Amount) + smallNote(it.SanctionNote) + "</td>\n")
	b.WriteString(`<td class="text-end text-nowrap">` + esc(it.Paid) + "</td>\n")
	b.WriteString(`<td class="text-end text-nowrap">` + esc(it.Residual) + smallNote(it.OverpaidNote) + "</td>\n")
	b.WriteString("<td>" + esc(it.Status))
	if it.Settlement {
		b.WriteString(smallNote(l.settlement))
	}
	b.WriteString("</td>\n</tr>\n<tr class=\"drill\"><td colspan=\"6\">\n<details>\n<summary>" + esc(l.detail) +
		` <span class="visually-hidden">` + esc(it.Summary) + "</span></summary>\n<ul class=\"mt-2\">\n")
	for _, ln := range it.Lines {
		b.WriteString("<li>" + esc(ln.Text) + "\n")
		if len(ln.Allocations) == 0 {
			b.WriteString(smallNote(l.noPayment))
		} else {
			b.WriteString("<ul>")
			for _, a := range ln.Allocations {
				b.WriteString("<li>" + esc(a) + "</li>")
			}
			b.WriteString("</ul>")
		}
		b.WriteString("\n</li>\n")
	}
	b.WriteString("</ul>\n")
	for _, n := range it.Notices {
		href := "/posizioni/" + number + "/avvisi/" + strconv.FormatInt(n.ID, 10)
		b.WriteString(`<p class="mb-1">` + esc(n.Kind) + ` <a href="` + esc(normalizeURL(href)) + `">` + esc(n.Number) + "</a> " +
			esc(n.IssuedOn) + "</p>")
	}
	if it.PayURL != "" {
		b.WriteString("\n" + `<p class="mb-1"><a href="` + esc(normalizeURL(string(it.PayURL))) + `">` + esc(l.download) + "</a></p>")
	}
	b.WriteString("\n</details>\n</td></tr>\n")
}

// smallNote is a note under a cell's figure, or "" for no note.
func smallNote(text string) string {
	if text == "" {
		return ""
	}
	return `<span class="d-block small">` + html.EscapeString(text) + "</span>"
}
