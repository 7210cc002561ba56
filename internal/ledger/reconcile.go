package ledger

import (
	"errors"
	"fmt"
	"slices"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/contrib/codeline"
)

// Book holds the open dues a chunk of payments may pay and keeps their
// residuals up to date while the payments are allocated one after another,
// so that two payments of one chunk never take the same euro twice.
type Book struct {
	dues     []OpenDue
	byID     map[int64]int
	byCode   map[string]int
	byPrefix map[string][]int // by codeline.Prefix, for re-generated codes
	byPerson map[int64][]int
}

// NewBook returns a book of dues; a due listed twice is kept once.
func NewBook(dues []OpenDue) *Book {
	b := &Book{dues: make([]OpenDue, 0, len(dues)), byID: make(map[int64]int, len(dues)),
		byCode: map[string]int{}, byPrefix: map[string][]int{}, byPerson: map[int64][]int{}}
	for _, d := range dues {
		if _, dup := b.byID[d.ID]; dup {
			continue
		}
		i := len(b.dues)
		b.dues = append(b.dues, d)
		b.byID[d.ID] = i
		if d.Codeline != "" {
			b.byCode[d.Codeline] = i
		}
		if prefix, ok := codeline.Prefix(d.Codeline); ok {
			b.byPrefix[prefix] = append(b.byPrefix[prefix], i)
		}
		b.byPerson[d.PersonID] = append(b.byPerson[d.PersonID], i)
	}
	return b
}

// Candidates returns the dues p may pay (see Allocate), appended to buf:
// the due of p's codice INPS (or, when no due carries it, the dues whose
// codeline shares its first digits: a re-generated code) and the dues of
// p's person, each once.
func (b *Book) Candidates(p Payment, buf []OpenDue) []OpenDue {
	start := len(buf)
	if i, ok := b.byCode[p.CodiceINPS]; ok {
		buf = append(buf, b.dues[i])
	} else if prefix, ok := codeline.Prefix(p.CodiceINPS); ok {
		for _, i := range b.byPrefix[prefix] {
			buf = append(buf, b.dues[i])
		}
	}
	coded := buf[start:]
	if p.PersonID == 0 {
		return buf
	}
	for _, i := range b.byPerson[p.PersonID] {
		if !slices.ContainsFunc(coded, func(d OpenDue) bool { return d.ID == b.dues[i].ID }) {
			buf = append(buf, b.dues[i])
		}
	}
	return buf
}

// take lowers the residual of the allocation's due and returns the due.
func (b *Book) take(a Allocation) (OpenDue, error) {
	i, ok := b.byID[a.DueID]
	if !ok {
		return OpenDue{}, fmt.Errorf("ledger: allocation to due %d, not in the book", a.DueID)
	}
	b.dues[i].Residual -= a.Amount
	return b.dues[i], nil
}

// Reconciler allocates payments to dues and charges sanctions on fixed
// rates paid late (RULES.md P6), with the parameters of the rules engine.
type Reconciler struct {
	Params *contrib.Params
}

// Outcome is what reconciling some payments writes.
type Outcome struct {
	Allocations []Allocation // without IDs and times
	Sanctions   []Due        // new sanction dues, natural key sanction:DUEID:PAYMENTID
	Stats       ReconcileStats
}

// NoticeDates returns, for the dues named, the dates of the notices (avvisi
// bonari and di addebito) that asked for each; dues no notice named are
// left out.
type NoticeDates func(dueIDs []int64) (map[int64][]civil.Date, error)

// lateAllocation is an allocation to a fixed rate after its due date.
type lateAllocation struct {
	p   Payment
	due OpenDue
	a   Allocation
}

// Reconcile allocates each payment in turn (see Allocate) against book,
// whose residuals it lowers, and returns the allocations and the sanctions
// for fixed rates paid after their due date. notices is asked once, for the
// dues paid late only. Payments need their IDs.
func (r Reconciler) Reconcile(payments []Payment, book *Book, notices NoticeDates) (Outcome, error) {
	var out Outcome
	var buf []OpenDue
	var lates []lateAllocation
	for _, p := range payments {
		buf = book.Candidates(p, buf[:0])
		allocs := Allocate(p, buf)
		left := p.Debit
		for _, a := range allocs {
			due, err := book.take(a)
			if err != nil {
				return out, err
			}
			left -= a.Amount
			out.Stats.addAllocation(a)
			if due.Kind.IsFixed() && p.PaidOn.After(due.DueDate) {
				lates = append(lates, lateAllocation{p, due, a})
			}
		}
		out.Allocations = append(out.Allocations, allocs...)
		out.Stats.addPayment(p, left)
	}
	return out, r.sanctions(lates, notices, &out)
}

// sanctions adds to out the sanction of each late allocation.
func (r Reconciler) sanctions(lates []lateAllocation, notices NoticeDates, out *Outcome) error {
	if len(lates) == 0 {
		return nil
	}
	ids := make([]int64, len(lates))
	for i, l := range lates {
		ids[i] = l.due.ID
	}
	noticed, err := notices(ids)
	if err != nil {
		return err
	}
	for _, l := range lates {
		s, ok, err := r.sanction(l.p, l.due, l.a, noticed[l.due.ID])
		var ie *contrib.InputError
		switch {
		case errors.As(err, &ie):
			out.Stats.SanctionsSkipped++
			continue
		case err != nil:
			return fmt.Errorf("ledger: sanction on due %d paid by payment %d: %w", l.due.ID, l.p.ID, err)
		}
		if ok {
			out.Sanctions = append(out.Sanctions, s)
			out.Stats.addSanction(s)
		}
	}
	return nil
}
