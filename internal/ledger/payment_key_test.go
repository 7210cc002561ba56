package ledger_test

import (
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

func TestLineKeysCountIdenticalLinesAndIgnoreTheFormat(t *testing.T) {
	a := pay(1, 113743, code(t, 1, 113743))
	b := a
	b.Debit = 113744
	k := ledger.NewLineKeyer()
	ka1, kb1, ka2 := k.Key(a), k.Key(b), k.Key(a)
	if !strings.HasSuffix(ka1, ".1") || !strings.HasSuffix(ka2, ".2") || ka1 == ka2 || kb1 == ka1 ||
		strings.TrimSuffix(ka1, ".1") != strings.TrimSuffix(ka2, ".2") {
		t.Fatalf("keys %s %s %s", ka1, kb1, ka2)
	}
	// The key begins with the payment date, so keys sort by date first.
	later := a
	later.PaidOn = a.PaidOn.AddDays(1)
	kl := k.Key(later)
	if !strings.HasPrefix(ka1, a.PaidOn.String()+".") || !strings.HasPrefix(kl, later.PaidOn.String()+".") || kl <= kb1 || kl <= ka2 {
		t.Fatalf("keys %s %s %s and the day after %s: want each to begin with its date", ka1, kb1, ka2, kl)
	}
	// Another file: the same content gives the same keys, whatever the line,
	// source or resolved IDs.
	c := a
	c.SourceLine, c.Source, c.PersonID, c.ID = 99, "other.csv", 0, 0
	if k2 := ledger.NewLineKeyer(); k2.Key(c) != ka1 || k2.Key(c) != ka2 {
		t.Fatal("the same lines in another file got other keys")
	}
}
