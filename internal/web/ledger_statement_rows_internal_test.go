package web

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// statementTemplate is a person's bars and table rows as the estratto
// conto's template wrote them before statementBars and statementRows.
const statementTemplate = `{{define "bars"}}{{range .Bars}}
  <rect x="{{.X}}" y="{{.InsuredY}}" width="{{.W}}" height="{{.InsuredH}}" fill="#ffffff" stroke="#5c6f82" stroke-width="1.5"/>
  <rect x="{{.X}}" y="{{.CreditedY}}" width="{{.W}}" height="{{.CreditedH}}" fill="#0066cc"/>
  <text x="{{.Mid}}" y="{{.LabelY}}" text-anchor="middle" font-size="18" fill="#17324d">{{.Credited}}/{{.Insured}}</text>
  <text x="{{.Mid}}" y="{{yearY}}" text-anchor="middle" font-size="18" fill="#17324d">{{.Year}}</text>
  {{end}}{{end}}{{define "rows"}}{{range .Years}}<tr>
    <th scope="row">{{.Year}}</th>
    <td>{{.Insured}}{{if .Insured}} ({{.InsuredFrom.F24}}–{{.InsuredTo.F24}}){{end}}</td>
    <td class="text-end text-nowrap">{{euro .Due}}</td><td class="text-end text-nowrap">{{euro .Paid}}</td>
    <td>{{if .Known}}{{.Credited}}{{if .Credited}} ({{.CreditedFrom.F24}}–{{.CreditedTo.F24}}){{end}}{{else}}{{t "ledger.stmt.unknown_year"}}{{end}}</td>
  </tr>{{end}}{{end}}`

// TestStatementRowsAreWhatTheTemplateRendered writes a person's years — a
// whole year, a part year, a year with nothing credited, a year without
// parameters, a year not insured — with statementBars and statementRows
// and with the template they replace, in both languages.
func TestStatementRowsAreWhatTheTemplateRendered(t *testing.T) {
	c, err := NewCatalog()
	if err != nil {
		t.Fatal(err)
	}
	ym := func(y, m int) contrib.YearMonth { return contrib.YearMonth{Year: y, Month: time.Month(m)} }
	p := ledger.PersonStatement{Person: ledger.PersonInfo{Name: "Mario Rossi"}, Years: []ledger.StatementYear{
		{Year: 2019, Insured: 12, InsuredFrom: ym(2019, 1), InsuredTo: ym(2019, 12), Due: 385124, Paid: 385124, Known: true,
			Credited: 12, CreditedFrom: ym(2019, 1), CreditedTo: ym(2019, 12)},
		{Year: 2020, Insured: 7, InsuredFrom: ym(2020, 6), InsuredTo: ym(2020, 12), Due: 224000, Paid: 100000, Known: true,
			Credited: 3, CreditedFrom: ym(2020, 6), CreditedTo: ym(2020, 8)},
		{Year: 2021, Insured: 12, InsuredFrom: ym(2021, 1), InsuredTo: ym(2021, 12), Due: 390000, Known: true},
		{Year: 2031, Insured: 12, InsuredFrom: ym(2031, 1), InsuredTo: ym(2031, 12), Due: 500000},
		{Year: 2032, Known: true},
	}}
	chart := newPersonChart(p)
	for _, lang := range Languages {
		loc := c.Localizer(lang)
		ref := template.Must(template.New("stmt").Funcs(template.FuncMap{
			"t": func(id string) string { return loc.T(id) }, "yearY": func() int { return chartYearY },
			"euro": func(c interface{ Italian() string }) string { return c.Italian() }}).Parse(statementTemplate))
		for _, part := range []struct {
			name string
			got  template.HTML
		}{{"bars", chart.BarsSVG}, {"rows", statementRows(loc, p.Years)}} {
			var want bytes.Buffer
			if err := ref.ExecuteTemplate(&want, part.name, chart); err != nil {
				t.Fatal(err)
			}
			if normHTML(string(part.got)) != normHTML(want.String()) {
				t.Errorf("%s, %s:\n%s", lang, part.name, firstDifference(normHTML(want.String()), normHTML(string(part.got))))
			}
		}
	}
	if !strings.Contains(string(chart.BarsSVG), ">3/7</text>") {
		t.Errorf("the 2020 bar's label is missing:\n%s", chart.BarsSVG)
	}
}
