package ledger

import "github.com/cassetto-dev/cassetto/internal/contrib"

// PayerPosition is a position as the payments import sees it: one row per
// person insured on it (the titolare and each collaboratore).
type PayerPosition struct {
	ID       int64
	Number   string // 8 digits
	Gestione contrib.Gestione
	PersonID int64
	Titolare bool // PersonID is the titolare, not a collaboratore
}

// CausaleGestione returns the gestione of an F24 causale of RULES.md P8:
// AR for the causali starting with A, CO for those starting with C.
func CausaleGestione(causale string) contrib.Gestione {
	if causale != "" && causale[0] == 'C' {
		return contrib.CO
	}
	return contrib.AR
}

// ResolvePosition returns the position of payment p: the position its
// codice INPS names, when that exists (byNumber finds positions by number);
// otherwise, among ofPerson (the positions of p's person), the one of the
// causale's gestione — as titolare first, then the lowest ID; 0 when none.
func ResolvePosition(p Payment, byNumber func(number string) (PayerPosition, bool), ofPerson []PayerPosition) int64 {
	if n := p.CodelinePosition(); n != "" {
		if ref, ok := byNumber(n); ok {
			return ref.ID
		}
	}
	g := CausaleGestione(p.Causale)
	var best PayerPosition
	for _, ref := range ofPerson {
		if ref.PersonID != p.PersonID || ref.Gestione != g {
			continue
		}
		if best.ID == 0 || ref.Titolare && !best.Titolare || ref.Titolare == best.Titolare && ref.ID < best.ID {
			best = ref
		}
	}
	return best.ID
}
