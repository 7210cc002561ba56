package contrib_test

import (
	"errors"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/money"
)

func calc(t *testing.T, in contrib.Input) contrib.Result {
	t.Helper()
	res, err := contrib.Default().Calc(in)
	if err != nil {
		t.Fatalf("%+v: %v", in, err)
	}
	return res
}

func ym(y int, m time.Month) contrib.YearMonth { return contrib.YearMonth{Year: y, Month: m} }

func TestYoungRateHoldsUpToTheMonthOfThe21stBirthday(t *testing.T) {
	// 2024 AR: 23.70 up to June (birthday 2003-06-30), 24.00 from July:
	// ivs = round2(18415 × (6 × 23.70 + 6 × 24.00) / 1200) = round2(4392.0... )
	res := calc(t, contrib.Input{Year: 2024, Gestione: contrib.AR, Role: contrib.Collaboratore, Birth: civil.MustParse("2003-06-30")})
	if res.Fixed.IVS != money.MulDiv(1841500, 6*2370+6*2400, 120000) || res.Fixed.IVS != 439198 {
		t.Fatalf("ivs %s", res.Fixed.IVS)
	}
	titolare := calc(t, contrib.Input{Year: 2024, Gestione: contrib.AR, Role: contrib.Titolare, Birth: civil.MustParse("2003-06-30")})
	if titolare.Fixed.IVS != 441960 {
		t.Fatalf("a young titolare pays %s, want the full 4419.60", titolare.Fixed.IVS)
	}
	turned := calc(t, contrib.Input{Year: 2024, Gestione: contrib.AR, Role: contrib.Collaboratore, Birth: civil.MustParse("2002-12-31")})
	if turned.Fixed.IVS != 441960 {
		t.Fatalf("a collaboratore 21 in December 2023 pays %s, want 4419.60", turned.Fixed.IVS)
	}
}

func TestPartYearProratesTheMinimaleButNotTheBands(t *testing.T) {
	// CO 2025, insured March to August (6 months), income 60000.
	res := calc(t, contrib.Input{Year: 2025, Gestione: contrib.CO, Role: contrib.Titolare, Birth: civil.MustParse("1980-01-01"),
		Income: money.FromEuros(60000), From: ym(2025, time.March), To: ym(2025, time.August)})
	// B = 9277.50; ivs = round2(9277.50 × 24.48%) = 2271.13; band1 = (55448 − 9277.50) × 24.48% = 11302.54;
	// band2 = (60000 − 55448) × 25.48% = 1159.85.
	want := contrib.Result{Minimale: 1855500, Months: 6, Total: 227113 + 372 + 1130254 + 115985}
	if res.Months != 6 || res.Fixed.IVS != 227113 || res.Fixed.Maternita != 372 || res.Above.Band1 != 1130254 ||
		res.Above.Band2 != 115985 || res.Total != want.Total {
		t.Fatalf("got %+v", res)
	}
	if len(res.Fixed.Rates) != 3 {
		t.Fatalf("rates %+v", res.Fixed.Rates)
	}
	first, last := res.Fixed.Rates[0], res.Fixed.Rates[2]
	if first.N != 1 || first.PeriodFrom != ym(2025, 3) || first.PeriodTo != ym(2025, 3) ||
		last.N != 3 || last.PeriodFrom != ym(2025, 7) || last.PeriodTo != ym(2025, 8) || last.Due.String() != "2025-11-17" {
		t.Fatalf("rates %+v", res.Fixed.Rates)
	}
	// Quarter 1 holds one month: round2(2271.13 / 6) + 0.62 = 378.52 + 0.62.
	if first.Amount != 37914 {
		t.Fatalf("first rata %s", first.Amount)
	}
}

func TestReductions(t *testing.T) {
	base := contrib.Input{Year: 2026, Role: contrib.Titolare, Birth: civil.MustParse("1955-01-01"), Income: money.FromEuros(200000)}
	cases := []struct {
		g                 contrib.Gestione
		red               contrib.Reduction
		ivs, band1, band2 money.Cents
	}{
		// AR: 4513.92 / 8979.84 / 9370.75 in full.
		{contrib.AR, contrib.Forfettario, 293405, 583690, 609099},
		{contrib.AR, contrib.Over65, 225696, 448992, 468538}, // half, rounded per band
		// CO: s = 0.48 stays in full: round2(18808 × 24% / 2) + round2(18808 × 0.48%).
		{contrib.CO, contrib.Over65, 225696 + 9028, 448992 + 17960, 468538 + 17992},
		{contrib.CO, contrib.New2025, 225696 + 9028, 448992 + 17960, 468538 + 17992},
	}
	for _, c := range cases {
		in := base
		in.Gestione, in.Reduction = c.g, c.red
		res := calc(t, in)
		if res.Fixed.IVS != c.ivs || res.Above.Band1 != c.band1 || res.Above.Band2 != c.band2 || res.Fixed.Maternita != 744 {
			t.Errorf("%s %s: ivs %s band1 %s band2 %s maternità %s", c.g, c.red, res.Fixed.IVS, res.Above.Band1, res.Above.Band2, res.Fixed.Maternita)
		}
	}
}

func TestPost1996RaisesTheMassimale(t *testing.T) {
	in := contrib.Input{Year: 2026, Gestione: contrib.AR, Role: contrib.Titolare, Birth: civil.MustParse("1990-01-01"),
		Income: money.FromEuros(500000), Post1996: true}
	res := calc(t, in)
	// Contributivo puro 2026 artigiani: 30,011.51 of IVS at most (SOURCES.md §1.5).
	if ivs := res.Fixed.IVS + res.Above.Total; ivs != 3001151 {
		t.Fatalf("IVS %s, want 30011.51", ivs)
	}
}

func TestNegativeIncomeIsNoIncome(t *testing.T) {
	in := contrib.Input{Year: 2025, Gestione: contrib.CO, Role: contrib.Titolare, Birth: civil.MustParse("1980-01-01"), Income: -500000}
	if res := calc(t, in); res.Above.Total != 0 || res.Total != 454970 {
		t.Fatalf("%+v", res)
	}
}

func TestCalcRejectsInputsNamingTheField(t *testing.T) {
	ok := contrib.Input{Year: 2025, Gestione: contrib.CO, Role: contrib.Titolare, Birth: civil.MustParse("1980-01-01")}
	cases := map[string]func(*contrib.Input){
		"year":      func(in *contrib.Input) { in.Year = 2018 },
		"gestione":  func(in *contrib.Input) { in.Gestione = "XX" },
		"role":      func(in *contrib.Input) { in.Role = "socio" },
		"birth":     func(in *contrib.Input) { in.Birth = civil.Date{} },
		"from":      func(in *contrib.Input) { in.From = ym(2024, 5) },
		"to":        func(in *contrib.Input) { in.From, in.To = ym(2025, 5), ym(2025, 4) },
		"reduction": func(in *contrib.Input) { in.Reduction = "half" },
	}
	cases["birth/late"] = func(in *contrib.Input) { in.Birth, in.To = civil.MustParse("2025-07-01"), ym(2025, 6) }
	cases["reduction/new2025"] = func(in *contrib.Input) { in.Year, in.Reduction = 2024, contrib.New2025 }
	for name, mutate := range cases {
		in := ok
		mutate(&in)
		_, err := contrib.Default().Calc(in)
		var ie *contrib.InputError
		if !errors.As(err, &ie) || ie.Field != name[:len(name)-len(after(name))] || ie.Want == "" {
			t.Errorf("%s: error %v", name, err)
		}
	}
	if _, err := contrib.Default().Calc(ok); err != nil {
		t.Fatal(err)
	}
}

// after returns the "/detail" suffix of a case name.
func after(name string) string {
	for i := range name {
		if name[i] == '/' {
			return name[i:]
		}
	}
	return ""
}
