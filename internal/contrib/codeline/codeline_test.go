package codeline_test

import (
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/contrib/codeline"
	"github.com/cassetto-dev/cassetto/internal/contrib/vectortest"
	"github.com/cassetto-dev/cassetto/internal/money"
)

type vectors struct {
	Cases []struct {
		Input struct {
			codeline.Fields
			Sede   int         `json:"sede"`
			Amount money.Cents `json:"amount"`
		} `json:"input"`
		Expected string `json:"expected"`
	} `json:"cases"`
}

func TestCodelineVectors(t *testing.T) {
	vectortest.Each(t, "codelines.json", func(t *testing.T, v vectors) {
		if len(v.Cases) == 0 {
			t.Fatal("no cases")
		}
		for i, c := range v.Cases {
			in := c.Input
			sede := fmt.Sprintf("%04d", in.Sede)
			got, err := codeline.Make(in.Fields, sede, in.Amount)
			if err != nil || got != c.Expected {
				t.Errorf("case %d %+v: %q, %v; want %q", i, in, got, err, c.Expected)
				continue
			}
			f, err := codeline.Verify(got, sede, in.Amount)
			if err != nil || f != in.Fields {
				t.Errorf("case %d: Verify = %+v, %v", i, f, err)
			}
		}
	})
}

func randomFields(r *rand.Rand) codeline.Fields {
	return codeline.Fields{Position: 1 + r.IntN(99_999_999), Subject: 10 + r.IntN(10), Rata: 1 + r.IntN(9),
		Year: 2000 + r.IntN(100), Seq: 1 + r.IntN(99)}
}

// TestMakeMatchesTheFormulaWrittenOut compares Make with RULES.md P5 spelt
// out with fmt and big numbers, on random fields and on the edges where
// zero-padding matters: one-digit positions, amounts under a euro, the
// largest amount.
func TestMakeMatchesTheFormulaWrittenOut(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	edges := []codeline.Fields{{Position: 1, Subject: 10, Rata: 1, Year: 2000, Seq: 1},
		{Position: 99_999_999, Subject: 19, Rata: 9, Year: 2099, Seq: 99}}
	amounts := []money.Cents{0, 99, 100, 99_999_999}
	for i := range 5000 {
		f := codeline.Fields{Position: 1 + rng.IntN(99_999_999), Subject: 10 + rng.IntN(10), Rata: 1 + rng.IntN(9),
			Year: 2000 + rng.IntN(100), Seq: 1 + rng.IntN(99)}
		amount := money.Cents(rng.Int64N(100_000_000))
		if i < len(edges)*len(amounts) {
			f, amount = edges[i%len(edges)], amounts[i/len(edges)]
		}
		sede := fmt.Sprintf("%04d", rng.IntN(10_000))
		body := fmt.Sprintf("%08d%02d%d%02d%02d", f.Position, f.Subject, f.Rata, f.Year%100, f.Seq)
		n, _ := new(big.Int).SetString(body+sede+fmt.Sprintf("%06d", amount/100)+"00", 10)
		want := body + fmt.Sprintf("%02d", 98-new(big.Int).Mod(n, big.NewInt(97)).Int64())
		got, err := codeline.Make(f, sede, amount)
		if err != nil || got != want {
			t.Fatalf("Make(%+v, %s, %v) = %q, %v; want %q", f, sede, amount, got, err, want)
		}
		if check, err := codeline.Check(body, sede, amount); err != nil || check != want[15:] {
			t.Fatalf("Check(%s, %s, %v) = %q, %v; want %q", body, sede, amount, check, err, want[15:])
		}
	}
}

func TestEverySingleDigitErrorAndAdjacentSwapIsDetected(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	for range 2000 {
		f, sede, amount := randomFields(r), fmt.Sprintf("%04d", r.IntN(10000)), money.Cents(r.Int64N(100_000_000))
		code, err := codeline.Make(f, sede, amount)
		if err != nil {
			t.Fatal(err)
		}
		for i := range code {
			for d := byte('0'); d <= '9'; d++ {
				if d == code[i] {
					continue
				}
				bad := code[:i] + string(d) + code[i+1:]
				if _, err := codeline.Verify(bad, sede, amount); err == nil {
					t.Fatalf("%s accepted in place of %s", bad, code)
				}
			}
			if i+1 < len(code) && code[i] != code[i+1] {
				swapped := code[:i] + code[i+1:i+2] + code[i:i+1] + code[i+2:]
				if _, err := codeline.Verify(swapped, sede, amount); err == nil {
					t.Fatalf("%s accepted in place of %s", swapped, code)
				}
			}
		}
	}
}

func TestACodeHoldsForItsSedeAndWholeEurosOnly(t *testing.T) {
	f := codeline.Fields{Position: 12345678, Subject: 10, Rata: 1, Year: 2025, Seq: 1}
	code, _ := codeline.Make(f, "1300", 113743)
	if _, err := codeline.Verify(code, "1300", 113799); err != nil {
		t.Errorf("other cents rejected: %v", err)
	}
	if _, err := codeline.Verify(code, "1300", 113843); !errors.Is(err, codeline.ErrCheck) {
		t.Errorf("another euro: %v", err)
	}
	if _, err := codeline.Verify(code, "1301", 113743); !errors.Is(err, codeline.ErrCheck) {
		t.Errorf("another sede: %v", err)
	}
	again, _ := codeline.Make(codeline.Fields{Position: 12345678, Subject: 10, Rata: 1, Year: 2025, Seq: 2}, "1300", 113743)
	if again[:13] != code[:13] || again[13:15] != "02" || again == code {
		t.Errorf("re-generated code %s from %s", again, code)
	}
}

func TestWrongInputsNameTheField(t *testing.T) {
	good := codeline.Fields{Position: 1, Subject: 10, Rata: 9, Year: 2099, Seq: 99}
	cases := map[string]func(*codeline.Fields, *string, *money.Cents){
		"position": func(f *codeline.Fields, _ *string, _ *money.Cents) { f.Position = 100_000_000 },
		"subject":  func(f *codeline.Fields, _ *string, _ *money.Cents) { f.Subject = 20 },
		"rata":     func(f *codeline.Fields, _ *string, _ *money.Cents) { f.Rata = 0 },
		"year":     func(f *codeline.Fields, _ *string, _ *money.Cents) { f.Year = 25 },
		"seq":      func(f *codeline.Fields, _ *string, _ *money.Cents) { f.Seq = 0 },
		"sede":     func(_ *codeline.Fields, s *string, _ *money.Cents) { *s = "13a0" },
		"amount":   func(_ *codeline.Fields, _ *string, a *money.Cents) { *a = 100_000_000 },
	}
	for field, mutate := range cases {
		f, sede, amount := good, "1300", money.Cents(99_999_999)
		mutate(&f, &sede, &amount)
		_, err := codeline.Make(f, sede, amount)
		var ie *contrib.InputError
		if !errors.As(err, &ie) || ie.Field != field {
			t.Errorf("%s: %v", field, err)
		}
	}
	if _, err := codeline.Make(good, "1300", 99_999_999); err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"", "1234567810125010", "12345678101250102x", "1234567810125010a"} {
		if _, err := codeline.Parse(code); err == nil {
			t.Errorf("Parse(%q) accepted", code)
		}
	}
}

func TestRataNames(t *testing.T) {
	want := []string{"unknown", "fixed rate 1", "fixed rate 2", "fixed rate 3", "fixed rate 4", "saldo", "acconto 1",
		"acconto 2", "dilazione", "other", "unknown"}
	for rata, name := range want {
		if got := codeline.RataName(rata); got != name {
			t.Errorf("RataName(%d) = %q, want %q", rata, got, name)
		}
	}
}
