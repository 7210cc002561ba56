package documents

import (
	"context"
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
	"github.com/cassetto-dev/cassetto/internal/registry"
)

// LinesPerForm is the number of lines of the F24's sezione INPS: more
// dues take more forms.
const LinesPerForm = 4

// F24 is a payment of dues with the F24 form: the contribuente and the
// sezione INPS lines, over as many forms as needed.
type F24 struct {
	Position     string // position number
	Contribuente Contribuente
	Lines        []F24Line
	Total        money.Cents
}

// Contribuente is the CONTRIBUENTE box of the form: the titolare, who
// pays the dues of the whole nucleo.
type Contribuente struct {
	CodiceFiscale string
	FamilyName    string
	GivenName     string
	BirthDate     civil.Date
	Sex           string
	BirthPlace    string // comune, or the foreign state's code
	BirthProvince string
	Domicilio     Address
}

// F24Line is one line of the sezione INPS.
type F24Line struct {
	DueID      int64
	Year       int
	Kind       ledger.Kind
	Sede       string
	Causale    string
	CodiceINPS string // valid for Sede and Debit's whole euros (RULES P5)
	From, To   contrib.YearMonth
	Debit      money.Cents
	Credit     money.Cents
}

// Forms returns the lines form by form, LinesPerForm each.
func (f F24) Forms() [][]F24Line {
	var out [][]F24Line
	for i := 0; i < len(f.Lines); i += LinesPerForm {
		out = append(out, f.Lines[i:min(i+LinesPerForm, len(f.Lines))])
	}
	return out
}

// Payment asks to pay a due: Amount zero pays what is still owed on it.
type Payment struct {
	DueID  int64
	Amount money.Cents
}

// F24 assembles the form for pays on position pos as of asOf. Each due
// must be of the position (else an errs.NotFound error), owed and not
// prescribed; an amount must be more than zero and not above what is
// still owed (capital and sanctions): errs.Invalid otherwise. The codice
// INPS is the due's own, re-generated when the amount's whole euros
// differ (ledger.Regenerate).
func (a *Assembler) F24(ctx context.Context, pos registry.PositionView, asOf civil.Date, pays []Payment) (F24, error) {
	rec, err := a.Ledger.Records(ctx, pos.ID, 0)
	if err != nil {
		return F24{}, err
	}
	f, err := f24Of(rec, pos, asOf, pays)
	if err != nil {
		return f, err
	}
	return a.withDomicilio(ctx, pos, f)
}

// F24ForRate assembles the form for rate kind of year: that rate of every
// person of the position, each for what is still owed. An errs.NotFound
// error when there is no such rate, errs.Invalid when nothing is owed.
func (a *Assembler) F24ForRate(ctx context.Context, pos registry.PositionView, asOf civil.Date, year int, kind ledger.Kind) (F24, error) {
	rec, err := a.Ledger.Records(ctx, pos.ID, year)
	if err != nil {
		return F24{}, err
	}
	var pays []Payment
	found := false
	for _, it := range items(ledger.NewSituation(rec, ledger.SituationOptions{AsOf: asOf})) {
		if it.Due.Year == year && it.Due.Kind == kind {
			found = true
			if it.Residual > 0 && !it.Prescribed {
				pays = append(pays, Payment{DueID: it.Due.ID})
			}
		}
	}
	switch {
	case !found:
		return F24{}, errs.Wrap(errs.NotFound, "documents.error.no_rate", fmt.Errorf("no %s of %d on position %s", kind, year, pos.Number))
	case len(pays) == 0:
		return F24{}, errs.Wrap(errs.Invalid, "documents.error.nothing_owed", fmt.Errorf("%s of %d is paid: nothing to pay", kind, year))
	}
	f, err := f24Of(rec, pos, asOf, pays)
	if err != nil {
		return f, err
	}
	return a.withDomicilio(ctx, pos, f)
}

// withDomicilio fills the domicilio fiscale with the titolare's address.
func (a *Assembler) withDomicilio(ctx context.Context, pos registry.PositionView, f F24) (F24, error) {
	h, err := a.head(ctx, pos, civil.Date{})
	f.Contribuente.Domicilio = h.Address
	return f, err
}

// items returns the items of a situation in its order.
func items(s ledger.Situation) []ledger.Item {
	var out []ledger.Item
	for _, y := range s.Years {
		out = append(out, y.Items...)
	}
	return out
}

func f24Of(rec ledger.Records, pos registry.PositionView, asOf civil.Date, pays []Payment) (F24, error) {
	f := F24{Position: pos.Number, Contribuente: contribuenteOf(pos)}
	byID := map[int64]ledger.Item{}
	for _, it := range items(ledger.NewSituation(rec, ledger.SituationOptions{AsOf: asOf})) {
		byID[it.Due.ID] = it
	}
	dues := make(map[int64]ledger.Due, len(rec.Dues))
	for _, d := range rec.Dues {
		dues[d.ID] = d
	}
	seen := map[int64]bool{}
	for _, p := range pays {
		if seen[p.DueID] {
			continue
		}
		seen[p.DueID] = true
		l, err := f24Line(byID, dues, pos.OfficeCode, p)
		if err != nil {
			return F24{}, err
		}
		f.Lines = append(f.Lines, l)
		f.Total += l.Debit
	}
	if len(f.Lines) == 0 {
		return F24{}, errs.Wrap(errs.Invalid, "documents.error.no_due", fmt.Errorf("no due to pay"))
	}
	return f, nil
}

// f24Line checks one payment and makes its line.
func f24Line(byID map[int64]ledger.Item, dues map[int64]ledger.Due, sede string, p Payment) (F24Line, error) {
	it, ok := byID[p.DueID]
	if !ok {
		return F24Line{}, errs.Wrap(errs.NotFound, "documents.error.due_not_found", fmt.Errorf("due %d is not a rate of this position", p.DueID))
	}
	switch {
	case it.Prescribed:
		return F24Line{}, errs.Wrap(errs.Invalid, "documents.error.prescribed", fmt.Errorf("due %d is prescribed", p.DueID))
	case it.Residual <= 0:
		return F24Line{}, errs.Wrap(errs.Invalid, "documents.error.nothing_owed", fmt.Errorf("due %d is paid: nothing to pay", p.DueID))
	case p.Amount < 0 || p.Amount > it.Residual:
		return F24Line{}, errs.Wrap(errs.Invalid, "documents.error.amount_range",
			fmt.Errorf("the amount must be more than zero and at most %s, what is owed on due %d", it.Residual, p.DueID))
	}
	amount := p.Amount
	if amount == 0 {
		amount = it.Residual
	}
	code, err := ledger.Regenerate(dues[p.DueID], sede, amount)
	if err != nil {
		return F24Line{}, errs.Wrap(errs.Invalid, "documents.error.no_code", err)
	}
	d := it.Due
	return F24Line{DueID: d.ID, Year: d.Year, Kind: d.Kind, Sede: sede, Causale: d.Causale, CodiceINPS: code,
		From: d.PeriodFrom, To: d.PeriodTo, Debit: amount}, nil
}

// contribuenteOf fills the CONTRIBUENTE box from the titolare.
func contribuenteOf(pos registry.PositionView) Contribuente {
	t := pos.Titolare
	place, prov := birthplace(t.BirthplaceCode)
	return Contribuente{CodiceFiscale: t.CodiceFiscale, FamilyName: t.FamilyName, GivenName: t.GivenName,
		BirthDate: t.BirthDate, Sex: t.Sex, BirthPlace: place, BirthProvince: prov}
}
