package documents

import (
	"context"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/comuni"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/registry"
)

// Ledger loads the ledger records of a position (store.LedgerReader):
// year 0 for every year. It runs a fixed number of indexed queries.
type Ledger interface {
	Records(ctx context.Context, positionID int64, year int) (ledger.Records, error)
}

// Registry is the part of the registry the documents read
// (registry.Store); CurrentContact returns an errs.NotFound error when
// the person has no contact data.
type Registry interface {
	Members(ctx context.Context, positionID int64) ([]registry.MemberView, error)
	CurrentContact(ctx context.Context, personID int64) (registry.Contact, error)
}

// Assembler turns the ledger and the registry into the documents' views.
type Assembler struct {
	Ledger      Ledger
	Registry    Registry
	Params      *contrib.Params // yearly parameters, for the estratto conto
	Institution string          // the institution's name, on every letterhead
}

// Head is what every document shows at its top: who writes, to whom.
type Head struct {
	Institution string
	Office      registry.Office
	Position    registry.PositionView
	To          string  // the addressee: the titolare, or the collaboratore of his own statement
	ToCF        string  // the addressee's codice fiscale
	Address     Address // the addressee's postal address, when known
	Date        civil.Date
}

// Address is a postal address.
type Address struct {
	Street, PostalCode, City, Province string
}

// Known reports whether the address has a street and a city.
func (a Address) Known() bool { return a.Street != "" && a.City != "" }

// Line returns the address on one line.
func (a Address) Line() string {
	if !a.Known() {
		return ""
	}
	s := a.Street + ", " + strings.TrimSpace(a.PostalCode+" "+a.City)
	if a.Province != "" {
		s += " (" + a.Province + ")"
	}
	return s
}

// head assembles the letterhead of pos on day.
func (a *Assembler) head(ctx context.Context, pos registry.PositionView, day civil.Date) (Head, error) {
	t := pos.Titolare
	h := Head{Institution: a.Institution, Office: pos.Office, Position: pos, Date: day, To: t.FullName(), ToCF: t.CodiceFiscale}
	var err error
	h.Address, err = a.address(ctx, pos.TitolareID)
	return h, err
}

// address returns the current postal address of a person, if any.
func (a *Assembler) address(ctx context.Context, personID int64) (Address, error) {
	c, err := a.Registry.CurrentContact(ctx, personID)
	if err != nil && !errs.Is(err, errs.NotFound) {
		return Address{}, err
	}
	return Address{Street: c.Street, PostalCode: c.PostalCode, City: c.City, Province: c.Province}, nil
}

// birthplace returns the comune and province of a cadastral code, or the
// code itself (births abroad).
func birthplace(code string) (name, province string) {
	if c, ok := comuni.ByBelfiore(code); ok {
		return c.Name, c.Sigla
	}
	return code, "EE"
}

// KindLabel is the Italian name of a kind of due.
func KindLabel(k ledger.Kind) string {
	switch k {
	case ledger.Rata1, ledger.Rata2, ledger.Rata3, ledger.Rata4:
		return "Rata " + strings.TrimPrefix(string(k), "rata")
	case ledger.Saldo:
		return "Saldo"
	case ledger.Acconto1:
		return "Primo acconto"
	case ledger.Acconto2:
		return "Secondo acconto"
	case ledger.Instalment:
		return "Rata di dilazione"
	case ledger.Sanction:
		return "Sanzioni civili"
	}
	return string(k)
}

// personNames maps person ids to names, from the records.
func personNames(rec ledger.Records) map[int64]ledger.PersonInfo {
	out := make(map[int64]ledger.PersonInfo, len(rec.Persons))
	for _, p := range rec.Persons {
		out[p.ID] = p
	}
	return out
}
