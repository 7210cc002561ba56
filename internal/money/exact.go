package money

import (
	"fmt"
	"math/big"
	"math/bits"
)

// MulDiv returns round2(a × b / den) where a × b / den is an amount in
// cents: the product is exact in 128 bits, and the quotient is rounded half
// up, that is to the nearest cent with halves away from zero (for the
// non-negative amounts of RULES.md this is exactly round half up). It panics
// when den is not positive or the result does not fit in an int64, which
// amounts below Max and rates below 100% never reach.
func MulDiv(a, b, den int64) Cents {
	if den <= 0 {
		panic(fmt.Sprintf("money: MulDiv by %d", den))
	}
	neg := (a < 0) != (b < 0)
	hi, lo := bits.Mul64(abs(a), abs(b))
	if hi >= uint64(den) {
		panic(fmt.Sprintf("money: MulDiv(%d, %d, %d) overflows", a, b, den))
	}
	q, r := bits.Div64(hi, lo, uint64(den))
	if r >= uint64(den)-r { // 2r ≥ den without overflow
		q++
	}
	if q > 1<<63-1 {
		panic(fmt.Sprintf("money: MulDiv(%d, %d, %d) overflows", a, b, den))
	}
	if neg {
		return -Cents(q)
	}
	return Cents(q)
}

func abs(v int64) uint64 {
	if v < 0 {
		return uint64(-(v + 1)) + 1
	}
	return uint64(v)
}

// FromRat returns round2(euros): the rational amount of euro rounded half up
// (halves away from zero) to the cent.
func FromRat(euros *big.Rat) Cents {
	cents := new(big.Rat).Mul(euros, big.NewRat(100, 1))
	num, den := cents.Num(), cents.Denom()
	q, r := new(big.Int).QuoRem(num, den, new(big.Int))
	r.Abs(r).Lsh(r, 1)
	if r.Cmp(den) >= 0 {
		if num.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return Cents(q.Int64())
}

// Rat returns the amount in euro as an exact rational.
func (c Cents) Rat() *big.Rat { return big.NewRat(int64(c), 100) }
