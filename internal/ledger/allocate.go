package ledger

import (
	"slices"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/contrib/codeline"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// OpenDue is a due a payment may pay, with what is still owed on it.
type OpenDue struct {
	Due
	// Residual is the amount, plus its corrections, less every allocation
	// so far: what a payment can still take.
	Residual money.Cents
}

// Allocate splits the importo a debito of payment p over candidates, the
// open dues that may receive it, and returns the allocations (without IDs
// and times). It is a pure function: candidates are not changed.
//
//   - By codeline: when p's codice INPS verifies against its sede and amount
//     and a candidate carries that codeline, the payment goes to that due
//     alone, up to its residual; the rest stays unallocated (a credit).
//     A code re-generated for another amount (Regenerate: same position,
//     subject, rata and year, next emission sequence) is carried by no
//     due: when no candidate has the code itself and exactly one payable
//     candidate has a codeline with the same first 13 digits, the payment
//     goes to that one, the same way.
//   - By match: otherwise, the candidates of the same person and causale
//     whose period overlaps p's and that are still open each receive
//     min(what is left of the payment, their residual): first the
//     contribution dues, oldest due date first (then lowest ID), then the
//     sanctions of those periods, in the same order — so paying an avviso
//     bonario's total settles its capital and then its sanzioni civili.
//
// What no due takes is the position's credit. A credit line (importo a
// credito only) allocates nothing.
func Allocate(p Payment, candidates []OpenDue) []Allocation {
	if p.Debit <= 0 {
		return nil
	}
	if p.CodelineVerified() {
		if c, ok := codelineDue(p.CodiceINPS, candidates); ok {
			return allocateOne(p, c, ByCodeline)
		}
	}
	matches := matchCandidates(p, candidates)
	var out []Allocation
	left := p.Debit
	for _, c := range matches {
		take := min(left, c.Residual)
		out = append(out, Allocation{PaymentID: p.ID, DueID: c.ID, Amount: take, Method: ByMatch})
		if left -= take; left == 0 {
			break
		}
	}
	return out
}

// codelineDue returns the candidate code names: the one carrying code
// itself, else the only payable one whose codeline shares code's
// codeline.PrefixLen digits (position, subject, rata, year).
func codelineDue(code string, candidates []OpenDue) (OpenDue, bool) {
	for _, c := range candidates {
		if c.Codeline == code {
			return c, true
		}
	}
	prefix, ok := codeline.Prefix(code)
	if !ok {
		return OpenDue{}, false
	}
	var found OpenDue
	n := 0
	for _, c := range candidates {
		if c.Kind.Matchable() && strings.HasPrefix(c.Codeline, prefix) && c.ID != found.ID {
			found, n = c, n+1
		}
	}
	return found, n == 1
}

// allocateOne gives p to the one due c, up to its residual.
func allocateOne(p Payment, c OpenDue, method string) []Allocation {
	take := min(p.Debit, c.Residual)
	if take <= 0 {
		return nil
	}
	return []Allocation{{PaymentID: p.ID, DueID: c.ID, Amount: take, Method: method}}
}

// matching returns the candidates p may pay by codice fiscale, causale and
// period, in the order they are paid: oldest due date first, then by ID.
func matchCandidates(p Payment, candidates []OpenDue) []OpenDue {
	if p.PersonID == 0 {
		return nil
	}
	var out []OpenDue
	for _, c := range candidates {
		if c.PersonID == p.PersonID && c.Causale == p.Causale && c.Residual > 0 &&
			c.Kind.Matchable() && periodsOverlap(c.PeriodFrom, c.PeriodTo, p.PeriodFrom, p.PeriodTo) {
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b OpenDue) int {
		switch as, bs := a.Kind == Sanction, b.Kind == Sanction; {
		case as != bs: // capital before sanctions
			if as {
				return 1
			}
			return -1
		case a.DueDate.Before(b.DueDate):
			return -1
		case a.DueDate.After(b.DueDate):
			return 1
		}
		return compareIDs(a.ID, b.ID)
	})
	return out
}

// Matchable reports whether a due of kind k can receive a payment found by
// codice fiscale, causale and period: every kind but corrections, which
// change their parent's amount and are never paid on their own. Sanctions
// are matched after the capital (see Allocate).
func (k Kind) Matchable() bool { return k != Correction }

// periodsOverlap reports whether the month spans [af, at] and [bf, bt] share a month.
func periodsOverlap(af, at, bf, bt contrib.YearMonth) bool {
	return periodIndex(af) <= periodIndex(bt) && periodIndex(bf) <= periodIndex(at)
}

// periodIndex numbers months consecutively.
func periodIndex(m contrib.YearMonth) int { return m.Year*12 + int(m.Month) - 1 }

func compareIDs(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
