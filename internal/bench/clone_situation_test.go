package bench

import (
	"context"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/demo"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// assertSameSituations compares the situazione of the template position
// with the most notices among those of the partial copy with its copies
// in the first whole copy and in the partial one.
func assertSameSituations(t *testing.T, db *store.DB, st cloneStats, cut int64) {
	t.Helper()
	ctx := context.Background()
	var id, maxPos int64
	err := db.R().QueryRow(ctx, `SELECT position_id FROM notices WHERE position_id <= ?
		GROUP BY position_id ORDER BY COUNT(*) DESC, position_id LIMIT 1`, cut).Scan(&id)
	if err != nil {
		t.Fatalf("a template position with notices: %v", err)
	}
	// the template's positions are the first ones
	if err := db.R().QueryRow(ctx, "SELECT id FROM positions ORDER BY id LIMIT 1 OFFSET ?", st.Template-1).Scan(&maxPos); err != nil {
		t.Fatal(err)
	}
	r := store.NewLedgerReader(db)
	o := ledger.SituationOptions{AsOf: demo.ReferenceDate()}
	orig, err := r.Situation(ctx, id, o)
	if err != nil {
		t.Fatal(err)
	}
	if orig.Debt == 0 && orig.Credit == 0 {
		t.Fatalf("position %d: no debt and no credit: a weak comparison", id)
	}
	for _, k := range []int64{1, cloneTestCopies} {
		clone, err := r.Situation(ctx, id+k*(maxPos+1), o)
		if err != nil {
			t.Fatal(err)
		}
		if clone.Position.Number == orig.Position.Number {
			t.Errorf("copy %d has the template's number %s", k, orig.Position.Number)
		}
		if clone.Debt != orig.Debt || clone.Credit != orig.Credit || clone.Overdue != orig.Overdue ||
			items(clone) != items(orig) || len(clone.Years) != len(orig.Years) {
			t.Errorf("copy %d of position %d: debt %s credit %s overdue %s, %d items; template: %s %s %s, %d items",
				k, id, clone.Debt, clone.Credit, clone.Overdue, items(clone), orig.Debt, orig.Credit, orig.Overdue, items(orig))
		}
	}
}

func items(s ledger.Situation) int {
	n := 0
	for _, y := range s.Years {
		n += len(y.Items)
	}
	return n
}

// assertCodelinesVerify checks that the copies' payment codes verify for
// their sede and amount exactly as the template's do.
func assertCodelinesVerify(t *testing.T, db *store.DB) {
	t.Helper()
	ctx := context.Background()
	rows, err := db.R().Query(ctx, `SELECT p.id, p.codice_inps, p.codice_sede, p.debit, p.credit, pos.number
		FROM payments p JOIN positions pos ON pos.id = p.position_id ORDER BY p.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	verified := map[int64]int{} // by copy, 0 the template
	own := map[int64]int{}      // of them, those naming their payment's position
	maxPay := partialCount(t, db, "SELECT MAX(id) FROM payments WHERE line_key NOT LIKE '%#%'")
	for rows.Next() {
		var id int64
		var p ledger.Payment
		var debit, credit int64
		var number string
		if err := rows.Scan(&id, &p.CodiceINPS, &p.CodiceSede, &debit, &credit, &number); err != nil {
			t.Fatal(err)
		}
		p.Debit, p.Credit = money.Cents(debit), money.Cents(credit)
		if p.CodelineVerified() {
			verified[(id-1)/(maxPay+1)]++
			if p.CodelinePosition() == number {
				own[(id-1)/(maxPay+1)]++
			}
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	for k := range int64(cloneTestCopies) {
		if verified[k] == 0 || own[k] == 0 || verified[k] != verified[0] || own[k] != own[0] {
			t.Errorf("verified codes by copy (0 the template): %v, naming their position: %v", verified, own)
			break
		}
	}
}
