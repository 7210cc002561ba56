package web

import (
	"net/http"
	"regexp"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/money"
	"github.com/cassetto-dev/cassetto/internal/news"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// The tools' storage is built on the server's database: it holds no state
// beside it.
func (s *Server) newsStore() news.Store { return store.NewNews(s.DB, s.Now) }

func (s *Server) calendarFeeds() *store.CalendarFeeds { return store.NewCalendarFeeds(s.DB, s.Now) }

func (s *Server) incomes() *store.Incomes { return store.NewIncomes(s.DB, s.Now) }

// machineAmountRe is an amount in the machine format with at most two
// decimals ("1137.43", "30000").
var machineAmountRe = regexp.MustCompile(`^-?[0-9]+(\.[0-9]{1,2})?$`)

// parseAmount reads an amount as a person types it: Italian ("1.137,43",
// "30.000", "1137,43 €") or with a decimal point ("1137.43").
func parseAmount(s string) (money.Cents, error) {
	t := strings.TrimSpace(strings.ReplaceAll(s, " ", ""))
	if machineAmountRe.MatchString(t) {
		return money.Parse(t)
	}
	return money.ParseItalian(t)
}

// absURL returns the absolute URL of path on this portal: on the
// configured base URL, else on the request's host.
func (s *Server) absURL(r *http.Request, path string) string {
	base := strings.TrimRight(s.BaseURL, "/")
	if base == "" {
		scheme := "http"
		if r.TLS != nil {
			scheme = "https"
		}
		base = scheme + "://" + r.Host
	}
	return base + path
}

// localizer returns the translator of the request's language.
func (s *Server) localizer(r *http.Request) *Localizer { return s.catalog.Localizer(s.catalog.Lang(r)) }
