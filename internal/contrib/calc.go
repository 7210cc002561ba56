package contrib

import (
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// Input is what the contribution of one person for one year depends on
// (RULES.md P3). The JSON names are those of the test vectors.
type Input struct {
	Year      int         `json:"year"`
	Gestione  Gestione    `json:"gestione"`
	Role      Role        `json:"role"`
	Birth     civil.Date  `json:"birth"`
	Income    money.Cents `json:"income"` // reddito d'impresa (for forfettari the flat-rate income)
	From      YearMonth   `json:"from"`   // first insured month; zero: January
	To        YearMonth   `json:"to"`     // last insured month; zero: December
	Post1996  bool        `json:"post1996"`
	Reduction Reduction   `json:"reduction"` // empty: None
}

// Result is the contribution of one person for one year, in the machine
// format of the test vectors and of `cassetto calc`.
type Result struct {
	Minimale money.Cents `json:"minimale"`
	Months   int         `json:"months"` // insured months n
	Fixed    Fixed       `json:"fixed"`
	Above    Above       `json:"above"`
	Total    money.Cents `json:"total"` // Fixed.Total + Above.Total
}

// Fixed is the contribution on the minimale, due in up to four rates.
type Fixed struct {
	IVS       money.Cents `json:"ivs"`
	Maternita money.Cents `json:"maternita"`
	Total     money.Cents `json:"total"`
	Rates     []Rata      `json:"rates"`
}

// Rata is one of the four fixed rates: quarter N, its insured months and due date.
type Rata struct {
	N          int         `json:"n"`
	PeriodFrom YearMonth   `json:"period_from"`
	PeriodTo   YearMonth   `json:"period_to"`
	Due        civil.Date  `json:"due"`
	Amount     money.Cents `json:"amount"`
}

// Above is the contribution on the income above the minimale, by band.
type Above struct {
	Band1 money.Cents `json:"band1"` // up to the threshold, at the average rate
	Band2 money.Cents `json:"band2"` // above the threshold up to the massimale, one point more
	Total money.Cents `json:"total"`
}

// Calc returns the contribution of in (RULES.md P3). An input the rules do
// not accept is an *InputError.
func (p *Params) Calc(in Input) (Result, error) {
	var r Result
	err := p.CalcInto(in, &r)
	return r, err
}

// CalcInto is Calc writing into r, reusing the memory of r.Fixed.Rates: a
// batch that keeps one Result per worker computes without allocating.
func (p *Params) CalcInto(in Input, r *Result) error {
	y := p.entry(in.Year)
	if y == nil {
		first, last := p.YearRange()
		return inputErr("year", "a year from %d to %d", first, last)
	}
	from, to, err := in.validate()
	if err != nil {
		return err
	}
	y.result(in, y.months(in, from, to), r)
	return nil
}

// monthly is what the insured months of a person contribute to the rules:
// n months, the sum of their rates, and the insured months of each quarter.
type monthly struct {
	n, sumRate int64
	k          [4]int64
	first      [4]YearMonth
	last       [4]YearMonth
}

func (y *yearEntry) months(in Input, from, to YearMonth) monthly {
	m := monthly{n: int64(to.Month-from.Month) + 1}
	young := int64(0) // months at the ≤21 rate: up to the month of the 21st birthday
	if in.Role == Collaboratore {
		last := YearMonth{in.Birth.Year + 21, in.Birth.Month}.index()
		young = min(max(int64(last-from.index()+1), 0), m.n)
	}
	m.sumRate = young*int64(y.Rate(in.Gestione, true)) + (m.n-young)*int64(y.Rate(in.Gestione, false))
	for q := range 4 {
		lo, hi := max(time.Month(3*q+1), from.Month), min(time.Month(3*q+3), to.Month)
		if lo <= hi {
			m.k[q] = int64(hi-lo) + 1
			m.first[q], m.last[q] = YearMonth{in.Year, lo}, YearMonth{in.Year, hi}
		}
	}
	return m
}

func (y *yearEntry) result(in Input, m monthly, r *Result) {
	red := reducer{in.Reduction, m.n, int64(y.Surcharge(in.Gestione)) * m.n}
	rates := r.Fixed.Rates[:0]
	*r = Result{Minimale: y.Minimale, Months: int(m.n)}
	base12 := int64(y.Minimale) * m.n // B = minimale × n / 12, in twelfths of a cent
	r.Fixed.IVS = red.amount(base12, m.sumRate)
	r.Fixed.Maternita = y.MaternitaMonth * money.Cents(m.n)
	r.Fixed.Total = r.Fixed.IVS + r.Fixed.Maternita
	r.Fixed.Rates = y.rates(rates, r.Fixed, m)

	massimale := y.Massimale
	if in.Post1996 {
		massimale = y.MassimalePost1996
	}
	income := max(in.Income, 0)
	band1 := max(0, 12*int64(min(income, y.Threshold))-base12)
	band2 := max(0, 12*int64(min(income, massimale))-max(12*int64(y.Threshold), base12))
	r.Above.Band1 = red.amount(band1, m.sumRate)
	r.Above.Band2 = red.amount(band2, m.sumRate+int64(y.Band2Points)*m.n)
	r.Above.Total = r.Above.Band1 + r.Above.Band2
	r.Total = r.Fixed.Total + r.Above.Total
}

// rates splits the fixed contribution over the non-empty quarters (P3.5):
// each but the last gets round2(ivs × k_q / n) plus its maternity, the last
// takes the rest, so the rates sum exactly to the fixed total.
func (y *yearEntry) rates(out []Rata, f Fixed, m monthly) []Rata {
	if cap(out) < 4 {
		out = make([]Rata, 0, 4)
	}
	rest := f.Total
	for q := range 4 {
		if m.k[q] == 0 {
			continue
		}
		amount := money.MulDiv(int64(f.IVS), m.k[q], m.n) + y.MaternitaMonth*money.Cents(m.k[q])
		out = append(out, Rata{q + 1, m.first[q], m.last[q], y.due[q], amount})
		rest -= amount
	}
	out[len(out)-1].Amount += rest
	return out
}

// validate checks in and returns the insured span.
func (in Input) validate() (from, to YearMonth, err error) {
	switch {
	case in.Gestione != AR && in.Gestione != CO:
		return from, to, inputErr("gestione", "AR or CO")
	case in.Role != Titolare && in.Role != Collaboratore:
		return from, to, inputErr("role", "titolare or collaboratore")
	}
	if err := in.validateReduction(); err != nil {
		return from, to, err
	}
	from, to = in.From, in.To
	if from.IsZero() {
		from = YearMonth{in.Year, time.January}
	}
	if to.IsZero() {
		to = YearMonth{in.Year, time.December}
	}
	switch {
	case from.Year != in.Year:
		return from, to, inputErr("from", "a month of %d, like %d-01", in.Year, in.Year)
	case to.Year != in.Year || to.index() < from.index():
		return from, to, inputErr("to", "a month of %d from %s on", in.Year, from)
	case in.Birth.IsZero() || in.Birth.Year < 1900 || YearMonth{in.Birth.Year, in.Birth.Month}.index() > to.index():
		return from, to, inputErr("birth", "a date of birth (YYYY-MM-DD) before the last insured month")
	}
	return from, to, nil
}

func (in Input) validateReduction() error {
	switch in.Reduction {
	case "", None, Forfettario, Over65:
		return nil
	case New2025:
		if in.Year < 2025 || in.Year > 2028 {
			return inputErr("reduction", "new2025 only from 2025 to 2028 (36 months from a first registration in 2025)")
		}
		return nil
	}
	return inputErr("reduction", "none, forfettario, over65 or new2025")
}
