// Package money holds amounts of euro as integer cents (RULES.md P1): never
// binary floats. It parses and prints the machine format ("1234.56") and the
// Italian user-interface format ("1.234,56 €"), and offers exact arithmetic:
// products are computed in 128 bits or as big.Rat and rounded to the cent
// (round half up) only where the caller asks.
package money

import (
	"strconv"
	"strings"
)

// Cents is an amount of euro in cents. 113743 is 1,137.43 €.
type Cents int64

// Max is the largest amount Parse accepts: ten thousand billion euro. Keeping
// amounts below it leaves room for exact products with rates and months.
const Max Cents = 1_000_000_000_000_000

// FromEuros returns e whole euros.
func FromEuros(e int64) Cents { return Cents(e * 100) }

// WholeEuros returns the amount truncated to whole euros (toward zero).
func (c Cents) WholeEuros() int64 { return int64(c) / 100 }

// String formats c in the machine format: "1137.43", "-0.05", "0.00".
func (c Cents) String() string {
	sign, u := split(c)
	return sign + strconv.FormatUint(u/100, 10) + "." + twoDigits(u%100)
}

// Italian formats c as the user interface shows it: "1.137,43 €".
func (c Cents) Italian() string {
	sign, u := split(c)
	return sign + groupThousands(strconv.FormatUint(u/100, 10)) + "," + twoDigits(u%100) + " €"
}

// MarshalText formats c in the machine format, so JSON carries it as a string.
func (c Cents) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText parses the machine format (see Parse).
func (c *Cents) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

func split(c Cents) (string, uint64) {
	if c < 0 {
		return "-", uint64(-(c + 1)) + 1 // safe for the minimum int64
	}
	return "", uint64(c)
}

func twoDigits(v uint64) string {
	return string([]byte{byte('0' + v/10), byte('0' + v%10)})
}

func groupThousands(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	head := len(digits) % 3
	if head == 0 {
		head = 3
	}
	b.WriteString(digits[:head])
	for i := head; i < len(digits); i += 3 {
		b.WriteByte('.')
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}
