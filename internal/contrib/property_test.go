package contrib_test

import (
	"encoding/json"
	"math/rand/v2"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/contrib/vectortest"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// runs is how many random inputs a property test tries.
func runs() int {
	if testing.Short() {
		return 5_000
	}
	return 100_000
}

func TestCalcMatchesBigRatReference(t *testing.T) {
	p := contrib.Default()
	r := rand.New(rand.NewPCG(11, 12))
	for i := range runs() {
		in := randomInput(r, p)
		got, err := p.Calc(in)
		if err != nil {
			t.Fatalf("run %d %+v: %v", i, in, err)
		}
		y, _ := p.Year(in.Year)
		want := reference(y, in)
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want)
		if string(g) != string(w) {
			t.Fatalf("run %d %+v: engine and big.Rat reference differ (-reference +engine):\n%s", i, in, vectortest.Diff(w, g))
		}
	}
}

func TestRatesSumToTheFixedTotal(t *testing.T) {
	p := contrib.Default()
	r := rand.New(rand.NewPCG(21, 22))
	for i := range runs() {
		in := randomInput(r, p)
		res, _ := p.Calc(in)
		var sum money.Cents
		months := 0
		for _, rata := range res.Fixed.Rates {
			sum += rata.Amount
			months += int(rata.PeriodTo.Month-rata.PeriodFrom.Month) + 1
			if rata.Amount <= 0 || (int(rata.PeriodFrom.Month)-1)/3 != rata.N-1 || (int(rata.PeriodTo.Month)-1)/3 != rata.N-1 {
				t.Fatalf("run %d %+v: bad rata %+v", i, in, rata)
			}
		}
		if sum != res.Fixed.Total || months != res.Months {
			t.Fatalf("run %d %+v: rates sum to %s over %d months, fixed total %s over %d", i, in, sum, months, res.Fixed.Total, res.Months)
		}
		if res.Total != res.Fixed.Total+res.Above.Total || res.Fixed.Total != res.Fixed.IVS+res.Fixed.Maternita ||
			res.Above.Total != res.Above.Band1+res.Above.Band2 {
			t.Fatalf("run %d %+v: totals do not add up: %+v", i, in, res)
		}
	}
}

func TestContributionsNeverDecreaseAsIncomeGrows(t *testing.T) {
	p := contrib.Default()
	r := rand.New(rand.NewPCG(31, 32))
	for i := range runs() {
		in := randomInput(r, p)
		lo, _ := p.Calc(in)
		in.Income += money.Cents(r.Int64N(int64(money.FromEuros(20_000)))) * money.Cents(r.IntN(2))
		in.Income += money.Cents(r.IntN(3))
		hi, _ := p.Calc(in)
		if hi.Above.Band1 < lo.Above.Band1 || hi.Above.Band2 < lo.Above.Band2 || hi.Total < lo.Total || hi.Fixed.Total != lo.Fixed.Total {
			t.Fatalf("run %d %+v: more income, less contribution: %+v then %+v", i, in, lo.Above, hi.Above)
		}
	}
}

func TestAReductionNeverIncreasesAnAmount(t *testing.T) {
	p := contrib.Default()
	r := rand.New(rand.NewPCG(41, 42))
	for i := range runs() {
		in := randomInput(r, p)
		in.Reduction = contrib.None
		full, _ := p.Calc(in)
		for _, red := range []contrib.Reduction{contrib.Forfettario, contrib.Over65, contrib.New2025} {
			in.Reduction = red
			less, err := p.Calc(in)
			if err != nil {
				continue // new2025 before 2025
			}
			if less.Fixed.IVS > full.Fixed.IVS || less.Above.Band1 > full.Above.Band1 || less.Above.Band2 > full.Above.Band2 ||
				less.Total > full.Total || less.Fixed.Maternita != full.Fixed.Maternita {
				t.Fatalf("run %d %+v: %s raises an amount: %+v vs %+v", i, in, red, less, full)
			}
		}
	}
}

func TestMonthsCreditedNeverExceedInsuredMonths(t *testing.T) {
	p := contrib.Default()
	r := rand.New(rand.NewPCG(51, 52))
	for i := range runs() {
		in := randomInput(r, p)
		res, _ := p.Calc(in)
		paid := res.Total - res.Fixed.Maternita // fixed and above, no maternity
		paid = paid * money.Cents(r.IntN(120)) / 100
		got, err := p.MonthsCredited(in.Year, in.Gestione, paid, res.Months)
		if err != nil || got < 0 || got > res.Months {
			t.Fatalf("run %d %+v: paid %s, %d months of %d insured (%v)", i, in, paid, got, res.Months, err)
		}
		more, _ := p.MonthsCredited(in.Year, in.Gestione, paid+money.Cents(r.Int64N(100000)), res.Months)
		if more < got {
			t.Fatalf("run %d: paying more credits fewer months", i)
		}
	}
}

func TestFullYearOrdinaryContributionCreditsAllMonths(t *testing.T) {
	p := contrib.Default()
	for _, y := range p.Years() {
		for _, g := range []contrib.Gestione{contrib.AR, contrib.CO} {
			res, _ := p.Calc(contrib.Input{Year: y.Year, Gestione: g, Role: contrib.Titolare, Birth: civil.MustParse("1970-01-01")})
			if got, _ := p.MonthsCredited(y.Year, g, res.Fixed.IVS, 12); got != 12 {
				t.Errorf("%d %s: paying the fixed IVS %s credits %d months", y.Year, g, res.Fixed.IVS, got)
			}
			if got, _ := p.MonthsCredited(y.Year, g, res.Fixed.IVS-1, 12); got != 11 {
				t.Errorf("%d %s: one cent short credits %d months", y.Year, g, got)
			}
		}
	}
}
