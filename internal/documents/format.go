package documents

import (
	"strings"

	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// f24Amount prints an amount as on the F24: "1137,43", no thousands
// separator; "" for zero.
func f24Amount(c money.Cents) string {
	if c == 0 {
		return ""
	}
	return strings.Replace(c.String(), ".", ",", 1)
}

// euro prints an amount for people: "1.234,56 €".
func euro(c money.Cents) string { return c.Italian() }

// period prints a span of months: "01/2025 – 03/2025", one month alone.
func period(from, to contrib.YearMonth) string {
	switch {
	case from.IsZero():
		return ""
	case to.IsZero() || to == from:
		return from.F24()
	}
	return from.F24() + " – " + to.F24()
}
