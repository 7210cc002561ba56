package contrib_test

import (
	"math/big"
	"math/rand/v2"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// reference computes RULES.md P3 literally with big.Rat: an independent
// implementation to cross-check the scaled-integer engine.
func reference(y contrib.Year, in contrib.Input) contrib.Result {
	pct := func(r contrib.Rate) *big.Rat { return big.NewRat(int64(r), 100) }
	from, to := in.From, in.To
	if from.IsZero() {
		from = contrib.YearMonth{Year: in.Year, Month: time.January}
	}
	if to.IsZero() {
		to = contrib.YearMonth{Year: in.Year, Month: time.December}
	}
	sum := new(big.Rat)
	var k [4]int64
	n := int64(0)
	for m := from.Month; m <= to.Month; m++ {
		young := in.Role == contrib.Collaboratore &&
			(in.Year < in.Birth.Year+21 || in.Year == in.Birth.Year+21 && m <= in.Birth.Month)
		sum.Add(sum, pct(y.Rate(in.Gestione, young)))
		k[(m-1)/3]++
		n++
	}
	rbar := new(big.Rat).Quo(sum, big.NewRat(n, 1))
	s := pct(y.Surcharge(in.Gestione))
	amount := func(base, rate *big.Rat) money.Cents {
		x := new(big.Rat).Mul(base, rate)
		x.Quo(x, big.NewRat(100, 1))
		switch in.Reduction {
		case contrib.Forfettario:
			return money.FromRat(new(big.Rat).Mul(money.FromRat(x).Rat(), big.NewRat(65, 100)))
		case contrib.Over65, contrib.New2025:
			pension := new(big.Rat).Mul(base, new(big.Rat).Sub(rate, s))
			pension.Quo(pension, big.NewRat(200, 1))
			sur := new(big.Rat).Mul(base, s)
			return money.FromRat(pension) + money.FromRat(sur.Quo(sur, big.NewRat(100, 1)))
		}
		return money.FromRat(x)
	}
	B := new(big.Rat).Mul(y.Minimale.Rat(), big.NewRat(n, 12))
	var r contrib.Result
	r.Minimale, r.Months = y.Minimale, int(n)
	r.Fixed.IVS = amount(B, rbar)
	r.Fixed.Maternita = money.FromRat(new(big.Rat).Mul(y.MaternitaMonth.Rat(), big.NewRat(n, 1)))
	r.Fixed.Total = r.Fixed.IVS + r.Fixed.Maternita
	due := contrib.FixedRateDueDates(in.Year)
	rest := r.Fixed.Total
	for q := range 4 {
		if k[q] == 0 {
			continue
		}
		share := new(big.Rat).Mul(r.Fixed.IVS.Rat(), big.NewRat(k[q], n))
		a := money.FromRat(share) + y.MaternitaMonth*money.Cents(k[q])
		rest -= a
		first, last := time.Month(3*q+1), time.Month(3*q+3)
		first, last = max(first, from.Month), min(last, to.Month)
		r.Fixed.Rates = append(r.Fixed.Rates, contrib.Rata{N: q + 1,
			PeriodFrom: contrib.YearMonth{Year: in.Year, Month: first},
			PeriodTo:   contrib.YearMonth{Year: in.Year, Month: last}, Due: due[q], Amount: a})
	}
	r.Fixed.Rates[len(r.Fixed.Rates)-1].Amount += rest

	massimale := y.Massimale
	if in.Post1996 {
		massimale = y.MassimalePost1996
	}
	ratMax := func(a, b *big.Rat) *big.Rat {
		if a.Cmp(b) >= 0 {
			return a
		}
		return b
	}
	zero := new(big.Rat)
	b1 := ratMax(zero, new(big.Rat).Sub(min(in.Income, y.Threshold).Rat(), B))
	b2 := ratMax(zero, new(big.Rat).Sub(min(in.Income, massimale).Rat(), ratMax(y.Threshold.Rat(), B)))
	r.Above.Band1 = amount(b1, rbar)
	r.Above.Band2 = amount(b2, new(big.Rat).Add(rbar, pct(y.Band2Points)))
	r.Above.Total = r.Above.Band1 + r.Above.Band2
	r.Total = r.Fixed.Total + r.Above.Total
	return r
}

// randomInput returns a valid input of one of the years of p, with incomes
// spread over every band and often near the band edges.
func randomInput(r *rand.Rand, p *contrib.Params) contrib.Input {
	years := p.Years()
	y := years[r.IntN(len(years))]
	in := contrib.Input{Year: y.Year, Gestione: []contrib.Gestione{contrib.AR, contrib.CO}[r.IntN(2)],
		Role: []contrib.Role{contrib.Titolare, contrib.Collaboratore}[r.IntN(2)], Post1996: r.IntN(2) == 0}
	in.Birth = civil.New(y.Year-15-r.IntN(60), time.Month(1+r.IntN(12)), 1+r.IntN(28))
	if r.IntN(3) == 0 { // turning 21 during or around the year
		in.Birth = civil.New(y.Year-21+r.IntN(3)-1, time.Month(1+r.IntN(12)), 1+r.IntN(28))
	}
	from := 1 + r.IntN(12)
	to := from + r.IntN(13-from)
	if r.IntN(2) == 0 {
		from, to = 1, 12
	}
	in.From = contrib.YearMonth{Year: y.Year, Month: time.Month(from)}
	in.To = contrib.YearMonth{Year: y.Year, Month: time.Month(to)}
	in.Income = randomIncome(r, y)
	reductions := []contrib.Reduction{contrib.None, contrib.Forfettario, contrib.Over65}
	if y.Year >= 2025 {
		reductions = append(reductions, contrib.New2025)
	}
	in.Reduction = reductions[r.IntN(len(reductions))]
	return in
}

func randomIncome(r *rand.Rand, y contrib.Year) money.Cents {
	edges := []money.Cents{0, y.Minimale, y.Threshold, y.Massimale, y.MassimalePost1996}
	switch r.IntN(4) {
	case 0:
		return edges[r.IntN(len(edges))] + money.Cents(r.Int64N(2001)-1000)
	case 1:
		return money.Cents(r.Int64N(int64(y.MassimalePost1996) * 3 / 2))
	case 2:
		return money.FromEuros(r.Int64N(200_000))
	}
	return money.Cents(r.Int64N(int64(y.Minimale)*2)) - money.FromEuros(5000)
}
