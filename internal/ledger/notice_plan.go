package ledger

import (
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// NoticeCandidate is a due a notice may ask for, with what is still owed.
type NoticeCandidate struct {
	Due          Due
	Capital      money.Cents // capital owed: amount and corrections less allocations
	SanctionOwed money.Cents // sanctions already charged on it and still owed
	Settlement   bool        // an earlier notice recorded it eligible
}

// NoticePlan is a notice to write: the notice (without id and number), its
// items and the sanctions it charges.
type NoticePlan struct {
	Notice   Notice
	Series   string
	Position PositionInfo
	Items    []PlannedItem
}

// PlannedItem is one due of a planned notice.
type PlannedItem struct {
	NoticeItem              // what the notice asks for the due
	Due         Due         // the due
	Settlement  bool        // eligible for the settlement scheme
	NewSanction money.Cents // sanction the notice charges (a new sanction due), 0 for none
}

// NoticePlanner decides the notices of a run: pure functions of the
// candidates the store loads, the policy and the parameters.
type NoticePlanner struct {
	Policy NoticePolicy
	Params *contrib.Params
}

// Bonario plans the avviso bonario of a position from its fixed rates
// never notified (cands): every one still owed GraceDays after its due
// date and not prescribed is an item, with the sanzioni civili for
// omissione (not spontaneous) on the capital owed from the due date to
// the notice date. ok is false when no due qualifies.
func (pl NoticePlanner) Bonario(pos PositionInfo, cands []NoticeCandidate) (plan NoticePlan, ok bool, err error) {
	pol := pl.Policy
	plan = NoticePlan{Series: SeriesBonario, Position: pos, Notice: Notice{NaturalKey: BonarioKey(pos.Number, pol.AsOf),
		PositionID: pos.ID, Kind: AvvisoBonario, IssuedOn: pol.AsOf, Deadline: pol.AsOf.AddDays(pol.PayDays)}}
	for _, c := range cands {
		d := c.Due
		if !d.Kind.IsFixed() || c.Capital <= 0 || d.DueDate.After(pol.NotifiableUntil()) || Prescribed(d.DueDate, pol.AsOf) {
			continue
		}
		s, err := pl.sanction(c.Capital, d, pol.AsOf)
		if err != nil {
			return plan, false, err
		}
		plan.add(PlannedItem{NoticeItem: NoticeItem{DueID: d.ID, Capital: c.Capital, Sanction: s}, Due: d,
			Settlement: d.Settlement || c.Settlement || pol.Settlement.Covers(d.DueDate), NewSanction: s})
	}
	return plan, len(plan.Items) > 0, nil
}

// Addebito plans the avviso di addebito that follows the avviso bonario
// parent, from its items (cands, with what is owed now). Each item still
// owed keeps its capital and the sanctions owed, plus the sanctions accrued
// on the capital owed since the bonario: sanction(capital, due date → run
// date) − sanction(capital, due date → bonario date), a new sanction due.
// ok is false when everything was paid, the bonario's deadline has not
// passed by AddebitoAfter days, or the debt is prescribed.
func (pl NoticePlanner) Addebito(parent Notice, pos PositionInfo, cands []NoticeCandidate) (plan NoticePlan, ok bool, err error) {
	pol := pl.Policy
	plan = NoticePlan{Series: SeriesAddebito, Position: pos, Notice: Notice{NaturalKey: AddebitoKey(parent.Number),
		PositionID: pos.ID, Kind: AvvisoAddebito, IssuedOn: pol.AsOf, Deadline: pol.AsOf.AddDays(pol.AddebitoPayDays),
		ParentID: parent.ID}}
	if parent.Kind != AvvisoBonario || parent.Deadline.After(pol.AddebitoDeadlineUntil()) || Prescribed(parent.IssuedOn, pol.AsOf) {
		return plan, false, nil
	}
	for _, c := range cands {
		item, err := pl.addebitoItem(parent, c)
		if err != nil {
			return plan, false, err
		}
		if item.Capital+item.Sanction > 0 {
			plan.add(item)
		}
	}
	return plan, len(plan.Items) > 0, nil
}

// addebitoItem returns what the avviso di addebito asks for candidate c.
func (pl NoticePlanner) addebitoItem(parent Notice, c NoticeCandidate) (PlannedItem, error) {
	d, capital := c.Due, max(0, c.Capital)
	now, err := pl.sanction(capital, d, pl.Policy.AsOf)
	if err != nil {
		return PlannedItem{}, err
	}
	then, err := pl.sanction(capital, d, parent.IssuedOn)
	if err != nil {
		return PlannedItem{}, err
	}
	accrued := max(0, now-then)
	return PlannedItem{NoticeItem: NoticeItem{DueID: d.ID, Capital: capital, Sanction: max(0, c.SanctionOwed) + accrued},
		Due: d, Settlement: d.Settlement || c.Settlement || pl.Policy.Settlement.Covers(d.DueDate), NewSanction: accrued}, nil
}

// sanction returns the sanzione civile for omissione on amount of due d
// evaluated on day on (RULES P6): never spontaneous, since the office asks.
func (pl NoticePlanner) sanction(amount money.Cents, d Due, on civil.Date) (money.Cents, error) {
	s, err := pl.Params.Sanction(contrib.SanctionInput{Amount: amount, Due: d.DueDate, Paid: on,
		Violation: contrib.Omissione})
	if err != nil {
		return 0, fmt.Errorf("ledger: sanction on due %d to %s: %w", d.ID, on, err)
	}
	return s.Amount, nil
}

// add appends an item and its amounts to the plan.
func (plan *NoticePlan) add(it PlannedItem) {
	plan.Items = append(plan.Items, it)
	plan.Notice.Items = append(plan.Notice.Items, it.NoticeItem)
	plan.Notice.Capital += it.Capital
	plan.Notice.Sanctions += it.Sanction
}

// SanctionDues returns the sanction dues of the plan once its notice has
// an id and a number: one per item with a new sanction, parent the item's
// due, payable by the notice's deadline.
func (plan NoticePlan) SanctionDues() []Due {
	n := plan.Notice
	var out []Due
	for _, it := range plan.Items {
		if it.NewSanction <= 0 {
			continue
		}
		d := it.Due
		out = append(out, Due{NaturalKey: NoticeSanctionKey(d.ID, n.ID), PositionID: d.PositionID, PersonID: d.PersonID,
			SubjectCode: d.SubjectCode, Year: d.Year, Kind: Sanction, Causale: d.Causale, PeriodFrom: d.PeriodFrom,
			PeriodTo: d.PeriodTo, DueDate: n.Deadline, Amount: it.NewSanction, ParentID: d.ID,
			Reason: noticeSanctionReason(n, d), Settlement: it.Settlement})
	}
	return out
}

// noticeSanctionReason says, in Italian, why a notice charged a sanction.
func noticeSanctionReason(n Notice, d Due) string {
	return fmt.Sprintf("Sanzioni civili (art. 116 c. 8 L. 388/2000, omissione) su rata %d %d scaduta il %s, "+
		"calcolate al %s: %s", d.Kind.RataCode(), d.Year, d.DueDate.Italian(), n.IssuedOn.Italian(), NoticeTitle(n))
}
