package web

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
)

// sitRowsTemplate is the rows of a year's table as the situazione's
// template wrote them before sitRows: the reference sitRows must equal.
const sitRowsTemplate = `{{$n := .N}}{{range .Items}}
  <tr>
    <th scope="row">{{.Kind}} <span class="d-block small fw-normal">{{.Person}}</span></th>
    <td>{{.DueDate}}</td>
    <td class="text-end text-nowrap">{{.Amount}}{{with .SanctionNote}}<span class="d-block small">{{.}}</span>{{end}}</td>
    <td class="text-end text-nowrap">{{.Paid}}</td>
    <td class="text-end text-nowrap">{{.Residual}}{{with .OverpaidNote}}<span class="d-block small">{{.}}</span>{{end}}</td>
    <td>{{.Status}}{{if .Settlement}}<span class="d-block small">{{t "ledger.sit.settlement_short"}}</span>{{end}}</td>
  </tr>
  <tr class="drill"><td colspan="6">
    <details>
      <summary>{{t "ledger.sit.detail"}} <span class="visually-hidden">{{.Summary}}</span></summary>
      <ul class="mt-2">
        {{range .Lines}}<li>{{.Text}}
          {{with .Allocations}}<ul>{{range .}}<li>{{.}}</li>{{end}}</ul>{{else}}<span class="d-block small">{{t "ledger.sit.no_payment"}}</span>{{end}}
        </li>
        {{end}}
      </ul>
      {{range .Notices}}<p class="mb-1">{{.Kind}} <a href="/posizioni/{{$n}}/avvisi/{{.ID}}">{{.Number}}</a> {{.IssuedOn}}</p>{{end}}
      {{with .PayURL}}<p class="mb-1"><a href="{{.}}">{{t "ledger.f24.download"}}</a></p>{{end}}
    </details>
  </td></tr>
  {{end}}`

// TestSituationRowsAreWhatTheTemplateRendered writes items covering every
// branch of a row — notes, settlement, lines with and without
// allocations, notices, a link to pay, texts that need escaping — with
// sitRows and with the template it replaces, in both languages: the same
// HTML but for whitespace between tags and html/template's "&#43;".
func TestSituationRowsAreWhatTheTemplateRendered(t *testing.T) {
	c, err := NewCatalog()
	if err != nil {
		t.Fatal(err)
	}
	items := []sitItemView{
		{Kind: "Rata 1", Person: "Mario Rossi", DueDate: "16/05/2025", Summary: "Rata 1 16/05/2025 Mario Rossi",
			Amount: "1.137,43", Paid: "0,00", Residual: "1.137,43", Status: "Scaduta",
			Lines:  []sitLineView{{Text: "Quota: 1.137,43 · Scadenza 16/05/2025 · Pagato 0,00"}},
			PayURL: template.URL("/posizioni/10000001/f24.pdf?due=12&due=13")},
		{Kind: `Sanzione <civile> & "altro"`, Person: "D'Angelo Anna", DueDate: "20/08/2025", Summary: "s'ummary + 1",
			Amount: "50,00", SanctionNote: "di cui sanzioni 10,00 + interessi", Paid: "60,00", Residual: "0,00",
			OverpaidNote: "versati in più 10,00", Status: "Pagata", Settlement: true,
			Lines: []sitLineView{{Text: "Quota: 40,00", Allocations: []string{"Versamento del 01/09/2025 (CF) 30,00 (per codice)", "<b>x</b>"}},
				{Text: "Correzione: 10,00 · motivo \"rettifica\""}},
			Notices: []sitNoticeView{{Kind: "Avviso bonario", ID: 42, Number: "AB-2025-0000042", IssuedOn: "del 01/10/2025"},
				{Kind: "Avviso di addebito", ID: 43, Number: "AA<2025>", IssuedOn: "del 01/11/2025"}}},
	}
	for _, lang := range Languages {
		loc := c.Localizer(lang)
		ref := template.Must(template.New("rows").Funcs(template.FuncMap{"t": func(id string) string { return loc.T(id) }}).
			Parse(sitRowsTemplate))
		var want bytes.Buffer
		if err := ref.Execute(&want, map[string]any{"N": "10000001", "Items": items}); err != nil {
			t.Fatal(err)
		}
		got := string(sitRows("10000001", newSitRowLabels(loc), items))
		if normHTML(got) != normHTML(want.String()) {
			t.Errorf("%s:\n%s", lang, firstDifference(normHTML(want.String()), normHTML(got)))
		}
		for _, must := range []string{"&lt;civile&gt; &amp; &#34;altro&#34;", "due=12&amp;due=13", "/posizioni/10000001/avvisi/43", "AA&lt;2025&gt;"} {
			if !strings.Contains(got, must) {
				t.Errorf("%s: the rows lack %q", lang, must)
			}
		}
	}
}
