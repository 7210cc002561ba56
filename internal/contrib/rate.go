package contrib

import (
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/money"
)

// Rate is a percentage in hundredths of a point (basis points): 2448 is
// 24.48%. Every rate of RULES.md has at most two decimals, so rates are exact.
type Rate int64

// basisPoints is the denominator of a Rate as a fraction: 10000 = 100%.
const basisPoints = 10000

// ParseRate reads a percentage with up to two decimals: "24.48", "0.5", "-0.10".
func ParseRate(s string) (Rate, error) {
	c, err := money.Parse(s)
	if err != nil {
		return 0, fmt.Errorf("contrib: %q is not a percentage like 24.48", s)
	}
	return Rate(c), nil
}

// String formats r as a percentage without the sign: "24.48".
func (r Rate) String() string { return money.Cents(r).String() }

// MarshalText formats r like String.
func (r Rate) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText parses a percentage (see ParseRate).
func (r *Rate) UnmarshalText(b []byte) error {
	v, err := ParseRate(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}
