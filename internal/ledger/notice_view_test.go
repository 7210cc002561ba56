package ledger_test

import (
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// TestNoticeStatusFollowsItsDues: a notice is open while its dues owe
// something, paid once they do not, prescribed when only prescribed
// residuals are left, and followed once an avviso di addebito took it over.
func TestNoticeStatusFollowsItsDues(t *testing.T) {
	b := newBook(contrib.AR)
	paid := b.rate(100, 10, 2025, 1, "2025-05-16", 113743, 186)
	open := b.rate(100, 10, 2025, 2, "2025-08-20", 113743, 186)
	old := b.rate(100, 10, 2015, 1, "2015-05-18", 90000, 186)
	link := func(id int64, number string, due int64, issued string, parent int64) ledger.NoticeLink {
		return ledger.NoticeLink{NoticeID: id, Kind: ledger.AvvisoBonario, Number: number, DueID: due,
			IssuedOn: civil.MustParse(issued), Capital: 1000, ParentID: parent, Settlement: id == 2}
	}
	b.rec.Notices = append(b.rec.Notices, link(1, "AB-1", paid, "2025-07-20", 0), link(2, "AB-2", open, "2025-10-20", 0),
		link(3, "AB-3", old, "2016-01-10", 0), link(4, "AB-4", open, "2025-09-01", 0), link(5, "ADA-5", open, "2025-12-01", 4))
	b.pay("2025-08-01", 113743, paid, money.Cents(113743))
	list := ledger.NoticeSummaries(ledger.NewSituation(b.rec, ledger.SituationOptions{AsOf: civil.MustParse("2026-02-01")}))
	want := map[string]ledger.NoticeStatus{"AB-1": ledger.NoticePaid, "AB-2": ledger.NoticeOpen,
		"AB-3": ledger.NoticePrescribed, "AB-4": ledger.NoticeFollowed, "ADA-5": ledger.NoticeOpen}
	for _, n := range list {
		if n.Status() != want[n.Number] {
			t.Errorf("%s: %s, want %s", n.Number, n.Status(), want[n.Number])
		}
		if n.Number == "AB-3" && (n.Prescribed != 90000 || n.Owed != 0) {
			t.Errorf("prescribed notice: owed %s, prescribed %s", n.Owed, n.Prescribed)
		}
		// the second rate was recorded eligible by AB-2: every notice naming it says so
		if n.Settlement != (n.Number == "AB-2" || n.Number == "AB-4" || n.Number == "ADA-5") {
			t.Errorf("%s: settlement %v", n.Number, n.Settlement)
		}
	}
	if len(list) != len(want) {
		t.Fatalf("%d notices", len(list))
	}
}
