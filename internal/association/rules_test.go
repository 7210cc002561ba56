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
