package association

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/codicefiscale"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

// TestAddStaffRefusesBadCodesBeforeStoring: the checks come before any
// storage, so a service without a store must answer them.
func TestAddStaffRefusesBadCodesBeforeStoring(t *testing.T) {
	svc := &Service{Now: time.Now}
	cf := codicefiscale.Compute("Ferri", "Paolo", "M", civil.MustParse("1968-04-12"), "F205")
	assoc := Association{PersonID: 1, CodiceFiscale: cf}
	for cf, want := range map[string]string{"": MsgCFRequired, "  ": MsgCFRequired, strings.ToLower(cf): MsgSelfStaff} {
		err := svc.AddStaff(context.Background(), assoc, cf)
		if f := errs.Fields(err); len(f) != 1 || f[0].Field != "cf" || f[0].Message != want {
			t.Errorf("AddStaff(%q) = %v, want %s beside cf", cf, err, want)
		}
	}
	if err := svc.AddStaff(context.Background(), assoc, "NOTACODE"); !errs.Is(err, errs.Invalid) {
		t.Errorf("a malformed code: %v, want invalid", err)
	}
}

func TestParseEndReadsBothFormats(t *testing.T) {
	for raw, want := range map[string]string{"2026-12-31": "2026-12-31", "31/12/2026": "2026-12-31", "1/2/2027": "2027-02-01"} {
		if d, ok := parseEnd(raw); !ok || d != civil.MustParse(want) {
			t.Errorf("parseEnd(%q) = %v %v, want %s", raw, d, ok, want)
		}
	}
	if d, ok := parseEnd(""); !ok || !d.IsZero() {
		t.Errorf("empty end: %v %v", d, ok)
	}
}

func TestCleanNameKeepsThePrintableBaseName(t *testing.T) {
	if got := cleanName(`C:\\tmp\\man"dato` + "\x00.pdf"); got != "mandato.pdf" {
		t.Errorf("cleanName = %q", got)
	}
}
