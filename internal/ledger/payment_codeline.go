package ledger

import (
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/contrib/codeline"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// CodelineAmount is the amount p's codice INPS is checked against: the
// importo a debito, or the importo a credito on a credit line.
func (p Payment) CodelineAmount() money.Cents {
	if p.Debit > 0 {
		return p.Debit
	}
	return p.Credit
}

// CodelineVerified reports whether p's codice INPS is valid for its codice
// sede and amount (RULES.md P5): only then does it name the due to pay. A
// well-formed code that does not verify — typically a partial payment made
// with the code of the whole rate — is matched by codice fiscale, causale
// and period instead.
func (p Payment) CodelineVerified() bool {
	_, err := codeline.Verify(p.CodiceINPS, p.CodiceSede, p.CodelineAmount())
	return err == nil
}

// CodelinePosition returns the position number (8 digits) p's codice INPS
// names, or "" when the code is not well formed.
func (p Payment) CodelinePosition() string {
	f, err := codeline.Parse(p.CodiceINPS)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%08d", f.Position)
}
