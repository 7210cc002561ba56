package contrib

import "github.com/cassetto-dev/cassetto/internal/money"

// Reductions in percent of the amount still paid (RULES.md P3.4).
const (
	forfettarioPays = 65 // 35% off, L. 190/2014
	halfPays        = 50 // 50% off the pension part: over65 and new2025
)

// reducer computes amount(base, rate) of RULES.md P3.4 for a person's
// reduction. Bases are in twelfths of a cent (B = minimale × n / 12 stays
// exact) and rates are Σ r_m in basis points, that is n × the average rate r̄:
// so base × rate = base12 × rateN / (12 × n × 10000) cents, exactly.
type reducer struct {
	reduction  Reduction
	n          int64 // insured months
	surchargeN int64 // the CO surcharge s, times n
}

func (r reducer) amount(base12, rateN int64) money.Cents {
	den := 12 * r.n * basisPoints
	switch r.reduction {
	case Forfettario:
		return money.MulDiv(int64(money.MulDiv(base12, rateN, den)), forfettarioPays, 100)
	case Over65, New2025:
		return money.MulDiv(base12, (rateN-r.surchargeN)*halfPays, den*100) +
			money.MulDiv(base12, r.surchargeN, den)
	}
	return money.MulDiv(base12, rateN, den)
}
