package ledger

import (
	"context"
	"fmt"
	"slices"
)

// write classifies the incomes against those stored, stores the new ones
// and writes the above-minimale dues of every accepted person and year.
func (ir *incomeRun) write(ctx context.Context, tx IncomeTx, incomes []incomePending, res *incomeChunkResult) error {
	keys := make([]PersonYear, len(incomes))
	for i, p := range incomes {
		keys[i] = PersonYear{p.income.PersonID, p.income.Year}
	}
	stored, err := tx.StoredIncomes(ctx, keys)
	if err != nil {
		return err
	}
	var fresh []Income
	accepted := map[PersonYear]bool{}
	for _, p := range incomes {
		k := PersonYear{p.income.PersonID, p.income.Year}
		old, ok := stored[k]
		switch {
		case !ok:
			stored[k] = p.income
			fresh = append(fresh, p.income)
		case old.Income == p.income.Income && old.Forfettario == p.income.Forfettario:
			res.skipped++
		default:
			res.rejected = append(res.rejected, incomeConflict(p.line, old))
			continue
		}
		res.amount += p.income.Income
		accepted[k] = true
	}
	if res.created, err = tx.InsertIncomes(ctx, fresh); err != nil {
		return err
	}
	return ir.aboveDues(ctx, tx, accepted, res)
}

// incomeConflict refuses a line whose person and year already have another income.
func incomeConflict(l IncomeLine, old Income) *IncomeLineError {
	return &IncomeLineError{Line: l.Line, Field: "reddito", Value: l.Income.String(),
		Reason: fmt.Sprintf("the income of %d is already declared as %s (forfettario %t): a different value needs a correction, not a new import",
			l.Year, old.Income, old.Forfettario)}
}

// aboveDues writes the above-minimale dues of the accepted persons and
// years that are imposed, year by year from the oldest, so that a year's
// acconti are stored before the next year's saldo is computed.
func (ir *incomeRun) aboveDues(ctx context.Context, tx IncomeTx, accepted map[PersonYear]bool, res *incomeChunkResult) error {
	byYear := map[int][]int64{}
	for k := range accepted {
		byYear[k.Year] = append(byYear[k.Year], k.PersonID)
	}
	years := make([]int, 0, len(byYear))
	for y := range byYear {
		years = append(years, y)
	}
	slices.Sort(years)
	for _, y := range years {
		persons := byYear[y]
		slices.Sort(persons)
		if err := ir.aboveYear(ctx, tx, y, persons, res); err != nil {
			return fmt.Errorf("above-minimale dues of %d: %w", y, err)
		}
	}
	return nil
}

// aboveYear writes the above-minimale dues of year for persons whose first
// insurance of the year is imposed.
func (ir *incomeRun) aboveYear(ctx context.Context, tx IncomeTx, year int, persons []int64, res *incomeChunkResult) error {
	im, ok := ir.imposer(year)
	if !ok {
		return nil // no parameters for the year: it cannot have been imposed
	}
	ins, err := tx.Insurances(ctx, year, persons)
	if err != nil {
		return err
	}
	first := FirstInsurances(ins)
	todo := make([]*Insured, 0, len(first))
	for _, in := range first {
		if in.Imposed && in.HasIncome {
			todo = append(todo, in)
		}
	}
	dues, err := im.aboveAll(ctx, tx, todo, nil)
	if err != nil {
		return err
	}
	created, err := tx.InsertDues(ctx, dues)
	if err != nil {
		return err
	}
	res.duesCreated += created
	res.duesSkipped += int64(len(dues)) - created
	for _, d := range dues {
		res.duesAmount += d.Amount
	}
	return nil
}

func (ir *incomeRun) imposer(year int) (*Imposer, bool) {
	if im, ok := ir.imposers[year]; ok {
		return im, im != nil
	}
	im, err := NewImposer(ir.opts.Params, year)
	if err != nil {
		im = nil
	}
	ir.imposers[year] = im
	return im, im != nil
}

// FirstInsurances returns, for each person in ins, the insurance their
// income goes to: the first by position id and subject code (see
// ImposeStore.Primaries), in the order of ins.
func FirstInsurances(ins []Insured) []*Insured {
	first := map[int64]int{}
	var order []int64
	for i := range ins {
		ref := InsuranceRef{ins[i].PositionID, ins[i].SubjectCode}
		j, ok := first[ins[i].PersonID]
		if !ok {
			order = append(order, ins[i].PersonID)
		}
		if !ok || ref.Before(InsuranceRef{ins[j].PositionID, ins[j].SubjectCode}) {
			first[ins[i].PersonID] = i
		}
	}
	out := make([]*Insured, 0, len(order))
	for _, id := range order {
		out = append(out, &ins[first[id]])
	}
	return out
}
