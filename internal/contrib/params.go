package contrib

import (
	"fmt"
	"slices"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// Year holds the parameters of one contribution year (RULES.md P2).
type Year struct {
	Year              int
	Minimale          money.Cents // minimale di reddito
	Threshold         money.Cents // above it every rate is Band2Points higher
	Massimale         money.Cents // massimale for those insured before 1996
	MassimalePost1996 money.Cents // massimale without contributions before 1/1/1996
	AR, ARYoung       Rate        // artigiani; collaboratori up to their 21st birthday month
	CO, COYoung       Rate        // commercianti, surcharge included; collaboratori ≤21
	COSurcharge       Rate        // part of every CO rate that a 50% reduction keeps in full
	Band2Points       Rate        // extra points above Threshold (1.00)
	MaternitaMonth    money.Cents // maternity contribution per insured month
	Circular          string      // the INPS circular of the year
}

// Rate returns the rate of gestione g, for a young collaboratore or not.
func (y Year) Rate(g Gestione, young bool) Rate {
	switch {
	case g == AR && young:
		return y.ARYoung
	case g == AR:
		return y.AR
	case young:
		return y.COYoung
	}
	return y.CO
}

// Surcharge returns the part of g's rates that 50% reductions do not halve.
func (y Year) Surcharge(g Gestione) Rate {
	if g == CO {
		return y.COSurcharge
	}
	return 0
}

// TURChange is a row of the ECB rate table: Rate holds from From on.
type TURChange struct {
	From civil.Date
	Rate Rate
	Act  string // the INPS act announcing it, when known
}

// Params is the validated, immutable set of yearly parameters and ECB rates
// the engine computes with. Build it with New, Default or Merge.
type Params struct {
	years []yearEntry
	tur   []turEntry
}

type yearEntry struct {
	Year
	due [4]civil.Date
}

type turEntry struct {
	day int64
	TURChange
}

// New validates years and tur and returns the parameters they make.
func New(years []Year, tur []TURChange) (*Params, error) {
	p := &Params{}
	for _, y := range years {
		if err := y.validate(); err != nil {
			return nil, err
		}
		p.years = append(p.years, yearEntry{y, FixedRateDueDates(y.Year)})
	}
	for _, t := range tur {
		if t.From.IsZero() || t.Rate < -basisPoints || t.Rate > basisPoints {
			return nil, fmt.Errorf("contrib: ECB rate %s from %q is out of range", t.Rate, t.From)
		}
		p.tur = append(p.tur, turEntry{dayNumber(t.From), t})
	}
	slices.SortFunc(p.years, func(a, b yearEntry) int { return a.Year.Year - b.Year.Year })
	slices.SortFunc(p.tur, func(a, b turEntry) int { return int(a.day - b.day) })
	for i := 1; i < len(p.years); i++ {
		if p.years[i].Year.Year == p.years[i-1].Year.Year {
			return nil, fmt.Errorf("contrib: year %d is given twice", p.years[i].Year.Year)
		}
	}
	for i := 1; i < len(p.tur); i++ {
		if p.tur[i].day == p.tur[i-1].day {
			return nil, fmt.Errorf("contrib: two ECB rates from %s", p.tur[i].From)
		}
	}
	return p, nil
}

func (y Year) validate() error {
	const maxAmount = money.Cents(100_000_000_00) // 100 million euro, far above any massimale
	bad := func(what string) error { return fmt.Errorf("contrib: year %d: %s", y.Year, what) }
	switch {
	case y.Year < 1990 || y.Year > 2999:
		return bad("the year is out of range")
	case y.Minimale <= 0 || !(y.Minimale < y.Threshold && y.Threshold < y.Massimale && y.Massimale <= y.MassimalePost1996):
		return bad("want 0 < minimale < threshold < massimale ≤ massimale_post1996")
	case y.MassimalePost1996 > maxAmount || y.MaternitaMonth < 0 || y.MaternitaMonth > 100_00:
		return bad("an amount is out of range")
	}
	for _, r := range []Rate{y.AR, y.ARYoung, y.CO, y.COYoung, y.Band2Points} {
		if r <= 0 || r > 5000 {
			return bad("a rate is not between 0 and 50 percent")
		}
	}
	if y.COSurcharge < 0 || y.COSurcharge > y.COYoung || y.COSurcharge > y.CO {
		return bad("co_surcharge must be between 0 and the CO rates")
	}
	return nil
}

// Year returns the parameters of year y.
func (p *Params) Year(y int) (Year, bool) {
	if e := p.entry(y); e != nil {
		return e.Year, true
	}
	return Year{}, false
}

func (p *Params) entry(y int) *yearEntry {
	for i := range p.years {
		if p.years[i].Year.Year == y {
			return &p.years[i]
		}
	}
	return nil
}

// Years returns every year's parameters, oldest first.
func (p *Params) Years() []Year {
	out := make([]Year, len(p.years))
	for i, e := range p.years {
		out[i] = e.Year
	}
	return out
}

// YearRange returns the first and last year with parameters (0, 0 if none).
func (p *Params) YearRange() (first, last int) {
	if len(p.years) == 0 {
		return 0, 0
	}
	return p.years[0].Year.Year, p.years[len(p.years)-1].Year.Year
}

// TUR returns the ECB rate table, oldest first.
func (p *Params) TUR() []TURChange {
	out := make([]TURChange, len(p.tur))
	for i, e := range p.tur {
		out[i] = e.TURChange
	}
	return out
}

// TURAt returns the ECB rate in force on d.
func (p *Params) TURAt(d civil.Date) (Rate, error) {
	i := p.turIndex(dayNumber(d))
	if i < 0 {
		return 0, fmt.Errorf("contrib: no ECB rate is known for %s", d)
	}
	return p.tur[i].Rate, nil
}

// turIndex returns the index of the TUR row in force on day, or -1.
func (p *Params) turIndex(day int64) int {
	i, found := slices.BinarySearchFunc(p.tur, day, func(e turEntry, d int64) int { return int(e.day - d) })
	if found {
		return i
	}
	return i - 1
}

// Merge returns new parameters: p with years and tur added, a year or an
// ECB rate date already present being replaced. p itself is unchanged.
func (p *Params) Merge(years []Year, tur []TURChange) (*Params, error) {
	ys := p.Years()
	for _, y := range years {
		ys = slices.DeleteFunc(ys, func(o Year) bool { return o.Year == y.Year })
	}
	ts := p.TUR()
	for _, t := range tur {
		ts = slices.DeleteFunc(ts, func(o TURChange) bool { return o.From == t.From })
	}
	return New(append(ys, years...), append(ts, tur...))
}
