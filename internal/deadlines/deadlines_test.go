package deadlines_test

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/deadlines"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// records is a position with a paid, an unpaid past and an unpaid future
// fixed rate, the past one named in an avviso bonario still open.
func records() ledger.Records {
	due := func(id int64, kind ledger.Kind, on string) ledger.Due {
		return ledger.Due{ID: id, PositionID: 1, PersonID: 7, SubjectCode: 10, Year: 2026, Kind: kind, Causale: "AF",
			DueDate: civil.MustParse(on), Amount: 113743, Codeline: "1000000110126010"}
	}
	return ledger.Records{
		Position: ledger.PositionInfo{ID: 1, Number: "10000001", Sede: "1300"},
		Persons:  []ledger.PersonInfo{{ID: 7, SubjectCode: 10, Name: "Marco Bianchi"}},
		Dues:     []ledger.Due{due(1, ledger.Rata1, "2026-05-18"), due(2, ledger.Rata2, "2026-08-20"), due(3, ledger.Rata3, "2026-11-16"), due(4, ledger.Rata4, "2027-02-16")},
		Allocations: []ledger.Allocation{{ID: 1, PaymentID: 1, DueID: 1, Amount: 113743},
			{ID: 2, PaymentID: 2, DueID: 4, Amount: 13743}},
		Notices: []ledger.NoticeLink{{NoticeID: 9, Kind: ledger.AvvisoBonario, Number: "AB-2026-0000001",
			IssuedOn: civil.MustParse("2026-11-01"), Deadline: civil.MustParse("2026-12-01"), DueID: 2, Capital: 113743}},
	}
}

func TestUpcomingListsWhatIsOwedFromTheDay(t *testing.T) {
	rec := records()
	day := civil.MustParse("2026-11-20")
	got := deadlines.Upcoming(ledger.NewSituation(rec, ledger.SituationOptions{AsOf: day}), rec.Persons, day)
	if len(got) != 2 {
		t.Fatalf("%d deadlines, want the notice and the fourth rate: %+v", len(got), got)
	}
	notice, rate := got[0], got[1]
	if !notice.IsNotice() || notice.Date != civil.MustParse("2026-12-01") || notice.Amount != 113743 ||
		len(notice.Dues) != 1 || notice.Dues[0] != 2 || notice.UID() != "notice-9" {
		t.Errorf("notice deadline %+v", notice)
	}
	if rate.IsNotice() || rate.DueID != 4 || rate.Amount != 100000 || rate.Rata() != 4 || rate.PersonName != "Marco Bianchi" || rate.UID() != "due-4" {
		t.Errorf("rate deadline %+v", rate)
	}
	if deadlines.Total(got) != 213743 {
		t.Errorf("total %s", deadlines.Total(got))
	}
	// Rata 3 is due on 16/11: from that day on it is listed, the day after it is not.
	on := deadlines.Upcoming(ledger.NewSituation(rec, ledger.SituationOptions{AsOf: civil.MustParse("2026-11-16")}), rec.Persons, civil.MustParse("2026-11-16"))
	if len(on) != 3 || on[0].DueID != 3 {
		t.Errorf("on the due date: %+v", on)
	}
}

func TestWriteICSEscapesAndFolds(t *testing.T) {
	long := strings.Repeat("Contributi à più rate, ", 8)
	cal := deadlines.Calendar{ProdID: "-//Istituto//Cassetto//IT", Name: "Scadenze; prova", Stamp: time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC),
		Events: []deadlines.Event{{UID: "due-4@example.it", Date: civil.MustParse("2027-02-16"),
			Summary: "Rata 4/2026 – " + money.Cents(113743).Italian(), Description: long + "\nriga 2\\fine"}}}
	var buf bytes.Buffer
	if err := cal.WriteICS(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	lines := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
	for _, l := range lines {
		if len(l) > 75 || !utf8.ValidString(l) {
			t.Errorf("line of %d octets or cut inside a character: %q", len(l), l)
		}
	}
	unfolded := strings.ReplaceAll(out, "\r\n ", "")
	for _, want := range []string{"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", "X-WR-CALNAME:Scadenze\\; prova\r\n", "DTSTAMP:20261123T100000Z\r\n",
		"DTSTART;VALUE=DATE:20270216\r\n", "DTEND;VALUE=DATE:20270217\r\n", "SUMMARY:Rata 4/2026 – 1.137\\,43 €\r\n",
		"DESCRIPTION:" + strings.ReplaceAll(long, ",", "\\,") + "\\nriga 2\\\\fine\r\n", "END:VEVENT\r\nEND:VCALENDAR\r\n"} {
		if !strings.Contains(unfolded, want) {
			t.Errorf("missing %q in\n%s", want, unfolded)
		}
	}
}
