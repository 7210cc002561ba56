package ledger_test

import (
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// bigBook is a position with a titolare and a collaboratore insured eight
// years: 64 fixed rates, each paid (half of them late, with a sanction).
func bigBook() *book {
	b := newBook(contrib.CO)
	for year := 2019; year <= 2026; year++ {
		for _, person := range []int64{100, 101} {
			for n := 1; n <= 4; n++ {
				id := b.rate(person, 10+int(person-100), year, n, civil.New(year, 5, 16).String(), 113743, 186)
				b.pay(civil.New(year, 5, 16).String(), 113743, id, money.Cents(113743))
				if n%2 == 0 {
					b.child(id, "sanction", 1234, "sanzioni civili")
				}
			}
		}
	}
	return b
}

func BenchmarkSituation(b *testing.B) {
	rec := bigBook().rec
	o := situationOptions("2026-03-16")
	b.ReportAllocs()
	for b.Loop() {
		_ = newSituation(rec, o)
	}
}

func BenchmarkStatement(b *testing.B) {
	rec := bigBook().rec
	p := contrib.Default()
	b.ReportAllocs()
	for b.Loop() {
		_ = newStatement(rec, p)
	}
}
