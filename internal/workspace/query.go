package workspace

import (
	"cmp"
	"slices"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/civil"
)

// PageSize is the number of clients on one page of the workspace.
const PageSize = 50

// Sort keys: the columns the workspace can be ordered by.
const (
	ByNumber   = "numero"
	ByName     = "nome"
	ByCF       = "cf"
	ByGestione = "gestione"
	ByScope    = "delega"
	ByValidTo  = "fine_delega"
	ByDebt     = "debito"
	ByOverdue  = "scaduto"
	ByNext     = "scadenza"
	ByNextAmt  = "importo_scadenza"
	ByNotices  = "avvisi"
	ByUnread   = "comunicazioni"
)

// SortKeys lists the sort keys in the order of the columns.
var SortKeys = []string{ByNumber, ByName, ByCF, ByGestione, ByScope, ByValidTo, ByDebt, ByOverdue,
	ByNext, ByNextAmt, ByNotices, ByUnread}

// Query selects and orders the rows of the workspace. The zero Query
// keeps every row, by position number.
type Query struct {
	Gestione    string // "" for every gestione
	WithDebt    bool   // only clients with a debt
	WithNotices bool   // only clients with open notices
	WithinDays  int    // only clients with a deadline from today to today+N; 0 for no bound
	Search      string // part of the titolare's name, codice fiscale or position number (any case)
	Sort        string // a sort key; "" for ByNumber
	Desc        bool
}

// Filter returns the rows of rows that q keeps, in q's order. today is
// the day the deadlines are counted from.
func (q Query) Filter(rows []Row, today civil.Date) []Row {
	out := make([]Row, 0, len(rows))
	needle := strings.ToLower(strings.TrimSpace(q.Search))
	limit := today.AddDays(q.WithinDays)
	for _, r := range rows {
		switch {
		case q.Gestione != "" && r.Gestione != q.Gestione,
			q.WithDebt && r.Debt <= 0,
			q.WithNotices && r.OpenNotices == 0,
			q.WithinDays > 0 && (r.NextDate.IsZero() || r.NextDate.After(limit)),
			needle != "" && !r.matches(needle):
			continue
		}
		out = append(out, r)
	}
	q.sort(out)
	return out
}

func (r Row) matches(needle string) bool {
	return strings.Contains(strings.ToLower(r.TitolareName()), needle) ||
		strings.Contains(strings.ToLower(r.CodiceFiscale), needle) || strings.Contains(r.Number, needle)
}

// sort orders rows by q's key, then by position number; rows without a
// next deadline or a delegation end come last in either direction.
func (q Query) sort(rows []Row) {
	slices.SortStableFunc(rows, func(a, b Row) int {
		c := q.compare(a, b)
		if q.Desc {
			c = -c
		}
		if last := lastOf(q.Sort, a) - lastOf(q.Sort, b); last != 0 {
			return last
		}
		return cmp.Or(c, cmp.Compare(a.Number, b.Number))
	})
}

// lastOf is 1 when row r has no value for key (it sorts last), else 0.
func lastOf(key string, r Row) int {
	if key == ByNext && r.NextDate.IsZero() || key == ByValidTo && r.ValidTo.IsZero() {
		return 1
	}
	return 0
}

func (q Query) compare(a, b Row) int {
	switch q.Sort {
	case ByName:
		return cmp.Or(strings.Compare(strings.ToLower(lastName(a)), strings.ToLower(lastName(b))),
			strings.Compare(a.TitolareName(), b.TitolareName()))
	case ByCF:
		return strings.Compare(a.CodiceFiscale, b.CodiceFiscale)
	case ByGestione:
		return strings.Compare(a.Gestione, b.Gestione)
	case ByScope:
		return strings.Compare(a.Scope, b.Scope)
	case ByValidTo:
		return a.ValidTo.Time().Compare(b.ValidTo.Time())
	case ByDebt:
		return cmp.Compare(a.Debt, b.Debt)
	case ByOverdue:
		return cmp.Compare(a.Overdue, b.Overdue)
	case ByNext:
		return a.NextDate.Time().Compare(b.NextDate.Time())
	case ByNextAmt:
		return cmp.Compare(a.NextAmount, b.NextAmount)
	case ByNotices:
		return cmp.Or(cmp.Compare(a.OpenNotices, b.OpenNotices), cmp.Compare(a.NoticesOwed, b.NoticesOwed))
	case ByUnread:
		return cmp.Compare(a.Unread, b.Unread)
	}
	return strings.Compare(a.Number, b.Number)
}

// lastName returns the titolare's name with the family name first, for
// ordering as a list of people is ordered in Italy.
func lastName(r Row) string { return r.FamilyName + " " + r.GivenName }

// Page returns page n (from 1) of rows and the number of pages (at least
// 1); a page beyond the last is the last.
func Page(rows []Row, n int) ([]Row, int, int) {
	pages := max(1, (len(rows)+PageSize-1)/PageSize)
	n = min(max(n, 1), pages)
	from := (n - 1) * PageSize
	return rows[from:min(from+PageSize, len(rows))], n, pages
}
