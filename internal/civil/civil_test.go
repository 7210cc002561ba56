package civil_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
)

// TestStringIsISOWithPaddedFields formats dates of short, long and
// negative years, one-digit months and days, as %04d-%02d-%02d does, and
// appends them after what a buffer already holds.
func TestStringIsISOWithPaddedFields(t *testing.T) {
	for _, d := range []civil.Date{
		{Year: 2027, Month: time.March, Day: 16}, {Year: 5, Month: time.January, Day: 1},
		{Year: 99, Month: time.December, Day: 31}, {Year: 987, Month: time.October, Day: 9},
		{Year: 12345, Month: time.May, Day: 20}, {Year: -3, Month: time.June, Day: 7},
	} {
		want := fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
		if got := d.String(); got != want {
			t.Errorf("String of %#v = %q, want %q", d, got, want)
		}
		if got := string(d.AppendISO([]byte("k:"))); got != "k:"+want {
			t.Errorf("AppendISO of %#v = %q, want %q", d, got, "k:"+want)
		}
	}
	if s, b := (civil.Date{}).String(), (civil.Date{}).AppendISO([]byte("k")); s != "" || string(b) != "k" {
		t.Errorf("zero date: %q and %q, want nothing", s, b)
	}
}
