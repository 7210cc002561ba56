package web

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// paymentsData is the list of payments (M5): a page of it, filtered.
type paymentsData struct {
	Form     paymentForm
	Causali  []string
	Rows     []paymentView
	Body     template.HTML // the rows as HTML (paymentRows)
	Next     template.URL  // the next page, "" on the last
	First    template.URL  // the first page, "" when on it
	CSV      template.URL
	Filtered bool
}

// filterInput is what the template "ledger_input" renders: a labelled
// text input with a hint and its problem, if any.
type filterInput struct {
	V                               *View
	Name, Label, Value, Hint, Error string
}

// Input returns the view of one text input of the filter form.
func (paymentsData) Input(v *View, name, label, value, hint string) filterInput {
	return filterInput{V: v, Name: name, Label: label, Value: value, Hint: hint, Error: v.FieldError(name)}
}

// paymentView is a payment with the dues it paid.
type paymentView struct {
	ledger.PaymentRow
	Allocs []allocatedDue
}

// allocatedDue is one allocation of a payment and the due it went to.
type allocatedDue struct {
	ledger.Allocation
	Due ledger.Due
}

func (s *Server) payments(w http.ResponseWriter, r *http.Request) {
	f, form, bad := parsePaymentFilter(r.URL.Query(), gestioneOf(r))
	base := positionPath(r, "versamenti")
	data := paymentsData{Form: form, Causali: causali(gestioneOf(r)), Filtered: len(form.query()) > 0,
		CSV: template.URL(positionPath(r, "versamenti.csv") + "?" + form.query().Encode())}
	if len(bad) > 0 {
		v := &View{Title: "ledger.pay.title", Nav: "versamenti", Data: data, Errors: map[string]string{}}
		for field, id := range bad {
			v.Errors[field] = s.translate(r, id)
		}
		s.render(w, r, http.StatusUnprocessableEntity, "versamenti", v)
		return
	}
	rec, err := s.ledgerRecords(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page, err := ledger.PaymentsPage(rec, f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data.Rows = paymentViews(rec, page.Rows)
	data.Body = paymentRows(s.localizer(r), data.Rows)
	if !page.Next.IsZero() {
		q := form.query()
		q.Set("pagina", page.Next.String())
		data.Next = template.URL(base + "?" + q.Encode())
	}
	if !f.After.IsZero() {
		data.First = template.URL(base + "?" + form.query().Encode())
	}
	s.render(w, r, http.StatusOK, "versamenti", &View{Title: "ledger.pay.title", Nav: "versamenti", Data: data})
}

// paymentViews adds to rows the dues of rec their allocations went to.
func paymentViews(rec ledger.Records, rows []ledger.PaymentRow) []paymentView {
	var ids []int64
	for _, p := range rows {
		ids = append(ids, p.Dues...)
	}
	dues := rec.DuesByID(ids)
	out := make([]paymentView, 0, len(rows))
	for _, p := range rows {
		v := paymentView{PaymentRow: p}
		for _, a := range p.Allocations {
			v.Allocs = append(v.Allocs, allocatedDue{Allocation: a, Due: dues[a.DueID]})
		}
		out = append(out, v)
	}
	return out
}

// paymentsCSV exports every payment the filter selects, one row each,
// with the dues it paid.
func (s *Server) paymentsCSV(w http.ResponseWriter, r *http.Request) {
	f, _, bad := parsePaymentFilter(r.URL.Query(), gestioneOf(r))
	for _, id := range bad {
		s.renderError(w, r, http.StatusUnprocessableEntity, id)
		return
	}
	rec, err := s.ledgerRecords(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f.Limit = ledger.MaxPaymentPage
	var all []ledger.PaymentRow
	for {
		page, err := ledger.PaymentsPage(rec, f)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		all = append(all, page.Rows...)
		if page.Next.IsZero() {
			break
		}
		f.After = page.Next
	}
	views := paymentViews(rec, all)
	loc := s.catalog.Localizer(s.catalog.Lang(r))
	rows := [][]string{{loc.T("ledger.col.paid_on"), loc.T("ledger.col.causale"), loc.T("ledger.col.codeline"),
		loc.T("ledger.col.sede"), loc.T("ledger.col.period"), loc.T("ledger.col.debit"), loc.T("ledger.col.credit"),
		loc.T("ledger.col.allocated"), loc.T("ledger.col.unallocated"), loc.T("ledger.col.reconciled"), loc.T("ledger.col.allocations")}}
	for _, p := range views {
		var went []string
		for _, a := range p.Allocs {
			went = append(went, loc.T("ledger.kind."+string(a.Due.Kind))+" "+strconv.Itoa(a.Due.Year)+": "+csvAmount(a.Amount))
		}
		rows = append(rows, []string{p.PaidOn.Italian(), p.Causale, p.CodiceINPS, p.CodiceSede, p.Period,
			csvAmount(p.Debit), csvAmount(p.Credit), csvAmount(p.Allocated), csvAmount(p.Unallocated),
			loc.T(yesNo(p.Reconciled)), strings.Join(went, " | ")})
	}
	s.writeCSV(w, r, "versamenti_"+stateOf(r).position.Number+".csv", rows)
}

// yesNo returns the message id of yes or no.
func yesNo(b bool) string {
	if b {
		return "ledger.yes"
	}
	return "ledger.no"
}
