package contrib

import (
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
)

// YearMonth is a calendar month of a year, the unit of insured periods.
type YearMonth struct {
	Year  int
	Month time.Month
}

// ParseYearMonth reads "2025-01" (ISO) or "01/2025" (the F24 periodo field).
func ParseYearMonth(s string) (YearMonth, error) {
	var ys, ms string
	switch {
	case len(s) == 7 && s[4] == '-':
		ys, ms = s[:4], s[5:]
	case len(s) == 7 && s[2] == '/':
		ms, ys = s[:2], s[3:]
	}
	y, m := digitsValue(ys), digitsValue(ms)
	if y < 1 || m < 1 || m > 12 {
		return YearMonth{}, fmt.Errorf("contrib: %q is not a month like 2025-01", s)
	}
	return YearMonth{y, time.Month(m)}, nil
}

// digitsValue returns the value of a string of ASCII digits, or -1.
func digitsValue(s string) int {
	if s == "" {
		return -1
	}
	v := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
		v = v*10 + int(s[i]-'0')
	}
	return v
}

// IsZero reports whether m is the zero value (no month).
func (m YearMonth) IsZero() bool { return m == YearMonth{} }

// String formats m as "2025-01".
func (m YearMonth) String() string {
	var buf [7]byte
	b := civil.AppendPadded(buf[:0], m.Year, 4)
	b = append(b, '-')
	return string(civil.AppendPadded(b, int(m.Month), 2))
}

// F24 formats m as the F24 periodo field shows it: "01/2025".
func (m YearMonth) F24() string {
	var buf [7]byte
	b := civil.AppendPadded(buf[:0], int(m.Month), 2)
	b = append(b, '/')
	return string(civil.AppendPadded(b, m.Year, 4))
}

// MarshalText formats m in the F24 form ("01/2025"), as the machine output of
// the rates (period_from, period_to) carries it.
func (m YearMonth) MarshalText() ([]byte, error) { return []byte(m.F24()), nil }

// UnmarshalText reads either form (see ParseYearMonth).
func (m *YearMonth) UnmarshalText(b []byte) error {
	v, err := ParseYearMonth(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// index numbers months consecutively, for comparisons and spans.
func (m YearMonth) index() int { return m.Year*12 + int(m.Month) - 1 }
