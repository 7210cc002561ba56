package web

import (
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// paymentForm is the filter form of the list of payments as typed, for
// showing it back.
type paymentForm struct {
	Anno, Causale, Dal, Al, Pagina string
}

// causali returns the F24 causali of gestione g a payment may carry
// (RULES P8): fixed rates, above the minimale, instalments, credit and
// interest on the above-minimale contribution.
func causali(g contrib.Gestione) []string {
	p := "A"
	if g == contrib.CO {
		p = "C"
	}
	return []string{p + "F", p + "P", p + "D", p + "PR", p + "PI"}
}

// parsePaymentFilter reads the filter of the list of payments from q; the
// problems are message ids by field.
func parsePaymentFilter(q url.Values, g contrib.Gestione) (ledger.PaymentFilter, paymentForm, map[string]string) {
	form := paymentForm{Anno: strings.TrimSpace(q.Get("anno")), Causale: strings.TrimSpace(q.Get("causale")),
		Dal: strings.TrimSpace(q.Get("dal")), Al: strings.TrimSpace(q.Get("al")), Pagina: q.Get("pagina")}
	var f ledger.PaymentFilter
	bad := map[string]string{}
	var ok bool
	if f.Year, ok = parseYear(form.Anno); !ok {
		bad["anno"] = "ledger.filter.bad_year"
	}
	if form.Causale != "" && !slices.Contains(causali(g), strings.ToUpper(form.Causale)) {
		bad["causale"] = "ledger.filter.bad_causale"
	} else {
		f.Causale = strings.ToUpper(form.Causale)
	}
	if f.From, ok = parseFilterDay(form.Dal); !ok {
		bad["dal"] = "ledger.filter.bad_date"
	}
	if f.To, ok = parseFilterDay(form.Al); !ok {
		bad["al"] = "ledger.filter.bad_date"
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		bad["al"] = "ledger.filter.bad_range"
	}
	var err error
	if f.After, err = ledger.ParsePaymentCursor(form.Pagina); err != nil {
		bad["pagina"] = "ledger.filter.bad_page"
	}
	return f, form, bad
}

// parseFilterDay reads a day typed as 16/05/2025 (or 2025-05-16, what a date
// input sends); "" is no bound. A day that does not exist is refused.
func parseFilterDay(s string) (civil.Date, bool) {
	if s == "" {
		return civil.Date{}, true
	}
	for _, layout := range []string{"02/01/2006", "2/1/2006", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return civil.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}, true
		}
	}
	return civil.Date{}, false
}

// query returns the filter as URL parameters, without the page.
func (f paymentForm) query() url.Values {
	q := url.Values{}
	for k, v := range map[string]string{"anno": f.Anno, "causale": f.Causale, "dal": f.Dal, "al": f.Al} {
		if v != "" {
			q.Set(k, v)
		}
	}
	return q
}
