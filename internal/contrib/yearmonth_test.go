package contrib_test

import (
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

func TestRateFormats(t *testing.T) {
	r, err := contrib.ParseRate("24.48")
	if err != nil || r != 2448 || r.String() != "24.48" {
		t.Fatalf("%v %v", r, err)
	}
	if _, err := contrib.ParseRate("24,48"); err == nil {
		t.Fatal("decimal comma accepted")
	}
}
