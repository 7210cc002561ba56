package ledger

import (
	"time"

	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// stmtYear accumulates one person's year of the estratto conto.
type stmtYear struct {
	year   int
	months uint16 // bit m-1 set: month m insured
	due    money.Cents
	paid   money.Cents
	trace  Trace
}

// add counts a contribution item of the person's year.
func (y *stmtYear) add(it *Item) {
	capital, paid := it.Capital, it.CapitalPaid
	if it.Due.Kind.IsFixed() {
		capital -= it.Due.Maternity // maternity is never credited
		if it.Capital > 0 {
			y.months |= monthsOfYear(y.year, it.Due.PeriodFrom, it.Due.PeriodTo)
		}
	}
	capital = max(0, capital)
	y.due += capital
	y.paid += min(max(0, paid), capital) // maternity covered last; excess is credit
	// Each due and allocation belongs to one item; payments may repeat.
	y.trace.Dues = append(y.trace.Dues, it.Trace.Dues...)
	y.trace.Allocations = append(y.trace.Allocations, it.Trace.Allocations...)
	y.trace.Payments = appendUniqueIDs(y.trace.Payments, it.Trace.Payments...)
}

// monthsOfYear returns the months of year within from..to as a bit set.
func monthsOfYear(year int, from, to contrib.YearMonth) uint16 {
	var set uint16
	for m := time.January; m <= time.December; m++ {
		ym := year*12 + int(m) - 1
		if ym >= from.Year*12+int(from.Month)-1 && ym <= to.Year*12+int(to.Month)-1 {
			set |= 1 << (m - 1)
		}
	}
	return set
}

// result computes the year's line of the estratto conto.
func (y *stmtYear) result(params *contrib.Params, g contrib.Gestione) StatementYear {
	sy := StatementYear{Year: y.year, Due: y.due, Paid: y.paid, Trace: y.trace}
	months := y.insuredMonths()
	sy.Insured = len(months)
	if len(months) > 0 {
		sy.InsuredFrom, sy.InsuredTo = months[0], months[len(months)-1]
	}
	p, ok := params.Year(y.year)
	if !ok {
		return sy
	}
	credited, err := params.MonthsCredited(y.year, g, y.paid, sy.Insured)
	if err != nil {
		return sy
	}
	sy.Known, sy.Credited = true, credited
	sy.Full = money.MulDiv(int64(p.Minimale), int64(p.Rate(g, false)), 10000)
	if credited > 0 {
		sy.CreditedFrom, sy.CreditedTo = months[0], months[credited-1]
	}
	return sy
}

// insuredMonths returns the insured months in order.
func (y *stmtYear) insuredMonths() []contrib.YearMonth {
	var out []contrib.YearMonth
	for m := time.January; m <= time.December; m++ {
		if y.months&(1<<(m-1)) != 0 {
			out = append(out, contrib.YearMonth{Year: y.year, Month: m})
		}
	}
	return out
}
