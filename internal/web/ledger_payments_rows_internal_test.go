package web

import (
	"bytes"
	"html/template"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// paymentRowsTemplate is the rows of the list of payments as the page's
// template wrote them before paymentRows: the reference it must equal.
const paymentRowsTemplate = `{{range .}}<tr id="pagamento-{{.ID}}">
    <th scope="row" class="text-nowrap">{{date .PaidOn}}<span class="d-block small fw-normal">{{.Payment.CodiceFiscale}}</span></th><td>{{.Causale}}</td><td>{{.Period}}</td><td>{{.CodiceINPS}}<span class="d-block small">{{t "ledger.col.sede"}} {{.CodiceSede}}</span></td>
    <td class="text-end text-nowrap">{{euro .Debit}}{{if .Credit}}<span class="d-block small">{{t "ledger.col.credit"}} {{euro .Credit}}</span>{{end}}</td>
    <td>{{if .Allocs}}<ul class="list-unstyled mb-0">{{range .Allocs}}<li>{{t (print "ledger.kind." .Due.Kind)}} {{.Due.Year}}: {{euro .Amount}}</li>{{end}}</ul>{{end}}
      {{if not .Reconciled}}<span class="d-block small">{{t "ledger.pay.pending"}}</span>{{else if .Unallocated}}<span class="d-block small">{{t2 "ledger.pay.unallocated" "Amount" (euro .Unallocated)}}</span>{{end}}</td>
  </tr>{{end}}`

// TestPaymentRowsAreWhatTheTemplateRendered writes payments covering every
// branch of a row — a credit, allocations to dues of two kinds, not yet
// reconciled, an unallocated rest, texts that need escaping — with
// paymentRows and with the template it replaces, in both languages.
func TestPaymentRowsAreWhatTheTemplateRendered(t *testing.T) {
	c, err := NewCatalog()
	if err != nil {
		t.Fatal(err)
	}
	day := civil.MustParse("2025-05-16")
	row := func(id int64, cf, causale string, debit, credit, unallocated money.Cents, reconciled bool, allocs ...allocatedDue) paymentView {
		return paymentView{PaymentRow: ledger.PaymentRow{Payment: ledger.Payment{CodiceFiscale: cf}, ID: id, PaidOn: day,
			Causale: causale, CodiceINPS: "1300" + causale + "12345678", CodiceSede: "1300", Period: "01/2025-03/2025",
			Debit: debit, Credit: credit, Unallocated: unallocated, Reconciled: reconciled}, Allocs: allocs}
	}
	alloc := func(kind ledger.Kind, year int, amount money.Cents) allocatedDue {
		return allocatedDue{Allocation: ledger.Allocation{Amount: amount}, Due: ledger.Due{Kind: kind, Year: year}}
	}
	rows := []paymentView{
		row(1, "RSSMRA80A01H501U", "AF", 113743, 0, 0, true, alloc(ledger.Rata1, 2025, 100000), alloc(ledger.Sanction, 2024, 13743)),
		row(2, `<script>"x"&'y'</script>`, "CF", 5000, 1200, 0, false),
		row(3, "VRDLGU75B02F205Z", "A&P", 200000, 0, 45612, true, alloc(ledger.Rata2, 2025, 154388)),
		row(4, "BNCGNN90C03L219X", "AP", 0, 0, 0, true),
	}
	for _, lang := range Languages {
		loc := c.Localizer(lang)
		ref := template.Must(template.New("rows").Funcs(template.FuncMap{
			"t":    func(id string) string { return loc.T(id) },
			"t2":   func(id, k, v string) string { return loc.T(id, k, v) },
			"date": func(d civil.Date) string { return d.Italian() },
			"euro": func(c money.Cents) string { return c.Italian() }}).Parse(paymentRowsTemplate))
		var want bytes.Buffer
		if err := ref.Execute(&want, rows); err != nil {
			t.Fatal(err)
		}
		got := string(paymentRows(loc, rows))
		if normHTML(got) != normHTML(want.String()) {
			t.Errorf("%s:\n%s", lang, firstDifference(normHTML(want.String()), normHTML(got)))
		}
		for _, must := range []string{"&lt;script&gt;&#34;x&#34;&amp;&#39;y&#39;&lt;/script&gt;", `id="pagamento-3"`, "456,12", "A&amp;P"} {
			if !strings.Contains(got, must) {
				t.Errorf("%s: the rows lack %q", lang, must)
			}
		}
	}
}
