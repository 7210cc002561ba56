package contrib

import "fmt"

// Gestione is the scheme a person is insured with.
type Gestione string

// The gestioni of RULES.md.
const (
	AR Gestione = "AR" // Gestione Artigiani (craftsmen)
	CO Gestione = "CO" // Gestione Commercianti (merchants)
)

// Role is the person's role in the business.
type Role string

// The roles of RULES.md P2: the titolare runs the business, collaboratori
// (coadiuvanti and coadiutori, family members) work in it.
const (
	Titolare      Role = "titolare"
	Collaboratore Role = "collaboratore"
)

// Reduction is a contribution reduction in force (RULES.md P3.4).
type Reduction string

// The reductions; the empty Reduction means None.
const (
	None        Reduction = "none"        // no reduction
	Forfettario Reduction = "forfettario" // 35% off, L. 190/2014
	Over65      Reduction = "over65"      // 50% off the pension part, pensioners over 65
	New2025     Reduction = "new2025"     // 50% off the pension part, first registrations in 2025
)

// InputError is an input outside what the rules accept. Field is the name of
// the input (also the command-line flag), Want says what it accepts.
type InputError struct {
	Field string
	Want  string
}

// Error says which input is wrong and what it accepts.
func (e *InputError) Error() string { return fmt.Sprintf("contrib: %s wants %s", e.Field, e.Want) }

func inputErr(field, format string, a ...any) error {
	return &InputError{Field: field, Want: fmt.Sprintf(format, a...)}
}
