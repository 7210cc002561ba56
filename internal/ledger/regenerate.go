package ledger

import (
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/contrib/codeline"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// Regenerate returns the codice INPS for paying amount of due d at the
// office sede: the fields of d's own code with the next emission sequence
// (RULES.md P5: a code is valid only for its sede and whole-euro amount, so
// a partial payment or an offset needs a re-generated code). A due without
// a codeline, or a non-positive amount, is refused with an InputError-like
// error naming the problem.
func Regenerate(d Due, sede string, amount money.Cents) (string, error) {
	if amount <= 0 {
		return "", fmt.Errorf("ledger: the amount to pay must be more than zero")
	}
	f, err := codeline.Parse(d.Codeline)
	if err != nil {
		return "", fmt.Errorf("ledger: due %d has no codice INPS to regenerate: %w", d.ID, err)
	}
	if amount.WholeEuros() == d.Amount.WholeEuros() {
		return d.Codeline, nil // same whole euros: the code of the rate is valid as it is
	}
	f.Seq++
	return codeline.Make(f, sede, amount)
}
