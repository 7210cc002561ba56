package delegation_test

import (
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/delegation"
)

func TestParseFormDateReadsBothFormats(t *testing.T) {
	for raw, want := range map[string]string{"2026-12-31": "2026-12-31", "31/12/2026": "2026-12-31", "1/2/2027": "2027-02-01"} {
		if d, ok := delegation.ParseFormDate(raw); !ok || d != civil.MustParse(want) {
			t.Errorf("ParseFormDate(%q) = %v %v, want %s", raw, d, ok, want)
		}
	}
	if d, ok := delegation.ParseFormDate(""); !ok || !d.IsZero() {
		t.Errorf("empty date: %v %v", d, ok)
	}
	if _, ok := delegation.ParseFormDate("31/02/2026"); ok {
		t.Error("31/02/2026 read as a date")
	}
}

func TestCleanFileNameKeepsThePrintableBaseName(t *testing.T) {
	if got := delegation.CleanFileName(`C:\\tmp\\man"dato` + "\x00.pdf"); got != "mandato.pdf" {
		t.Errorf("CleanFileName = %q", got)
	}
}
