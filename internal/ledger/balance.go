package ledger

import (
	"slices"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// Records are the stored rows of one position that the read models
// (NewSituation, NewStatement, QuoteDovute) aggregate. The store loads them
// in a fixed number of indexed queries (store.LedgerReader.Records); the
// read models are pure functions of them and never query.
type Records struct {
	Position    PositionInfo
	Persons     []PersonInfo // the titolare and every collaboratore
	Dues        []Due        // every due of the position (of the year asked for)
	Allocations []Allocation
	Payments    []Payment    // every payment attributed to the position
	Notices     []NoticeLink // one per due named in a notice
}

// PositionInfo identifies a position in the read models.
type PositionInfo struct {
	ID       int64            `json:"id"`
	Number   string           `json:"number"`
	Gestione contrib.Gestione `json:"gestione"`
	Sede     string           `json:"sede"` // codice sede (office code)
}

// PersonInfo is a person insured on a position.
type PersonInfo struct {
	ID            int64  `json:"id"`
	SubjectCode   int    `json:"subject_code"` // 10 titolare, 11–19 collaboratori
	CodiceFiscale string `json:"codice_fiscale"`
	Name          string `json:"name"`
}

// NoticeLink is the place of one due in a notice: which notice, and what
// it asked for that due.
type NoticeLink struct {
	NoticeID   int64       `json:"notice_id"`
	Kind       NoticeKind  `json:"kind"`
	Number     string      `json:"number"`
	IssuedOn   civil.Date  `json:"issued_on"`
	Deadline   civil.Date  `json:"deadline"`
	ParentID   int64       `json:"parent_id,omitempty"` // an avviso di addebito: its avviso bonario
	DueID      int64       `json:"due_id"`
	Capital    money.Cents `json:"capital"`
	Sanction   money.Cents `json:"sanction"`
	Settlement bool        `json:"settlement_eligible"`
}

// Trace lists the records a figure is computed from.
type Trace struct {
	Dues        []int64 `json:"dues,omitempty"`
	Allocations []int64 `json:"allocations,omitempty"`
	Payments    []int64 `json:"payments,omitempty"`
	Notices     []int64 `json:"notices,omitempty"`
}

// add appends the ids of o to t, each id once.
func (t *Trace) add(o Trace) {
	t.Dues = appendUniqueIDs(t.Dues, o.Dues...)
	t.Allocations = appendUniqueIDs(t.Allocations, o.Allocations...)
	t.Payments = appendUniqueIDs(t.Payments, o.Payments...)
	t.Notices = appendUniqueIDs(t.Notices, o.Notices...)
}

// appendUniqueIDs appends the ids of add that ids does not hold yet.
func appendUniqueIDs(ids []int64, add ...int64) []int64 {
	for _, id := range add {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

// DueRef is the machine view of a due inside a read model.
type DueRef struct {
	ID          int64             `json:"id"`
	PersonID    int64             `json:"person_id"`
	SubjectCode int               `json:"subject_code"`
	Year        int               `json:"year"`
	Kind        Kind              `json:"kind"`
	Causale     string            `json:"causale"`
	PeriodFrom  contrib.YearMonth `json:"period_from"`
	PeriodTo    contrib.YearMonth `json:"period_to"`
	DueDate     civil.Date        `json:"due_date"`
	Amount      money.Cents       `json:"amount"`
	Maternity   money.Cents       `json:"maternity,omitempty"`
	Codeline    string            `json:"codice_inps,omitempty"`
	Reason      string            `json:"reason,omitempty"`
	Settlement  bool              `json:"settlement,omitempty"` // marked eligible when written
}

// refOf returns the machine view of d.
func refOf(d Due) DueRef {
	return DueRef{ID: d.ID, PersonID: d.PersonID, SubjectCode: d.SubjectCode, Year: d.Year, Kind: d.Kind,
		Causale: d.Causale, PeriodFrom: d.PeriodFrom, PeriodTo: d.PeriodTo, DueDate: d.DueDate, Amount: d.Amount,
		Maternity: d.Maternity, Codeline: d.Codeline, Reason: d.Reason, Settlement: d.Settlement}
}

// Line is one due with what was allocated to it.
type Line struct {
	DueRef
	Paid        money.Cents `json:"paid"`
	Allocations []int64     `json:"allocations,omitempty"`
	Payments    []int64     `json:"payments,omitempty"` // the payments of those allocations
}

// residual returns what is still owed on l, and what was allocated beyond it.
func (l Line) residual() (owed, over money.Cents) {
	if d := l.Amount - l.Paid; d > 0 {
		return d, 0
	}
	return 0, l.Paid - l.Amount
}

// PrescriptionYears is the prescription term of contributions (RULES P7).
const PrescriptionYears = 5

// Prescribed reports whether a debt whose prescription term started on
// from (its due date, or the date of the last notice that interrupted the
// term) is prescribed on asOf: asOf is after the fifth anniversary of from.
func Prescribed(from, asOf civil.Date) bool {
	return asOf.After(civil.New(from.Year+PrescriptionYears, from.Month, from.Day))
}

// SettlementRule says which debts a settlement scheme (rottamazione)
// covers. The zero rule covers none.
type SettlementRule struct {
	Until civil.Date `json:"until"` // dues with a due date up to this day are eligible
}

// Covers reports whether a due of due date d is within the rule.
func (r SettlementRule) Covers(d civil.Date) bool {
	return !r.Until.IsZero() && !d.After(r.Until)
}
