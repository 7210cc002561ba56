package demo

import "fmt"

// Position numbers: the fixed identities use 10000001 and up; the random
// positions use 20000000–99999999, in an order that depends on the seed.
const (
	numberBase  = 20_000_000
	numberRange = 80_000_000 // = 2^10 × 5^7
)

// numbering maps the index of a random position to its number with
// n = base + (a·i + b) mod range, a bijection because a is coprime with the
// range: numbers are unique for any count up to the range.
type numbering struct{ a, b uint64 }

func newNumbering(seed uint64) numbering {
	a := splitmix(seed) % numberRange
	a |= 1 // odd
	if a%5 == 0 {
		a = (a + 2) % numberRange
	}
	return numbering{a: a, b: splitmix(seed^0x5eed) % numberRange}
}

func (n numbering) number(i int) string {
	return fmt.Sprintf("%08d", numberBase+(n.a*uint64(i)+n.b)%numberRange)
}

// splitmix is the SplitMix64 mixing function.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}
