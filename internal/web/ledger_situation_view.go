package web

import (
	"html/template"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// sitView is the situazione page ready to print: every amount and date
// formatted and every label translated in Go, so that the template only
// prints fields (a position has hundreds of items, and reflection over
// method calls and translations per item was most of the page's cost).
type sitView struct {
	Intro                          string
	Debt, Overdue, Credit, Balance string
	Prescribed, Settlement         string // "" when zero
	Years                          []int  // every year of the position, for the filter
	Year                           int    // the year shown, 0 for all
	Tables                         []sitYearView
	Credits                        []sitCreditView
}

// sitLabels are the labels of the lines of the drill-down, translated once.
type sitLabels struct {
	dueDate, codeline, paid string
	rows                    sitRowLabels
}

// sitYearView is one year's table.
type sitYearView struct {
	Year                    int
	Heading, Caption, Total string
	Amount, Paid, Debt      string
	Prescribed              string // "" when nothing is prescribed
	Items                   []sitItemView
	Rows                    template.HTML // the items' rows and drill-downs (sitRows)
}

// sitItemView is one item (a row and its drill-down).
type sitItemView struct {
	Kind, Person, DueDate        string
	Summary                      string // kind, due date and person: what the drill-down's summary names
	Amount, SanctionNote         string // SanctionNote: "" without sanctions
	Paid, Residual, OverpaidNote string // OverpaidNote: "" when nothing was overpaid
	Status                       string
	Settlement                   bool
	Lines                        []sitLineView // the due, its corrections, its sanctions
	Notices                      []sitNoticeView
	PayURL                       template.URL // the F24 of what is still owed, or ""
}

// sitLineView is one line of an item's drill-down: its text (label,
// amount, due date, codeline, reason, paid) and each allocation to it
// with its payment and method.
type sitLineView struct {
	Text        string
	Allocations []string
}

// sitNoticeView is one notice that named an item's due.
type sitNoticeView struct {
	Kind     string
	ID       int64
	Number   string
	IssuedOn string // "del …": the translated phrase
}

// sitCreditView is one credit of the position.
type sitCreditView struct{ Kind, PaidOn, Causale, Amount string }

// sitBuilder builds a sitView, translating each distinct label once.
type sitBuilder struct {
	loc  *Localizer
	d    *situationData
	memo map[string]string
}

// t translates prefix+suffix, once per distinct id on the page.
func (b *sitBuilder) t(prefix, suffix string) string {
	key := prefix + suffix
	if s, ok := b.memo[key]; ok {
		return s
	}
	s := b.loc.T(key)
	b.memo[key] = s
	return s
}

// t1 translates id with one argument, once per distinct value on the page.
func (b *sitBuilder) t1(id, name, value string) string {
	key := id + "\x00" + value
	if s, ok := b.memo[key]; ok {
		return s
	}
	s := b.loc.T(id, name, value)
	b.memo[key] = s
	return s
}

// optEuro formats c, or returns "" when c is zero.
func optEuro(c money.Cents) string {
	if c == 0 {
		return ""
	}
	return c.Italian()
}

// newSitView formats d in loc's language.
func newSitView(loc *Localizer, d *situationData) *sitView {
	b := &sitBuilder{loc: loc, d: d, memo: map[string]string{}}
	s := d.Sit
	l := &sitLabels{dueDate: loc.T("ledger.col.due_date"), codeline: loc.T("ledger.col.codeline"), paid: loc.T("ledger.col.paid"),
		rows: newSitRowLabels(loc)}
	v := &sitView{
		Intro: loc.T("ledger.sit.intro", "Date", s.AsOf.Italian()),
		Debt:  s.Debt.Italian(), Overdue: s.Overdue.Italian(), Credit: s.Credit.Italian(), Balance: s.Balance.Italian(),
		Prescribed: optEuro(s.Prescribed), Settlement: optEuro(s.Settlement),
		Years: d.Years, Year: d.Year,
		Tables: make([]sitYearView, 0, len(s.Years)), Credits: make([]sitCreditView, 0, len(s.Credits)),
	}
	for i := range s.Years {
		v.Tables = append(v.Tables, b.year(l, &s.Years[i]))
	}
	for _, c := range s.Credits {
		v.Credits = append(v.Credits, sitCreditView{Kind: b.t("ledger.credit.", string(c.Kind)),
			PaidOn: c.PaidOn.Italian(), Causale: c.Causale, Amount: c.Amount.Italian()})
	}
	return v
}

// year formats one year's table.
func (b *sitBuilder) year(l *sitLabels, y *ledger.YearBalance) sitYearView {
	heading := b.loc.T("ledger.sit.year", "Year", y.Year)
	out := sitYearView{Year: y.Year, Heading: heading, Caption: b.loc.T("ledger.sit.caption", "Year", y.Year),
		Total: b.loc.T("ledger.sit.year_total", "Year", y.Year), Amount: y.Amount.Italian(), Paid: y.Paid.Italian(),
		Debt: y.Debt.Italian(), Prescribed: optEuro(y.Prescribed), Items: make([]sitItemView, 0, len(y.Items))}
	for i := range y.Items {
		out.Items = append(out.Items, b.item(l, &y.Items[i]))
	}
	out.Rows = sitRows(b.d.number, l.rows, out.Items)
	return out
}

// item formats one item and its drill-down.
func (b *sitBuilder) item(l *sitLabels, it *ledger.Item) sitItemView {
	out := sitItemView{Kind: b.t("ledger.kind.", string(it.Due.Kind)), Person: b.d.persons[it.Due.PersonID].Name,
		DueDate: it.Due.DueDate.Italian(), Amount: it.Amount.Italian(), Paid: it.Paid.Italian(),
		Residual: it.Residual.Italian(), Status: b.t("ledger.status.", it.Status()), Settlement: it.Settlement,
		PayURL: b.d.PayURL(*it)}
	out.Summary = out.Kind + " " + out.DueDate + " " + out.Person
	out.Lines = make([]sitLineView, 0, 1+len(it.Corrections)+len(it.Sanctions))
	out.Lines = append(out.Lines, b.line(l, it.Due, "ledger.line.due"))
	if it.Sanction != 0 {
		out.SanctionNote = b.t1("ledger.sit.of_which_sanctions", "Amount", it.Sanction.Italian())
	}
	if it.Overpaid != 0 {
		out.OverpaidNote = b.t1("ledger.sit.overpaid", "Amount", it.Overpaid.Italian())
	}
	for _, c := range it.Corrections {
		out.Lines = append(out.Lines, b.line(l, c, "ledger.line.correction"))
	}
	for _, s := range it.Sanctions {
		out.Lines = append(out.Lines, b.line(l, s, "ledger.line.sanction"))
	}
	for _, n := range it.Notices {
		out.Notices = append(out.Notices, sitNoticeView{Kind: b.t("ledger.notice.kind.", string(n.Kind)),
			ID: n.NoticeID, Number: n.Number, IssuedOn: b.t1("ledger.sit.notice_of", "Date", n.IssuedOn.Italian())})
	}
	return out
}

// line formats one line of an item with its allocations.
func (b *sitBuilder) line(l *sitLabels, ln ledger.Line, label string) sitLineView {
	var text strings.Builder
	text.WriteString(b.t(label, "") + ": " + ln.Amount.Italian() + " · " + l.dueDate + " " + ln.DueDate.Italian())
	if ln.Codeline != "" {
		text.WriteString(" · " + l.codeline + " " + ln.Codeline)
	}
	if ln.Reason != "" {
		text.WriteString(" · " + ln.Reason)
	}
	text.WriteString(" · " + l.paid + " " + ln.Paid.Italian())
	out := sitLineView{Text: text.String()}
	if len(ln.Allocations) > 0 {
		out.Allocations = make([]string, 0, len(ln.Allocations))
	}
	for _, a := range b.d.Allocations(ln.Allocations) {
		date, amount := a.PaidOn.Italian(), a.Amount.Italian()
		key := strings.Join([]string{"ledger.sit.allocation", date, a.Causale, amount, string(a.Method)}, "\x00")
		alloc, ok := b.memo[key]
		if !ok {
			alloc = b.loc.T("ledger.sit.allocation", "Date", date, "Causale", a.Causale, "Amount", amount) +
				" (" + b.t("ledger.method.", string(a.Method)) + ")"
			b.memo[key] = alloc
		}
		out.Allocations = append(out.Allocations, alloc)
	}
	return out
}
