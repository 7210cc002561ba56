package contrib_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/contrib"
)

func TestYearMonthFormats(t *testing.T) {
	for in, want := range map[string]contrib.YearMonth{"2025-01": {2025, time.January}, "12/2024": {2024, time.December}} {
		got, err := contrib.ParseYearMonth(in)
		if err != nil || got != want {
			t.Errorf("ParseYearMonth(%q) = %v, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "2025-1", "2025-13", "2025-00", "+025-01", "2025/01", "1/2025", "2025-01-01", "20a5-01"} {
		if got, err := contrib.ParseYearMonth(in); err == nil {
			t.Errorf("ParseYearMonth(%q) = %v, want an error", in, got)
		}
	}
	m := contrib.YearMonth{Year: 2025, Month: time.March}
	if b, _ := m.MarshalText(); m.String() != "2025-03" || m.F24() != "03/2025" || string(b) != "03/2025" {
		t.Errorf("formats of %v", m)
	}
}

// TestYearMonthFormatsAsFmtWould checks the hand-written formatting against
// fmt's, at the edges of four-digit years and two-digit months and beyond.
func TestYearMonthFormatsAsFmtWould(t *testing.T) {
	for _, y := range []int{-1, 0, 7, 99, 999, 1000, 2025, 9999, 10000} {
		for _, mo := range []time.Month{0, 1, 9, 10, 12, 99, 100} {
			m := contrib.YearMonth{Year: y, Month: mo}
			if got, want := m.String(), fmt.Sprintf("%04d-%02d", y, int(mo)); got != want {
				t.Errorf("%d/%d String() = %q, want %q", y, mo, got, want)
			}
			if got, want := m.F24(), fmt.Sprintf("%02d/%04d", int(mo), y); got != want {
				t.Errorf("%d/%d F24() = %q, want %q", y, mo, got, want)
			}
		}
	}
}

func TestRateFormats(t *testing.T) {
	r, err := contrib.ParseRate("24.48")
	if err != nil || r != 2448 || r.String() != "24.48" {
		t.Fatalf("%v %v", r, err)
	}
	if _, err := contrib.ParseRate("24,48"); err == nil {
		t.Fatal("decimal comma accepted")
	}
}
