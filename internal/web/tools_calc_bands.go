package web

import (
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// insuredSpan returns the insured months of p in year within from..to:
// the chosen months, cut to the person's dates (activity or membership).
// ok is false when none is left.
func insuredSpan(p *calcPerson, year int, from, to time.Month) (contrib.YearMonth, contrib.YearMonth, bool) {
	first, last := civil.New(year, from, 1), civil.New(year, to+1, 0)
	if !p.ValidFrom.IsZero() && p.ValidFrom.After(first) {
		first = p.ValidFrom
	}
	if !p.ValidTo.IsZero() && p.ValidTo.Before(last) {
		last = p.ValidTo
	}
	if first.Year != year || last.Year != year || last.Before(first) {
		return contrib.YearMonth{}, contrib.YearMonth{}, false
	}
	return contrib.YearMonth{Year: year, Month: first.Month}, contrib.YearMonth{Year: year, Month: last.Month}, true
}

// bandsOf returns the bases of res's breakdown (RULES.md P3.3): the
// minimale part B = minimale × n / 12, band 1 from B up to the threshold,
// band 2 from the threshold (or B) up to the massimale. They are shown
// rounded to the cent; the engine computes on the exact values.
func bandsOf(y contrib.Year, res contrib.Result, income money.Cents, post1996 bool) calcBands {
	b := money.MulDiv(int64(y.Minimale), int64(res.Months), 12)
	massimale := y.Massimale
	if post1996 {
		massimale = y.MassimalePost1996
	}
	income = max(income, 0)
	return calcBands{
		Minimale: b,
		Band1:    max(0, min(income, y.Threshold)-b),
		Band2:    max(0, min(income, massimale)-max(y.Threshold, b)),
	}
}
