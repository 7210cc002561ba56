package contrib_test

import (
	"errors"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/money"
)

func sanction(t *testing.T, in contrib.SanctionInput) contrib.Sanction {
	t.Helper()
	s, err := contrib.Default().Sanction(in)
	if err != nil {
		t.Fatalf("%+v: %v", in, err)
	}
	return s
}

func TestSpontaneousReductionNeedsADueFromSeptember2024AndAtMost120Days(t *testing.T) {
	d := civil.MustParse
	cases := []struct {
		due, paid string
		reduced   bool
	}{
		{"2024-09-01", "2024-10-01", true},
		{"2024-08-31", "2024-10-01", false}, // due before DL 19/2024 applies
		{"2025-05-16", "2025-09-13", true},  // 120 days
		{"2025-05-16", "2025-09-14", false}, // 121 days
	}
	for _, c := range cases {
		in := contrib.SanctionInput{Amount: 100000, Due: d(c.due), Paid: d(c.paid)}
		plain := sanction(t, in)
		in.Spontaneous = true
		spont := sanction(t, in)
		if (spont.Amount < plain.Amount) != c.reduced {
			t.Errorf("%s→%s: spontaneous %s, otherwise %s; reduced want %v", c.due, c.paid, spont.Amount, plain.Amount, c.reduced)
		}
	}
}

func TestSanctionIsZeroWhenPaidOnTime(t *testing.T) {
	for _, paid := range []string{"2025-05-16", "2025-05-01"} {
		s := sanction(t, contrib.SanctionInput{Amount: 113743, Due: civil.MustParse("2025-05-16"), Paid: civil.MustParse(paid)})
		if s != (contrib.Sanction{}) {
			t.Errorf("paid %s: %+v", paid, s)
		}
	}
}

func TestEvasioneIs30PercentAYearCappedAt60(t *testing.T) {
	in := contrib.SanctionInput{Amount: 100000, Due: civil.MustParse("2023-01-16"), Paid: civil.MustParse("2024-01-16"), Violation: contrib.Evasione}
	if s := sanction(t, in); s.Days != 365 || s.Amount != 30000 || s.Capped {
		t.Errorf("one year: %+v", s)
	}
	in.Paid = civil.MustParse("2026-01-16")
	if s := sanction(t, in); s.Amount != 60000 || !s.Capped {
		t.Errorf("three years: %+v", s)
	}
}

func TestSanctionErrors(t *testing.T) {
	p := contrib.Default()
	var ie *contrib.InputError
	_, err := p.Sanction(contrib.SanctionInput{Amount: 100, Due: civil.MustParse("2015-01-16"), Paid: civil.MustParse("2016-06-01")})
	if !errors.As(err, &ie) || ie.Field != "due" {
		t.Errorf("due before the ECB table: %v", err)
	}
	_, err = p.Sanction(contrib.SanctionInput{Amount: -1, Due: civil.MustParse("2025-01-16"), Paid: civil.MustParse("2025-06-01")})
	if !errors.As(err, &ie) || ie.Field != "amount" {
		t.Errorf("negative amount: %v", err)
	}
}

// referenceSanction sums the daily rates one day at a time with big.Rat.
func referenceSanction(p *contrib.Params, in contrib.SanctionInput) contrib.Sanction {
	days := in.Due.DaysUntil(in.Paid)
	spont := in.Spontaneous && !in.Due.Before(civil.MustParse("2024-09-01")) && days <= 120
	sum := new(big.Rat)
	for d := 1; d <= days; d++ {
		tur, _ := p.TURAt(in.Due.AddDays(d))
		rate := big.NewRat(int64(tur), 100)
		if !spont {
			rate.Add(rate, big.NewRat(55, 10))
		}
		sum.Add(sum, rate.Quo(rate, big.NewRat(36500, 1)))
	}
	if sum.Cmp(big.NewRat(40, 100)) > 0 {
		return contrib.Sanction{Days: days, Amount: money.FromRat(new(big.Rat).Mul(in.Amount.Rat(), big.NewRat(40, 100))), Capped: true}
	}
	return contrib.Sanction{Days: days, Amount: money.FromRat(new(big.Rat).Mul(in.Amount.Rat(), sum))}
}

func TestSanctionMatchesADayByDayReference(t *testing.T) {
	p := contrib.Default()
	r := rand.New(rand.NewPCG(61, 62))
	start := civil.MustParse("2016-03-16")
	for i := range 600 {
		due := start.AddDays(r.IntN(3700))
		in := contrib.SanctionInput{Amount: money.Cents(r.Int64N(5_000_000)), Due: due,
			Paid: due.AddDays(r.IntN([]int{130, 800, 4000}[r.IntN(3)])), Spontaneous: r.IntN(2) == 0}
		got := sanction(t, in)
		if want := referenceSanction(p, in); got != want {
			t.Fatalf("run %d %+v: %+v, day by day %+v", i, in, got, want)
		}
		later := in
		later.Paid = in.Paid.AddDays(1 + r.IntN(30))
		if s := sanction(t, later); s.Amount < got.Amount && !(in.Spontaneous && s.Days > 120) {
			t.Fatalf("run %d: paying later costs less: %+v then %+v", i, got, s)
		}
	}
}
