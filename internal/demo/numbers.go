package demo

import "fmt"

// Position numbers: the fixed identities use 10000001 and up; the random
// positions use 20000000–99999999, progressive as an office assigns them at
// registration: the i-th random position registered gets a higher number
// than the (i-1)-th. The first number depends on the seed, and the gap
// between two numbers varies from 1 to numberStride (numbers of positions
// cancelled before they appear in the data).
//
// Numbers that grow with the order of registration are also what keeps the
// batches fast: the natural keys and codelines of the dues begin with the
// position number, so the imposition, which visits positions in id order,
// adds to the end of those indexes instead of all over them.
const (
	numberBase   = 20_000_000
	numberRange  = 80_000_000
	numberStride = 8
	// numberMaxPositions is the largest count the numbering covers (the
	// seed command's limit): numberMaxPositions × numberStride numbers
	// above the first one still fit in the range.
	numberMaxPositions = 5_000_000
)

// numbering maps the index of a random position to its number,
// n = base + first + stride·i + (h(i) mod stride): strictly increasing, so
// unique, for any count up to numberMaxPositions.
type numbering struct{ first, salt uint64 }

func newNumbering(seed uint64) numbering {
	return numbering{
		first: splitmix(seed) % (numberRange - numberStride*numberMaxPositions),
		salt:  splitmix(seed ^ 0x5eed),
	}
}

func (n numbering) number(i int) string {
	gap := splitmix(n.salt^uint64(i)) % numberStride
	return fmt.Sprintf("%08d", numberBase+n.first+numberStride*uint64(i)+gap)
}

// splitmix is the SplitMix64 mixing function.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}
