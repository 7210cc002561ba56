package web

import (
	"html"
	"html/template"
	"strconv"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// statementBars writes the bars of a person's chart as SVG: two rects and
// two labels a year, ten template actions each before
// (TestStatementRowsAreWhatTheTemplateRendered). Only numbers go in.
func statementBars(bars []chartBar) template.HTML {
	var b strings.Builder
	b.Grow(len(bars) * 420)
	n := strconv.Itoa
	for _, c := range bars {
		b.WriteString("\n" + `<rect x="` + n(c.X) + `" y="` + n(c.InsuredY) + `" width="` + n(c.W) + `" height="` + n(c.InsuredH) +
			`" fill="#ffffff" stroke="#5c6f82" stroke-width="1.5"/>` + "\n" + `<rect x="` + n(c.X) + `" y="` + n(c.CreditedY) +
			`" width="` + n(c.W) + `" height="` + n(c.CreditedH) + `" fill="#0066cc"/>` + "\n" + `<text x="` + n(c.Mid) + `" y="` +
			n(c.LabelY) + `" text-anchor="middle" font-size="18" fill="#17324d">` + n(c.Credited) + "/" + n(c.Insured) + "</text>\n" +
			`<text x="` + n(c.Mid) + `" y="` + n(chartYearY) + `" text-anchor="middle" font-size="18" fill="#17324d">` + n(c.Year) + "</text>")
	}
	return template.HTML(b.String())
}

// statementRows writes the rows of a person's table, one a year, in
// loc's language.
func statementRows(loc *Localizer, years []ledger.StatementYear) template.HTML {
	unknown := html.EscapeString(loc.T("ledger.stmt.unknown_year"))
	var b strings.Builder
	b.Grow(len(years) * 300)
	for _, y := range years {
		b.WriteString("<tr>\n<th scope=\"row\">" + strconv.Itoa(y.Year) + "</th>\n<td>" + strconv.Itoa(y.Insured))
		if y.Insured != 0 {
			b.WriteString(" (" + html.EscapeString(y.InsuredFrom.F24()) + "–" + html.EscapeString(y.InsuredTo.F24()) + ")")
		}
		b.WriteString("</td>\n" + `<td class="text-end text-nowrap">` + html.EscapeString(y.Due.Italian()) + `</td><td class="text-end text-nowrap">` +
			html.EscapeString(y.Paid.Italian()) + "</td>\n<td>")
		switch {
		case !y.Known:
			b.WriteString(unknown)
		case y.Credited != 0:
			b.WriteString(strconv.Itoa(y.Credited) + " (" + html.EscapeString(y.CreditedFrom.F24()) + "–" + html.EscapeString(y.CreditedTo.F24()) + ")")
		default:
			b.WriteString("0")
		}
		b.WriteString("</td>\n</tr>")
	}
	return template.HTML(b.String())
}
