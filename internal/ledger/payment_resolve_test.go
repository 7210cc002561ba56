package ledger_test

import (
	"testing"

	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
)

func TestResolvePosition(t *testing.T) {
	byNumber := func(n string) (ledger.PayerPosition, bool) {
		if n == "10000001" {
			return ledger.PayerPosition{ID: 1, Number: n, Gestione: contrib.AR}, true
		}
		return ledger.PayerPosition{}, false
	}
	mine := []ledger.PayerPosition{
		{ID: 4, Gestione: contrib.CO, PersonID: 7, Titolare: true},
		{ID: 3, Gestione: contrib.AR, PersonID: 7},
		{ID: 5, Gestione: contrib.AR, PersonID: 7, Titolare: true},
		{ID: 2, Gestione: contrib.AR, PersonID: 7},
	}
	p := pay(1, 113743, code(t, 1, 113743))
	if got := ledger.ResolvePosition(p, byNumber, mine); got != 1 {
		t.Errorf("by codeline: %d, want 1", got)
	}
	p.CodiceINPS = "99999999101250100" // a position that does not exist
	if got := ledger.ResolvePosition(p, byNumber, mine); got != 5 {
		t.Errorf("by person and gestione AR: %d, want 5 (titolare first)", got)
	}
	p.Causale = "CP"
	if got := ledger.ResolvePosition(p, byNumber, mine); got != 4 {
		t.Errorf("by person and gestione CO: %d, want 4", got)
	}
	p.PersonID = 8
	if got := ledger.ResolvePosition(p, byNumber, mine); got != 0 {
		t.Errorf("another person: %d, want 0", got)
	}
}
