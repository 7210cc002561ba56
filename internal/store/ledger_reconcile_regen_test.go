package store_test

import (
	"context"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// A code re-generated for another amount (ledger.Regenerate) names its due
// even when the line's codice fiscale and period would not find it.
func TestWritePaymentsAllocatesARegeneratedCodeByCodeline(t *testing.T) {
	ctx := context.Background()
	f := newPayFixture(t)
	keys := ledger.NewLineKeyer()
	code, err := ledger.Regenerate(f.rates[1], "1300", 60000)
	if err != nil {
		t.Fatal(err)
	}
	byStranger := f.payment(keys, "RSSMRA80A01H501U", 2, "2025-08-20", 60000, code)
	byStranger.PeriodFrom, byStranger.PeriodTo = contrib.YearMonth{Year: 2025, Month: 1}, contrib.YearMonth{Year: 2025, Month: 12}
	byStranger.LineKey = keys.Key(byStranger)
	res, err := f.pay.WritePayments(ctx, []ledger.Payment{
		f.payment(keys, f.titolareCF, 2, "2025-08-20", 50000, code[:15]+"00"), // a code that does not verify: matched
		byStranger,
	})
	if err != nil {
		t.Fatal(err)
	}
	if rs := res.Reconcile; rs.ByCodelineCount != 1 || rs.ByCodeline != 60000 || rs.ByMatch != 50000 || rs.Credit != 0 {
		t.Fatalf("reconciliation %+v: want 600.00 by codeline and 500.00 by match", rs)
	}
	var due, n int64
	err = f.db.R().QueryRow(ctx, `SELECT MIN(a.due_id), COUNT(*) FROM allocations a WHERE a.method = ?`, ledger.ByCodeline).Scan(&due, &n)
	if err != nil || due != f.rates[1].ID || n != 1 {
		t.Fatalf("allocation by codeline to due %d (%d), %v; want rata 2, due %d", due, n, err, f.rates[1].ID)
	}
}
