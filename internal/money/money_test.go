package money

import (
	"encoding/json"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

func TestStringAndItalian(t *testing.T) {
	cases := []struct {
		c        Cents
		str, ita string
	}{
		{0, "0.00", "0,00 €"},
		{5, "0.05", "0,05 €"},
		{113743, "1137.43", "1.137,43 €"},
		{-113743, "-1137.43", "-1.137,43 €"},
		{100000000, "1000000.00", "1.000.000,00 €"},
		{12345678901, "123456789.01", "123.456.789,01 €"},
		{math.MinInt64, "-92233720368547758.08", "-92.233.720.368.547.758,08 €"},
	}
	for _, c := range cases {
		if got := c.c.String(); got != c.str {
			t.Errorf("Cents(%d).String() = %q, want %q", int64(c.c), got, c.str)
		}
		if got := c.c.Italian(); got != c.ita {
			t.Errorf("Cents(%d).Italian() = %q, want %q", int64(c.c), got, c.ita)
		}
	}
}

func TestParseAcceptsMachineFormat(t *testing.T) {
	cases := map[string]Cents{
		"1137.43": 113743, "30000": 3000000, "0": 0, "0.5": 50, "-12.05": -1205,
		" 7.44 ": 744, "10000000000000.00": Max,
	}
	for in, want := range cases {
		got, err := Parse(in)
		if err != nil || got != want {
			t.Errorf("Parse(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
}

func TestParseRejectsOtherFormats(t *testing.T) {
	for _, in := range []string{"", "-", "1.", ".5", "1.234", "1,5", "1.137,43", "12a", "1e3",
		"+5", "--1", "10000000000000.01", "99999999999999999999999"} {
		if got, err := Parse(in); err == nil {
			t.Errorf("Parse(%q) = %d, want an error", in, got)
		}
	}
}

func TestParseItalian(t *testing.T) {
	cases := map[string]Cents{
		"1.137,43 €": 113743, "1137,43": 113743, "€ 50": 5000, "1.000.000": 100000000,
		"0,5": 50, "-1.234,56€": -123456, "7": 700,
	}
	for in, want := range cases {
		got, err := ParseItalian(in)
		if err != nil || got != want {
			t.Errorf("ParseItalian(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "1.13,43", "1137.43", "12.3456,00", ",5", "1,234", "1.2345"} {
		if got, err := ParseItalian(in); err == nil {
			t.Errorf("ParseItalian(%q) = %d, want an error", in, got)
		}
	}
}

func TestFormatsRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 10000 {
		c := Cents(r.Int64N(int64(Max))) - Max/2
		if got, err := Parse(c.String()); err != nil || got != c {
			t.Fatalf("Parse(%q) = %d, %v", c.String(), got, err)
		}
		if got, err := ParseItalian(c.Italian()); err != nil || got != c {
			t.Fatalf("ParseItalian(%q) = %d, %v", c.Italian(), got, err)
		}
	}
}

func TestJSONCarriesAmountsAsStrings(t *testing.T) {
	b, err := json.Marshal(struct{ A Cents }{113743})
	if err != nil || string(b) != `{"A":"1137.43"}` {
		t.Fatalf("json = %s, %v", b, err)
	}
	var v struct{ A Cents }
	if err := json.Unmarshal([]byte(`{"A":"4549.70"}`), &v); err != nil || v.A != 454970 {
		t.Fatalf("unmarshal = %d, %v", v.A, err)
	}
	if err := json.Unmarshal([]byte(`{"A":"45,70"}`), &v); err == nil {
		t.Fatal("unmarshal accepted a decimal comma")
	}
}

func TestMulDivRoundsHalfUp(t *testing.T) {
	cases := []struct {
		a, b, den int64
		want      Cents
	}{
		{454226, 3, 12, 113557}, // 1135.565 → 1135.57
		{1, 1, 2, 1},            // 0.5 → 1
		{1, 1, 3, 0},
		{2, 1, 3, 1},
		{-1, 1, 2, -1}, // halves away from zero
		{5, -3, 2, -8},
		{math.MaxInt64, 2, 4, Cents(math.MaxInt64/2 + 1)},
		{0, 5, 7, 0},
	}
	for _, c := range cases {
		if got := MulDiv(c.a, c.b, c.den); got != c.want {
			t.Errorf("MulDiv(%d, %d, %d) = %d, want %d", c.a, c.b, c.den, got, c.want)
		}
	}
}

func TestMulDivMatchesBigRat(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		a, b, den := r.Int64N(1<<40)-1<<39, r.Int64N(1<<22)-1<<21, r.Int64N(1<<30)+1
		want := FromRat(new(big.Rat).SetFrac(big.NewInt(a*b), big.NewInt(den*100)))
		if got := MulDiv(a, b, den); got != want {
			t.Fatalf("MulDiv(%d, %d, %d) = %d, big.Rat says %d", a, b, den, got, want)
		}
	}
}

func TestMulDivPanicsOnOverflow(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("no panic")
		}
	}()
	MulDiv(math.MaxInt64, math.MaxInt64, 2)
}

func TestFromRatAndRat(t *testing.T) {
	cases := map[string]Cents{"1137.425": 113743, "1137.4249": 113742, "-0.005": -1, "-0.0049": 0, "12": 1200}
	for in, want := range cases {
		r, _ := new(big.Rat).SetString(in)
		if got := FromRat(r); got != want {
			t.Errorf("FromRat(%s) = %d, want %d", in, got, want)
		}
	}
	if got := Cents(113743).Rat().FloatString(2); got != "1137.43" {
		t.Errorf("Rat() = %s", got)
	}
	if got := Cents(-113799).WholeEuros(); got != -1137 {
		t.Errorf("WholeEuros() = %d", got)
	}
	if FromEuros(18555) != 1855500 {
		t.Error("FromEuros")
	}
}
