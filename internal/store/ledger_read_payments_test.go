package store_test

import (
	"reflect"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// TestPaymentsPageFromRecordsIsTheDatabasesPage lists a position's
// payments page by page, under filters of every kind, both from the
// database (LedgerReader.Payments) and from the position's records in
// memory (ledger.PaymentsPage), and wants the same pages; the dues each
// page names (Records.DuesByID) are this position's ones, another
// position's left out. The payments share dates (the id breaks the tie), have two
// causali and two years, pay one due in two parts, one another position's
// due, and one nothing.
func TestPaymentsPageFromRecordsIsTheDatabasesPage(t *testing.T) {
	f := newLedgerFixture(t)
	pos, _ := f.position("12345678")
	other, _ := f.position("23456789")
	r1 := f.rate(pos, 2024, 1, "2024-05-16", 113743)
	r2 := f.rate(pos, 2024, 2, "2024-08-20", 113743)
	r3 := f.rate(pos, 2025, 1, "2025-05-16", 113743)
	elsewhere := f.rate(other, 2025, 1, "2025-05-16", 50000)
	f.payFor(pos, "2024-05-16", "CF", 2024, 113743, r1, money.Cents(113743))
	f.payFor(pos, "2024-08-20", "CF", 2024, 60000, r2, money.Cents(60000))
	f.payFor(pos, "2024-08-20", "CF", 2024, 53743, r2, money.Cents(53743))
	f.payFor(pos, "2024-08-20", "CP", 2024, 1000)
	f.payFor(pos, "2025-05-16", "CF", 2025, 163743, r3, money.Cents(113743), elsewhere, money.Cents(50000))
	f.payFor(pos, "2025-05-16", "CP", 2025, 2000)
	f.payFor(other, "2025-05-16", "CF", 2025, 1)
	for i := range 5 {
		f.payFor(pos, civil.New(2025, 6, 1+i%2).String(), "CF", 2025, money.Cents(100+i))
	}
	info := ledger.PositionInfo{ID: pos.ID, Number: pos.Number, Gestione: contrib.CO, Sede: "1300"}
	reader := newReader(f)
	rec, err := reader.RecordsOf(f.ctx, info, 0)
	f.must(err)
	d := civil.MustParse
	filters := []ledger.PaymentFilter{{}, {Limit: 1}, {Limit: 3}, {Year: 2024}, {Year: 2025, Limit: 2}, {Causale: "CP"},
		{Causale: "CF", Limit: 2}, {From: d("2024-08-20"), To: d("2025-05-16")}, {From: d("2025-06-01"), Limit: 1},
		{To: d("2024-08-20"), Year: 2024, Causale: "CF", Limit: 1}, {Year: 2023}}
	posDues := map[int64]bool{} // the ids of this position's dues, from the database
	rows, err := f.db.R().Query(f.ctx, `SELECT id FROM dues WHERE position_id = ?`, pos.ID)
	f.must(err)
	for rows.Next() {
		var id int64
		f.must(rows.Scan(&id))
		posDues[id] = true
	}
	f.must(rows.Err())
	rows.Close()
	pages, leftOut := 0, false
	for _, filter := range filters {
		for {
			want, err := reader.Payments(f.ctx, pos.ID, filter)
			f.must(err)
			got, err := ledger.PaymentsPage(rec, filter)
			f.must(err)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("filter %+v: from memory\n%+v\nfrom the database\n%+v", filter, got, want)
			}
			var ids []int64
			for _, row := range want.Rows {
				ids = append(ids, row.Dues...)
			}
			gotDues := rec.DuesByID(ids)
			for _, id := range ids {
				if due, ok := gotDues[id]; ok != posDues[id] || (ok && due.ID != id) {
					t.Fatalf("filter %+v: due %d named %v (%+v); of this position: %v", filter, id, ok, due, posDues[id])
				}
				leftOut = leftOut || !posDues[id]
			}
			pages++
			if want.Next.IsZero() {
				break
			}
			filter.After = want.Next
		}
	}
	if pages < 30 || !leftOut {
		t.Fatalf("only %d pages compared; another position's due paid and left out: %v", pages, leftOut)
	}
	if _, err := ledger.PaymentsPage(rec, ledger.PaymentFilter{Limit: ledger.MaxPaymentPage + 1}); err == nil {
		t.Fatal("a page larger than the largest was accepted")
	}
}
