package documents

import (
	"context"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/registry"
)

// Letter is the lettera informativa of a year: the rates to pay, each with
// its codice INPS.
type Letter struct {
	Head  Head
	Year  int
	Rates []LetterRate
	Quote ledger.Quotes // totals: Amount, Paid, Residual
}

// LetterRate is one rate of the letter.
type LetterRate struct {
	ledger.Quote
	Person ledger.PersonInfo
	Label  string // "Rata 1", "Saldo", …
}

// Letter assembles the lettera informativa of year for pos, dated asOf.
func (a *Assembler) Letter(ctx context.Context, pos registry.PositionView, year int, asOf civil.Date) (Letter, error) {
	h, err := a.head(ctx, pos, asOf)
	if err != nil {
		return Letter{}, err
	}
	rec, err := a.Ledger.Records(ctx, pos.ID, year)
	if err != nil {
		return Letter{}, err
	}
	q := ledger.QuoteDovute(rec, year, asOf)
	names := personNames(rec)
	l := Letter{Head: h, Year: year, Quote: q}
	for _, r := range q.Rates {
		l.Rates = append(l.Rates, LetterRate{Quote: r, Person: names[r.PersonID], Label: KindLabel(r.Kind)})
	}
	return l, nil
}
