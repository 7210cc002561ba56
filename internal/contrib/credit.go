package contrib

import "github.com/cassetto-dev/cassetto/internal/money"

// MonthsCredited returns the months of year credited for the pension to a
// person insured for insured months in gestione g who paid paid for that year
// (RULES.md P4): min(insured, floor(12 × paid / full)), where paid counts the
// fixed and above-minimale contributions without maternity, sanctions or
// interest, and full = round2(minimale × the ordinary full rate of g).
// Months are credited continuously from the first insured month.
func (p *Params) MonthsCredited(year int, g Gestione, paid money.Cents, insured int) (int, error) {
	y := p.entry(year)
	switch {
	case y == nil:
		first, last := p.YearRange()
		return 0, inputErr("year", "a year from %d to %d", first, last)
	case g != AR && g != CO:
		return 0, inputErr("gestione", "AR or CO")
	case insured < 0 || insured > 12:
		return 0, inputErr("months", "a number of insured months from 0 to 12")
	case paid <= 0:
		return 0, nil
	}
	full := money.MulDiv(int64(y.Minimale), int64(y.Rate(g, false)), basisPoints)
	months := min(12*int64(paid)/int64(full), int64(insured))
	return int(months), nil
}
