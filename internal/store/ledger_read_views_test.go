package store_test

import (
	"testing"

	"github.com/cassetto-dev/cassetto/internal/money"
)

func TestNoticeInterestByNotice(t *testing.T) {
	f := newLedgerFixture(t)
	pos, _ := f.position("10000001")
	other, _ := f.position("10000002")
	insert := `INSERT INTO notices (natural_key, position_id, kind, number, issued_on, deadline, capital, sanctions, interest, created_at)
		VALUES (?, ?, 'avviso_bonario', ?, '2026-03-02', '2026-04-01', 1000, 100, ?, ?) RETURNING id`
	var a, b int64
	f.must(f.db.W().QueryRow(f.ctx, insert, "n:a", pos.ID, "AB-2026-0000001", 4321, fixedClock()).Scan(&a))
	f.must(f.db.W().QueryRow(f.ctx, insert, "n:b", other.ID, "AB-2026-0000002", 99, fixedClock()).Scan(&b))
	got, err := newReader(f).NoticeInterest(f.ctx, pos.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[a] != money.Cents(4321) {
		t.Fatalf("interest: %v", got)
	}
}
