package deadlines

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// Deadline is one upcoming date with an amount still owed: a due (a fixed
// rate, a saldo or an acconto) or a notice.
type Deadline struct {
	Date           civil.Date
	PositionID     int64
	PositionNumber string
	Amount         money.Cents // still owed
	Dues           []int64     // the dues it pays (for the F24 link)

	// A due: its kind, contribution year, person and codice INPS.
	DueID       int64
	Kind        ledger.Kind
	Year        int
	SubjectCode int
	PersonName  string
	Codeline    string

	// A notice: its id, kind and number.
	NoticeID     int64
	NoticeKind   ledger.NoticeKind
	NoticeNumber string
}

// IsNotice reports whether d is a notice's deadline.
func (d Deadline) IsNotice() bool { return d.NoticeID != 0 }

// UID returns an identifier that stays the same for the same due or notice
// across calls: the UID of its calendar event.
func (d Deadline) UID() string {
	if d.IsNotice() {
		return "notice-" + strconv.FormatInt(d.NoticeID, 10)
	}
	return "due-" + strconv.FormatInt(d.DueID, 10)
}

// Rata returns the number of a fixed rate (1–4), 0 for other dues.
func (d Deadline) Rata() int {
	if d.Kind.IsFixed() {
		return d.Kind.RataCode()
	}
	return 0
}

// Upcoming returns the deadlines of situation s from day on (day
// included): every contribution due still owed whose due date is not
// before day, and every notice still owed whose deadline is not before
// day. persons names the subjects of the position. Prescribed residuals
// are never owed.
func Upcoming(s ledger.Situation, persons []ledger.PersonInfo, day civil.Date) []Deadline {
	names := make(map[int]string, len(persons))
	for _, p := range persons {
		names[p.SubjectCode] = p.Name
	}
	var out []Deadline
	owing := map[int64]money.Cents{} // residual of each due, for the notices' F24 links
	for _, y := range s.Years {
		for _, it := range y.Items {
			if it.Prescribed || it.Residual <= 0 {
				continue
			}
			owing[it.Due.ID] = it.Residual
			if !it.Due.Kind.IsContribution() || it.Due.DueDate.Before(day) {
				continue
			}
			out = append(out, Deadline{Date: it.Due.DueDate, PositionID: s.Position.ID, PositionNumber: s.Position.Number,
				Amount: it.Residual, Dues: []int64{it.Due.ID}, DueID: it.Due.ID, Kind: it.Due.Kind, Year: it.Due.Year,
				SubjectCode: it.Due.SubjectCode, PersonName: names[it.Due.SubjectCode], Codeline: it.Due.Codeline})
		}
	}
	for _, n := range ledger.NoticeSummaries(s) {
		if n.Owed <= 0 || n.Deadline.Before(day) {
			continue
		}
		d := Deadline{Date: n.Deadline, PositionID: s.Position.ID, PositionNumber: s.Position.Number, Amount: n.Owed,
			NoticeID: n.ID, NoticeKind: n.Kind, NoticeNumber: n.Number}
		for _, id := range n.Dues {
			if owing[id] > 0 && !slices.Contains(d.Dues, id) {
				d.Dues = append(d.Dues, id)
			}
		}
		out = append(out, d)
	}
	Sort(out)
	return out
}

// Sort orders deadlines by date, then position, person, and rate.
func Sort(ds []Deadline) {
	slices.SortStableFunc(ds, func(a, b Deadline) int {
		return cmp.Or(a.Date.Time().Compare(b.Date.Time()), cmp.Compare(a.PositionNumber, b.PositionNumber),
			cmp.Compare(a.NoticeID, b.NoticeID), cmp.Compare(a.SubjectCode, b.SubjectCode),
			cmp.Compare(a.Kind.RataCode(), b.Kind.RataCode()), cmp.Compare(a.DueID, b.DueID))
	})
}

// Total returns the sum of the amounts of ds.
func Total(ds []Deadline) money.Cents {
	var t money.Cents
	for _, d := range ds {
		t += d.Amount
	}
	return t
}
