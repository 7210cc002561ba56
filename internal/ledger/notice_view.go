package ledger

import (
	"cmp"
	"slices"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// NoticeSummary is a notice of the position as the portal lists it (M7,
// M13): what it asked for and what of it is still owed.
type NoticeSummary struct {
	ID         int64       `json:"id"`
	Kind       NoticeKind  `json:"kind"`
	Number     string      `json:"number"`
	IssuedOn   civil.Date  `json:"issued_on"`
	Deadline   civil.Date  `json:"deadline"`
	ParentID   int64       `json:"parent_id,omitempty"` // an avviso di addebito: its avviso bonario
	Capital    money.Cents `json:"capital"`             // asked for when issued
	Sanctions  money.Cents `json:"sanctions"`           // asked for when issued
	Owed       money.Cents `json:"owed"`                // still owed now on its dues (capital and sanctions)
	Prescribed money.Cents `json:"prescribed"`          // residual of its dues that is prescribed: never owed
	Settlement bool        `json:"settlement_eligible"` // some of what it asks is eligible for the settlement scheme
	FollowedBy string      `json:"followed_by,omitempty"`
	Dues       []int64     `json:"dues"`
}

// NoticeSummaries lists the notices of a situation's items, newest first.
// Owed is what the notice's dues still owe now (their whole residual, also
// sanctions charged after the notice).
func NoticeSummaries(s Situation) []NoticeSummary {
	byID := map[int64]*NoticeSummary{}
	for _, y := range s.Years {
		for _, it := range y.Items {
			for _, n := range it.Notices {
				ns := byID[n.NoticeID]
				if ns == nil {
					ns = &NoticeSummary{ID: n.NoticeID, Kind: n.Kind, Number: n.Number, IssuedOn: n.IssuedOn,
						Deadline: n.Deadline, ParentID: n.ParentID, Dues: []int64{}}
					byID[n.NoticeID] = ns
				}
				ns.Capital += n.Capital
				ns.Sanctions += n.Sanction
				ns.Dues = append(ns.Dues, it.Due.ID)
				if it.Prescribed {
					ns.Prescribed += it.Residual
				} else {
					ns.Owed += it.Residual
				}
				ns.Settlement = ns.Settlement || it.Settlement
			}
		}
	}
	out := make([]NoticeSummary, 0, len(byID))
	for _, ns := range byID {
		if p := byID[ns.ParentID]; p != nil {
			p.FollowedBy = ns.Number
		}
	}
	for _, ns := range byID {
		out = append(out, *ns)
	}
	slices.SortFunc(out, func(a, b NoticeSummary) int { return cmp.Compare(b.ID, a.ID) })
	return out
}

// NoticeStatus is where a notice stands now.
type NoticeStatus string

// The notice statuses, in the order they are decided.
const (
	NoticeFollowed   NoticeStatus = "followed"   // an avviso di addebito took it over
	NoticeOpen       NoticeStatus = "open"       // something is still owed
	NoticePrescribed NoticeStatus = "prescribed" // nothing owed, but a prescribed residual
	NoticePaid       NoticeStatus = "paid"       // every due it named is paid
)

// Status returns where the notice stands: followed by an avviso di
// addebito, else open while something is owed, else prescribed when only
// prescribed residuals are left, else paid.
func (n NoticeSummary) Status() NoticeStatus {
	switch {
	case n.FollowedBy != "":
		return NoticeFollowed
	case n.Owed > 0:
		return NoticeOpen
	case n.Prescribed > 0:
		return NoticePrescribed
	}
	return NoticePaid
}
