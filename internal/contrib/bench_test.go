package contrib_test

import (
	"math/rand/v2"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
)

// benchInputs is a fixed mix of persons: all years, both gestioni, both roles,
// part years, every band and reduction.
func benchInputs() []contrib.Input {
	p := contrib.Default()
	r := rand.New(rand.NewPCG(7, 7))
	in := make([]contrib.Input, 4096)
	for i := range in {
		in[i] = randomInput(r, p)
	}
	return in
}

// BenchmarkCalc measures one person-year: ns/op is the time per person.
func BenchmarkCalc(b *testing.B) {
	p, in := contrib.Default(), benchInputs()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := p.Calc(in[i&4095]); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "persons/s")
}

// BenchmarkCalcInto is the batch form, reusing one Result.
func BenchmarkCalcInto(b *testing.B) {
	p, in := contrib.Default(), benchInputs()
	b.ReportAllocs()
	var r contrib.Result
	i := 0
	for b.Loop() {
		if err := p.CalcInto(in[i&4095], &r); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "persons/s")
}

// BenchmarkCalcBigRatReference is the literal big.Rat implementation of the
// tests, for comparison.
func BenchmarkCalcBigRatReference(b *testing.B) {
	p, in := contrib.Default(), benchInputs()
	i := 0
	for b.Loop() {
		y, _ := p.Year(in[i&4095].Year)
		reference(y, in[i&4095])
		i++
	}
}

func BenchmarkSanction(b *testing.B) {
	p := contrib.Default()
	in := contrib.SanctionInput{Amount: 113743, Due: civil.MustParse("2023-05-16"), Paid: civil.MustParse("2025-07-15")}
	for b.Loop() {
		if _, err := p.Sanction(in); err != nil {
			b.Fatal(err)
		}
	}
}
