package demo_test

import (
	"context"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/demo"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

// TestHistoryIsBelievableAndLoadsOnce loads the registry and its history
// and checks that the history has every kind of case the portal must show,
// that the titolare's figures agree with each other, and that a second
// load adds nothing.
func TestHistoryIsBelievableAndLoadsOnce(t *testing.T) {
	ctx := context.Background()
	db := storetest.New(t)
	if _, err := demo.Load(ctx, db, demo.Options{Seed: 1, Positions: 300, Name: "demo"}); err != nil {
		t.Fatal(err)
	}
	st, err := demo.LoadHistory(ctx, db, "demo")
	if err != nil {
		t.Fatal(err)
	}
	if st.Dues == 0 || st.Payments == 0 || st.Incomes == 0 || st.Notices == 0 {
		t.Fatalf("history: %+v", st)
	}
	count := func(q string) int {
		t.Helper()
		var n int
		if err := db.R().QueryRow(ctx, q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	checks := map[string]string{
		"years imposed":             `SELECT COUNT(DISTINCT year) FROM dues WHERE kind = 'rata1'`,
		"above-minimale dues":       `SELECT COUNT(*) FROM dues WHERE kind = 'saldo'`,
		"late-payment sanctions":    `SELECT COUNT(*) FROM dues WHERE kind = 'sanction'`,
		"avvisi bonari":             `SELECT COUNT(*) FROM notices WHERE kind = 'avviso_bonario'`,
		"avvisi di addebito":        `SELECT COUNT(*) FROM notices WHERE kind = 'avviso_addebito'`,
		"allocations by codeline":   `SELECT COUNT(*) FROM allocations WHERE method = 'codeline'`,
		"allocations by match":      `SELECT COUNT(*) FROM allocations WHERE method = 'match'`,
		"documents for the notices": `SELECT COUNT(*) FROM documents`,
	}
	for what, q := range checks {
		if count(q) == 0 {
			t.Errorf("the history has no %s", what)
		}
	}
	if y := count(`SELECT COUNT(DISTINCT year) FROM dues WHERE kind = 'rata1'`); y != demo.HistoryLastYear-demo.HistoryFirstYear+1 {
		t.Errorf("imposed %d years, want 2019–2026", y)
	}
	paid, unpaid := count(`SELECT COUNT(DISTINCT due_id) FROM allocations`), count(`SELECT COUNT(*) FROM dues d
		WHERE d.kind = 'rata1' AND NOT EXISTS (SELECT 1 FROM allocations a WHERE a.due_id = d.id)`)
	if paid < 5*unpaid {
		t.Errorf("payments should be mostly made: %d dues paid, %d first rates unpaid", paid, unpaid)
	}

	// the demo titolare's figures agree: debt of the situazione = sum of the residuals of its years
	pos, err := store.NewRegistry(db, nil).PositionByNumber(ctx, demo.NumberTitolareAR)
	if err != nil {
		t.Fatal(err)
	}
	sit, err := store.NewLedgerReader(db).Situation(ctx, pos.ID, ledger.SituationOptions{AsOf: demo.ReferenceDate()})
	if err != nil {
		t.Fatal(err)
	}
	if want := demo.HistoryLastYear - demo.HistoryFirstYear + 1; len(sit.Years) != want {
		t.Errorf("the demo titolare's situazione has %d years, want %d", len(sit.Years), want)
	}
	statement, err := store.NewLedgerReader(db).Statement(ctx, pos.ID, contrib.Default())
	if err != nil || len(statement.Persons) == 0 {
		t.Fatalf("statement: %+v %v", statement, err)
	}

	again, err := demo.LoadHistory(ctx, db, "demo")
	if err != nil || !again.AlreadyDone {
		t.Fatalf("second load: %+v %v", again, err)
	}
}
