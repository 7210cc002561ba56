package contrib

import (
	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// Violation is the kind of late payment (art. 116 c. 8 L. 388/2000).
type Violation int

// The violations: omissione (a due the office knows of, paid late) and
// evasione (a due not reported).
const (
	Omissione Violation = iota // the due was known to the office: TUR + 5.5, cap 40%
	Evasione                   // the due was hidden: 30% a year, cap 60%
)

// The sanction rules of RULES.md P6, fixed by law.
const (
	omissionePoints  = 550  // 5.5 points over the TUR, a year
	omissioneCap     = 4000 // 40% of the amount
	evasioneRate     = 3000 // 30% a year
	evasioneCap      = 6000 // 60% of the amount
	spontaneousDays  = 120  // DL 19/2024: paid spontaneously within 120 days, TUR alone
	dilazionePoints  = 600  // instalment plans: TUR + 6
	daysInSanctionYr = 365  // the daily rate is the yearly one / 365, leap years too
)

// spontaneousFrom is the first due date the DL 19/2024 reduction applies
// to, 2024-09-01, as yyyymmdd.
const spontaneousFrom = 20240901

// SanctionInput is an amount due on Due and paid (or evaluated) on Paid.
type SanctionInput struct {
	Amount      money.Cents
	Due, Paid   civil.Date
	Spontaneous bool // paid before any notice from the office
	Violation   Violation
}

// Sanction is the sanzione civile of a late payment.
type Sanction struct {
	Days   int         `json:"days"`     // days late, Paid − Due (0 when on time)
	Amount money.Cents `json:"sanction"` // the sanction, capped
	Capped bool        `json:"capped"`   // the cap applied
}

// Sanction returns the sanzione civile of in (RULES.md P6). For omissione each
// day d in (Due, Paid] accrues (TUR(d) + 5.5)% / 365, or TUR(d) alone when
// Due ≥ 2024-09-01, the payment is spontaneous and at most 120 days late;
// the sanction is round2(Amount × Σ rates), capped at round2(40% of Amount).
// For evasione the rate is 30% a year and the cap 60%.
func (p *Params) Sanction(in SanctionInput) (Sanction, error) {
	if in.Amount < 0 || in.Amount > money.Max {
		return Sanction{}, inputErr("amount", "an amount due of 0 or more, like 1137.43")
	}
	due, paid := dayNumber(in.Due), dayNumber(in.Paid)
	if paid <= due {
		return Sanction{}, nil
	}
	days := paid - due
	sum, capRate, err := p.sanctionRates(in, due, paid)
	if err != nil {
		return Sanction{}, err
	}
	s := Sanction{Days: int(days)}
	if sum > capRate*daysInSanctionYr {
		s.Capped = true
		s.Amount = money.MulDiv(int64(in.Amount), capRate, basisPoints)
	} else {
		s.Amount = money.MulDiv(int64(in.Amount), sum, daysInSanctionYr*basisPoints)
	}
	return s, nil
}

// sanctionRates returns Σ of the yearly rates of the days (due, paid] in basis
// points, and the cap in basis points.
func (p *Params) sanctionRates(in SanctionInput, due, paid int64) (sum, capRate int64, err error) {
	days := paid - due
	if in.Violation == Evasione {
		return evasioneRate * days, evasioneCap, nil
	}
	points := int64(omissionePoints)
	if in.Spontaneous && yyyymmdd(in.Due) >= spontaneousFrom && days <= spontaneousDays {
		points = 0
	}
	tur, err := p.turSum(due+1, paid)
	return tur + points*days, omissioneCap, err
}

// turSum returns Σ TUR(d) in basis points for the days from..to (inclusive).
func (p *Params) turSum(from, to int64) (int64, error) {
	i := p.turIndex(from)
	if i < 0 {
		return 0, inputErr("due", "a date from %s on (the first known ECB rate)", p.firstTUR())
	}
	var sum int64
	for day := from; day <= to; i++ {
		end := to
		if i+1 < len(p.tur) && p.tur[i+1].day-1 < end {
			end = p.tur[i+1].day - 1
		}
		sum += int64(p.tur[i].Rate) * (end - day + 1)
		day = end + 1
	}
	return sum, nil
}

func (p *Params) firstTUR() string {
	if len(p.tur) == 0 {
		return "(none)"
	}
	return p.tur[0].From.String()
}

// DilazioneRate returns the yearly interest rate of an instalment plan
// requested on d: the TUR in force on d plus 6 points (RULES.md P6).
func (p *Params) DilazioneRate(d civil.Date) (Rate, error) {
	tur, err := p.TURAt(d)
	return tur + dilazionePoints, err
}

func yyyymmdd(d civil.Date) int { return d.Year*10000 + int(d.Month)*100 + d.Day }
