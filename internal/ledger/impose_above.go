package ledger

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/contrib/codeline"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// Prior is what a person's above-minimale dues for a year depend on, as
// already stored: the acconti due for that year (written from the year
// before's income), and whether the above-minimale contribution of the
// next year is settled already (its income and fixed rates are stored, so
// its saldo has been computed without acconti).
type Prior struct {
	Acconti     []Due // kinds acconto1 and acconto2 of the year, any position
	NextSettled bool
}

// Above appends to out the above-minimale dues of in for the year, when
// its income is known (RULES.md P2, P3.3):
//   - saldo of the year = above-minimale contribution − prior.Acconti, when
//     positive (kind saldo, due SaldoDue, causale AP/CP);
//   - when the acconti exceed the contribution, the excess is given back as
//     corrections (negative amounts) of those acconti, the last one first,
//     never taking an acconto below zero;
//   - the two acconti of the next year, each half of the contribution (kind
//     acconto1 and acconto2, due AccontoDue), unless the person is no longer
//     insured on 1 January of the next year or the next year is settled.
func (im *Imposer) Above(in *Insured, prior Prior, out []Due) ([]Due, error) {
	from, to, ok := in.Months(im.year)
	if !ok || !in.HasIncome {
		return out, nil
	}
	if err := im.calc(in, from, to, AboveReduction(in, im.year)); err != nil {
		return out, err
	}
	number, err := imposeNumber(in.Number)
	if err != nil {
		return out, err
	}
	above := im.res.Above.Total
	var acconti money.Cents
	for _, a := range prior.Acconti {
		acconti += a.Amount
	}
	switch diff := above - acconti; {
	case diff > 0:
		d := aboveDue(in, Saldo, im.year, diff, im.naturalKey("saldo", im.year, in, 0))
		d.PeriodFrom, d.PeriodTo, d.DueDate = from, to, contrib.SaldoDue(im.year)
		if out, err = appendCoded(out, d, number, in.OfficeCode); err != nil {
			return out, err
		}
	case diff < 0:
		out = im.excess(out, prior.Acconti, -diff, above)
	}
	if above <= 0 || prior.NextSettled || !in.InsuredOnFirstOf(im.year+1) {
		return out, nil
	}
	return im.acconti(in, number, above, out)
}

// acconti appends the two acconti of the next year on above.
func (im *Imposer) acconti(in *Insured, number int, above money.Cents, out []Due) ([]Due, error) {
	next := im.year + 1
	first, second := contrib.Acconti(above)
	for n, amount := range [2]money.Cents{first, second} {
		if amount <= 0 {
			continue
		}
		kind := Acconto1
		if n == 1 {
			kind = Acconto2
		}
		d := aboveDue(in, kind, next, amount, im.naturalKey("acconto", next, in, n+1))
		d.PeriodFrom = contrib.YearMonth{Year: next, Month: time.January}
		d.PeriodTo = contrib.YearMonth{Year: next, Month: time.December}
		d.DueDate = contrib.AccontoDue(next, n+1)
		var err error
		if out, err = appendCoded(out, d, number, in.OfficeCode); err != nil {
			return out, err
		}
	}
	return out, nil
}

// aboveDue is a due of the above-minimale contribution without period,
// due date and codeline.
func aboveDue(in *Insured, kind Kind, year int, amount money.Cents, key string) Due {
	return Due{NaturalKey: key, PositionID: in.PositionID, PersonID: in.PersonID, SubjectCode: in.SubjectCode,
		Year: year, Kind: kind, Causale: Causale(in.Gestione, kind), Amount: amount}
}

// appendCoded sets the codeline of d, due on position number to sede, and
// appends it to out.
func appendCoded(out []Due, d Due, number int, sede string) ([]Due, error) {
	code, err := codeline.Make(codeline.Fields{Position: number, Subject: d.SubjectCode, Rata: d.Kind.RataCode(),
		Year: d.Year, Seq: 1}, sede, d.Amount)
	if err != nil {
		return out, fmt.Errorf("ledger: %s: %w", d.NaturalKey, err)
	}
	d.Codeline = code
	return append(out, d), nil
}

// excess appends the corrections that give back excess of the acconti,
// taken from the last acconto first.
func (im *Imposer) excess(out, acconti []Due, excess, above money.Cents) []Due {
	parents := slices.Clone(acconti)
	slices.SortFunc(parents, func(a, b Due) int {
		return cmp.Or(cmp.Compare(b.Kind, a.Kind), cmp.Compare(b.NaturalKey, a.NaturalKey))
	})
	reason := fmt.Sprintf("acconti %d exceed the contribution above the minimale of the year (%s): the excess is a credit",
		im.year, above)
	for _, p := range parents {
		take := min(excess, p.Amount)
		if take <= 0 {
			continue
		}
		excess -= take
		out = append(out, Due{NaturalKey: "excess:" + p.NaturalKey, PositionID: p.PositionID, PersonID: p.PersonID,
			SubjectCode: p.SubjectCode, Year: p.Year, Kind: Correction, Causale: p.Causale, PeriodFrom: p.PeriodFrom,
			PeriodTo: p.PeriodTo, DueDate: contrib.SaldoDue(im.year), Amount: -take, ParentID: p.ID, Reason: reason})
	}
	return out
}

// aboveAll appends the above-minimale dues of every insured in ins, reading
// what they depend on in tx.
func (im *Imposer) aboveAll(ctx context.Context, tx DuesTx, ins []*Insured, out []Due) ([]Due, error) {
	if len(ins) == 0 {
		return out, nil
	}
	persons := make([]int64, len(ins))
	for i, in := range ins {
		persons[i] = in.PersonID
	}
	acconti, settled, err := tx.Prior(ctx, im.year, persons)
	if err != nil {
		return out, fmt.Errorf("read acconti: %w", err)
	}
	prior := make(map[int64]Prior, len(ins))
	for _, a := range acconti {
		p := prior[a.PersonID]
		p.Acconti = append(p.Acconti, a)
		prior[a.PersonID] = p
	}
	for _, id := range settled {
		p := prior[id]
		p.NextSettled = true
		prior[id] = p
	}
	for _, in := range ins {
		if out, err = im.Above(in, prior[in.PersonID], out); err != nil {
			return out, err
		}
	}
	return out, nil
}
