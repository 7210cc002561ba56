package paymentgen_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/demo"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/ledger/paymentgen"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

func TestSeedDuesAndWriteAreRepeatable(t *testing.T) {
	ctx := context.Background()
	db := storetest.New(t)
	if _, err := demo.Load(ctx, db, demo.Options{Seed: 1, Positions: 100}); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)
	n, err := paymentgen.SeedDues(ctx, db, contrib.Default(), 2025, now)
	if err != nil || n == 0 || n%4 != 0 {
		t.Fatalf("seeded %d dues, %v; want four rates per person", n, err)
	}
	if again, err := paymentgen.SeedDues(ctx, db, contrib.Default(), 2025, now); err != nil || again != 0 {
		t.Fatalf("second seed created %d, %v", again, err)
	}
	write := func(lines int) (string, paymentgen.Stats) {
		var b bytes.Buffer
		st, err := paymentgen.Write(ctx, db, &b, paymentgen.Options{Lines: lines, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		return b.String(), st
	}
	a, st := write(int(n) * 2) // more lines than rates: a second round of payments
	b, _ := write(int(n) * 2)
	if a != b {
		t.Fatal("the same seed gave two files")
	}
	lines := strings.Split(strings.TrimSuffix(a, "\n"), "\n")
	if lines[0] != ledger.F24Header || len(lines)-1 != int(n)*2 || st.Lines != int(n)*2 {
		t.Fatalf("header %q, %d lines, stats %+v", lines[0], len(lines)-1, st)
	}
	if st.OnTime == 0 || st.Late == 0 || st.Partial == 0 || st.Invalid == 0 {
		t.Fatalf("mix %+v lacks a kind of line", st)
	}
}
