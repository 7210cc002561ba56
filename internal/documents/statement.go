package documents

import (
	"context"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/registry"
)

// Statement is the estratto conto previdenziale as a document: months
// credited per person and year.
type Statement struct {
	Head      Head
	Statement ledger.Statement
	Own       bool // only the person who asked (a collaboratore, M10)
}

// Statement assembles the estratto conto of pos on day; personID, when not
// zero, keeps only that person (a collaboratore sees only himself).
func (a *Assembler) Statement(ctx context.Context, pos registry.PositionView, day civil.Date, personID int64) (Statement, error) {
	h, err := a.head(ctx, pos, day)
	if err != nil {
		return Statement{}, err
	}
	rec, err := a.Ledger.Records(ctx, pos.ID, 0)
	if err != nil {
		return Statement{}, err
	}
	st := ledger.NewStatement(rec, a.Params)
	if personID != 0 && personID != pos.TitolareID {
		st = onlyPerson(st, personID)
		if h, err = a.addressedTo(ctx, h, rec, personID); err != nil {
			return Statement{}, err
		}
	}
	return Statement{Head: h, Statement: st, Own: personID != 0}, nil
}

// addressedTo addresses h to the collaboratore personID instead of the
// titolare: his own statement names nobody else.
func (a *Assembler) addressedTo(ctx context.Context, h Head, rec ledger.Records, personID int64) (Head, error) {
	p := personNames(rec)[personID]
	h.To, h.ToCF = p.Name, p.CodiceFiscale
	var err error
	h.Address, err = a.address(ctx, personID)
	return h, err
}

// onlyPerson keeps one person of st, with the totals of that person.
func onlyPerson(st ledger.Statement, personID int64) ledger.Statement {
	out := ledger.Statement{Position: st.Position, Persons: []ledger.PersonStatement{}}
	for _, p := range st.Persons {
		if p.Person.ID == personID {
			out.Persons = append(out.Persons, p)
			out.Insured, out.Credited, out.Paid = p.Insured, p.Credited, p.Paid
		}
	}
	return out
}
