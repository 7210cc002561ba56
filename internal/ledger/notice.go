package ledger

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// NoticePolicy is the collection policy of RULES P7, in one place so that
// an institution can change it. DefaultNoticePolicy gives the project's
// defaults.
type NoticePolicy struct {
	AsOf            civil.Date     // the run date: notices are issued on it
	GraceDays       int            // a fixed rate still owed this many days after its due date is notified
	PayDays         int            // an avviso bonario asks for payment within this many days
	AddebitoAfter   int            // days after a bonario's deadline, still owed, before an avviso di addebito
	AddebitoPayDays int            // an avviso di addebito asks for payment within this many days
	Settlement      SettlementRule // items it covers are recorded eligible on the notice
}

// DefaultNoticePolicy returns the default policy for a run on asOf: notify
// 60 days after the due date, 30 days to pay an avviso bonario, an avviso
// di addebito 30 days after the bonario's deadline with 60 days to pay,
// no settlement scheme.
func DefaultNoticePolicy(asOf civil.Date) NoticePolicy {
	return NoticePolicy{AsOf: asOf, GraceDays: 60, PayDays: 30, AddebitoAfter: 30, AddebitoPayDays: 60}
}

// Validate reports a policy that cannot run.
func (p NoticePolicy) Validate() error {
	const maxDays = 3650
	switch {
	case p.AsOf.IsZero():
		return errors.New("ledger: the notices need a run date")
	case p.GraceDays < 0 || p.GraceDays > maxDays:
		return fmt.Errorf("ledger: grace days must be from 0 to %d", maxDays)
	case p.PayDays < 1 || p.PayDays > maxDays || p.AddebitoPayDays < 1 || p.AddebitoPayDays > maxDays:
		return fmt.Errorf("ledger: days to pay a notice must be from 1 to %d", maxDays)
	case p.AddebitoAfter < 0 || p.AddebitoAfter > maxDays:
		return fmt.Errorf("ledger: days before an avviso di addebito must be from 0 to %d", maxDays)
	}
	return nil
}

// NotifiableUntil returns the last due date of a fixed rate that the run
// notifies: AsOf less the grace days.
func (p NoticePolicy) NotifiableUntil() civil.Date { return p.AsOf.AddDays(-p.GraceDays) }

// NotifiableFrom returns a due date before which every never-notified due
// is prescribed on AsOf (a day of margin: Prescribed decides exactly).
func (p NoticePolicy) NotifiableFrom() civil.Date {
	return civil.New(p.AsOf.Year-PrescriptionYears, p.AsOf.Month, p.AsOf.Day).AddDays(-1)
}

// AddebitoDeadlineUntil returns the last deadline of an avviso bonario
// that the run follows with an avviso di addebito.
func (p NoticePolicy) AddebitoDeadlineUntil() civil.Date { return p.AsOf.AddDays(-p.AddebitoAfter) }

// The series of notice numbers: AB-2026-0000123 and ADA-2026-0000045.
const (
	SeriesBonario  = "AB"
	SeriesAddebito = "ADA"
)

// NoticeNumber formats the n-th notice of series in year. Numbers are
// gapless per series and year: the store takes them from a counter in the
// transaction that writes the notices.
func NoticeNumber(series string, year int, n int64) string {
	return fmt.Sprintf("%s-%04d-%07d", series, year, n)
}

// BonarioKey is the natural key of the avviso bonario of a position issued
// on a day: at most one per position and day.
func BonarioKey(positionNumber string, on civil.Date) string {
	return "bonario:" + positionNumber + ":" + on.String()
}

// AddebitoKey is the natural key of the avviso di addebito that follows
// the avviso bonario numbered parentNumber: at most one per bonario.
func AddebitoKey(parentNumber string) string { return "addebito:" + parentNumber }

// NoticeSanctionKey is the natural key of the sanction due that notice
// noticeID charges on due dueID.
func NoticeSanctionKey(dueID, noticeID int64) string {
	return fmt.Sprintf("sanction:%d:notice:%d", dueID, noticeID)
}

// NoticeTitle is the title of a notice's document, in Italian.
func NoticeTitle(n Notice) string {
	what := "Avviso bonario"
	if n.Kind == AvvisoAddebito {
		what = "Avviso di addebito"
	}
	return fmt.Sprintf("%s n. %s del %s", what, n.Number, n.IssuedOn.Italian())
}

// NoticeDocument returns the document record of notice n (atti emessi).
func NoticeDocument(n Notice) Document {
	return Document{NaturalKey: "document:" + n.NaturalKey, PositionID: n.PositionID, Kind: string(n.Kind),
		Title: NoticeTitle(n), RefID: n.ID, IssuedOn: n.IssuedOn}
}

// EventNoticeIssued is the kind of the event every notice writes.
const EventNoticeIssued = "notice.issued"

// noticePayload is the payload of a notice.issued event.
type noticePayload struct {
	NoticeID  int64       `json:"notice_id"`
	Kind      NoticeKind  `json:"kind"`
	Number    string      `json:"number"`
	Position  string      `json:"position"`
	IssuedOn  civil.Date  `json:"issued_on"`
	Deadline  civil.Date  `json:"deadline"`
	Capital   money.Cents `json:"capital"`
	Sanctions money.Cents `json:"sanctions"`
	Total     money.Cents `json:"total"`
	Title     string      `json:"title"`
}

// NoticeEvent returns the notice.issued event of notice n of the position
// numbered position, for the notifications outbox.
func NoticeEvent(n Notice, position string) Event {
	b, _ := json.Marshal(noticePayload{NoticeID: n.ID, Kind: n.Kind, Number: n.Number, Position: position,
		IssuedOn: n.IssuedOn, Deadline: n.Deadline, Capital: n.Capital, Sanctions: n.Sanctions,
		Total: n.Capital + n.Sanctions + n.Interest, Title: NoticeTitle(n)})
	return Event{NaturalKey: EventNoticeIssued + ":" + n.NaturalKey, Kind: EventNoticeIssued,
		PositionID: n.PositionID, RefID: n.ID, Payload: string(b)}
}
