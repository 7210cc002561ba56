package web

import (
	"html/template"
	"net/http"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// dashboardPayments is how many of the last payments the dashboard shows.
const dashboardPayments = 5

// dashboardData is the position's dashboard: the figures of the
// situazione, the next rate, the open notices, the last payments, the
// months credited this year, and what else the actor may open.
type dashboardData struct {
	CanEditContacts bool
	CanSeeAccessLog bool
	Members         int
	Debt            money.Cents // as the situazione counts it
	Overdue         money.Cents
	Credit          money.Cents
	Next            *nextRate // nil when nothing is left to pay
	OpenNotices     int
	NoticesOwed     money.Cents
	Payments        []ledger.PaymentRow
	Year            int
	Months          []personMonths
	Unread          int  // the citizen's unread notifications on the position
	ShowUnread      bool // the actor is a citizen: staff have no notifications
}

// nextRate is the first due date still to come with something owed, and
// every contribution rate owed on it.
type nextRate struct {
	DueDate civil.Date
	Amount  money.Cents
	Rates   int
	F24     template.URL
}

// personMonths is a person's months insured and credited this year.
type personMonths struct {
	Name              string
	Insured, Credited int
}

func (s *Server) dashboard(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	rec, err := s.ledgerRecords(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	sit := ledger.NewSituation(rec, s.situationOptions())
	data := dashboardData{CanEditContacts: s.may(r, access.EditContacts), CanSeeAccessLog: s.may(r, access.ViewAccessLog),
		Members: membersOf(rec), Debt: sit.Debt, Overdue: sit.Overdue, Credit: sit.Credit,
		Payments: lastPayments(rec, dashboardPayments), Next: nextRateOf(sit, s.today(), st.position.Number),
		Year: s.today().Year, Months: monthsOfYear(ledger.NewStatementOfYear(rec, s.Params, s.today().Year), s.today().Year)}
	data.OpenNotices, data.NoticesOwed = openNotices(ledger.NoticeSummaries(sit))
	view := &View{Title: "dashboard.title", Nav: "dashboard", Data: &data}
	if data.ShowUnread = st.actor.Kind == access.Citizen; data.ShowUnread {
		data.Unread = st.unreadOn // read by the gate with the position
	}
	s.render(w, r, http.StatusOK, "dashboard", view)
}

// membersOf counts the collaboratori of the position, every one ever
// registered as Registry.Members lists them: the records hold the
// titolare and each of them, so the page needs no query of its own.
func membersOf(rec ledger.Records) int {
	n := 0
	for _, p := range rec.Persons {
		if p.SubjectCode != ledger.TitolareSubject {
			n++
		}
	}
	return n
}

// lastPayments returns the n most recent payments of the records (by date
// of payment, then id, newest first) with their allocations: what
// LedgerReader.Payments returns for a first page of n, without its two
// queries (the records hold every payment of the position and their
// allocations, in ascending order).
func lastPayments(rec ledger.Records, n int) []ledger.PaymentRow {
	out := make([]ledger.PaymentRow, 0, min(n, len(rec.Payments)))
	for i := len(rec.Payments) - 1; i >= 0 && len(out) < n; i-- {
		p := rec.Payments[i]
		var allocs []ledger.Allocation
		for _, a := range rec.Allocations {
			if a.PaymentID == p.ID {
				allocs = append(allocs, a)
			}
		}
		out = append(out, ledger.NewPaymentRow(p, allocs))
	}
	return out
}

// nextRateOf finds the first due date from today on with a contribution
// rate still owed.
func nextRateOf(sit ledger.Situation, today civil.Date, number string) *nextRate {
	var next *nextRate
	var ids []int64
	for _, y := range sit.Years {
		for _, it := range y.Items {
			owed := it.CapitalResidual()
			if !it.Due.Kind.IsContribution() || owed == 0 || it.Due.DueDate.Before(today) {
				continue
			}
			switch {
			case next == nil || it.Due.DueDate.Before(next.DueDate):
				next, ids = &nextRate{DueDate: it.Due.DueDate}, nil
			case it.Due.DueDate != next.DueDate:
				continue
			}
			next.Amount += owed
			next.Rates++
			ids = append(ids, it.Due.ID)
		}
	}
	if next != nil {
		next.F24 = f24URL(number, ids...)
	}
	return next
}

// openNotices counts the notices still open and what they ask now. A
// notice followed by an avviso di addebito is not counted: the avviso di
// addebito asks for the same dues.
func openNotices(list []ledger.NoticeSummary) (int, money.Cents) {
	var n int
	var owed money.Cents
	for _, ns := range list {
		if ns.Status() == ledger.NoticeOpen {
			n++
			owed += ns.Owed
		}
	}
	return n, owed
}

// monthsOfYear returns each person's months of year from the estratto conto.
func monthsOfYear(st ledger.Statement, year int) []personMonths {
	var out []personMonths
	for _, p := range st.Persons {
		for _, y := range p.Years {
			if y.Year == year {
				out = append(out, personMonths{Name: p.Person.Name, Insured: y.Insured, Credited: y.Credited})
			}
		}
	}
	return out
}

// gestioneOf returns the contribution gestione of the request's position.
func gestioneOf(r *http.Request) contrib.Gestione {
	return contrib.Gestione(stateOf(r).position.Gestione)
}
