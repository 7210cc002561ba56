package demo

import (
	"math/rand/v2"
	"slices"

	"github.com/cassetto-dev/cassetto/internal/comuni"
)

// places draws comuni weighted by population.
type places struct {
	all []comuni.Comune
	cum []int64 // cum[i]: population of all[0..i]
}

func newPlaces() *places {
	all := comuni.All()
	cum := make([]int64, len(all))
	var total int64
	for i, c := range all {
		total += int64(c.Population)
		cum[i] = total
	}
	return &places{all: all, cum: cum}
}

// pick returns a comune, the more likely the more people live there.
func (p *places) pick(r *rand.Rand) comuni.Comune {
	x := r.Int64N(p.cum[len(p.cum)-1]) + 1
	i, _ := slices.BinarySearch(p.cum, x)
	return p.all[i]
}

// postalCode makes up a five-digit postal code for c from its ISTAT code:
// synthetic, not the real CAP (whose licence is unclear), but stable.
func postalCode(c comuni.Comune) string { return c.IstatCode[1:] }
