package store

import (
	"context"
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// latestIncomesQuery lists the incomes of some persons up to a year, newest
// first (index: the unique (person_id, year)).
const latestIncomesQuery = `SELECT id, person_id, year, income, forfettario FROM incomes
	WHERE person_id IN (%s) AND year <= ? ORDER BY person_id, year DESC`

// LatestIncomes returns, for each of personIDs with a known income up to
// year upTo, the newest such income: the calculator's starting point. One
// indexed query.
func (s *Incomes) LatestIncomes(ctx context.Context, personIDs []int64, upTo int) (map[int64]ledger.Income, error) {
	out := map[int64]ledger.Income{}
	if len(personIDs) == 0 {
		return out, nil
	}
	args := make([]any, 0, len(personIDs)+1)
	for _, id := range personIDs {
		args = append(args, id)
	}
	err := eachRow(ctx, s.db.R(), fmt.Sprintf(latestIncomesQuery, Placeholders(len(personIDs))), append(args, upTo),
		func(sc interface{ Scan(...any) error }) error {
			var in ledger.Income
			var cents int64
			if err := sc.Scan(&in.ID, &in.PersonID, &in.Year, &cents, &in.Forfettario); err != nil {
				return err
			}
			in.Income = moneyOf(cents)
			if _, seen := out[in.PersonID]; !seen {
				out[in.PersonID] = in
			}
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("store: latest incomes: %w", err)
	}
	return out, nil
}
