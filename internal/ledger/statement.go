package ledger

import (
	"cmp"
	"slices"

	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// Statement is the estratto conto previdenziale of a position (M4, RULES
// P4): per person and year the months insured, the contribution paid for
// them and the months credited for the pension.
type Statement struct {
	Position PositionInfo      `json:"position"`
	Persons  []PersonStatement `json:"persons"`
	Insured  int               `json:"insured_months"`  // Σ of every person's years
	Credited int               `json:"months_credited"` // Σ of every person's years
	Paid     money.Cents       `json:"paid"`
}

// PersonStatement is the estratto conto of one person (titolare or
// collaboratore), the only part a collaboratore may see (M10).
type PersonStatement struct {
	Person   PersonInfo      `json:"person"`
	Years    []StatementYear `json:"years"`
	Insured  int             `json:"insured_months"`
	Credited int             `json:"months_credited"`
	Paid     money.Cents     `json:"paid"`
}

// StatementYear is one person's contribution year.
type StatementYear struct {
	Year         int               `json:"year"`
	Insured      int               `json:"insured_months"` // months the fixed rates cover
	InsuredFrom  contrib.YearMonth `json:"insured_from"`
	InsuredTo    contrib.YearMonth `json:"insured_to"`
	Due          money.Cents       `json:"due"`  // contribution due, without maternity
	Paid         money.Cents       `json:"paid"` // contribution paid, without maternity, sanctions, interest
	Full         money.Cents       `json:"full"` // round2(minimale × the ordinary full rate): a whole year
	Credited     int               `json:"months_credited"`
	CreditedFrom contrib.YearMonth `json:"credited_from"`
	CreditedTo   contrib.YearMonth `json:"credited_to"`
	Known        bool              `json:"params_known"` // false: no parameters for the year, nothing credited
	Trace        Trace             `json:"trace"`
}

// NewStatement computes the estratto conto of the position of rec with the
// yearly parameters of params. For each person and year:
//   - insured months are the months of the year covered by the periods of
//     the person's fixed rates (a rate corrected to zero or less covers none);
//   - paid is what was allocated to the person's fixed rates, saldo and
//     acconti of that year (their corrections included), without
//     maternity, sanctions or interest, and never beyond a due's amount
//     (allocations beyond it are credits, not contribution);
//   - maternity is covered last: an allocation to a fixed rate pays its
//     IVS part first, and maternity only once the IVS part is paid in full;
//   - months credited are contrib's MonthsCredited: min(insured, floor(12 ×
//     paid / full)), counted from the first insured month.
func NewStatement(rec Records, params *contrib.Params) Statement {
	st := Statement{Position: rec.Position, Persons: []PersonStatement{}}
	acc := map[int64]map[int]*stmtYear{}
	items := groupItems(rec.Dues, indexAllocations(rec.Allocations))
	for i := range items {
		it := &items[i]
		if !it.Due.Kind.IsContribution() {
			continue
		}
		it.total()
		years := acc[it.Due.PersonID]
		if years == nil {
			years = map[int]*stmtYear{}
			acc[it.Due.PersonID] = years
		}
		y := years[it.Due.Year]
		if y == nil {
			y = &stmtYear{year: it.Due.Year}
			years[it.Due.Year] = y
		}
		y.add(it)
	}
	for _, person := range statementPersons(rec, acc) {
		ps := PersonStatement{Person: person, Years: []StatementYear{}}
		for _, y := range sortedYears(acc[person.ID]) {
			sy := y.result(params, rec.Position.Gestione)
			ps.Years = append(ps.Years, sy)
			ps.Insured += sy.Insured
			ps.Credited += sy.Credited
			ps.Paid += sy.Paid
		}
		st.Persons = append(st.Persons, ps)
		st.Insured += ps.Insured
		st.Credited += ps.Credited
		st.Paid += ps.Paid
	}
	return st
}

// NewStatementOfYear computes the estratto conto of one contribution
// year: every person's line for year exactly as NewStatement gives it,
// without the work of the other years (a person's year depends only on
// the dues of that year and what was allocated to them). Persons with no
// dues in year are left out.
func NewStatementOfYear(rec Records, params *contrib.Params, year int) Statement {
	dues := make([]Due, 0, len(rec.Dues)/4)
	for _, d := range rec.Dues {
		if d.Year == year {
			dues = append(dues, d)
		}
	}
	rec.Dues = dues
	return NewStatement(rec, params)
}

// statementPersons returns the persons of rec with dues, and any person
// with dues rec does not name, by subject code.
func statementPersons(rec Records, acc map[int64]map[int]*stmtYear) []PersonInfo {
	out := make([]PersonInfo, 0, len(acc))
	for _, p := range rec.Persons {
		if acc[p.ID] != nil {
			out = append(out, p)
		}
	}
	for _, d := range rec.Dues {
		known := slices.ContainsFunc(out, func(p PersonInfo) bool { return p.ID == d.PersonID })
		if acc[d.PersonID] != nil && !known {
			out = append(out, PersonInfo{ID: d.PersonID, SubjectCode: d.SubjectCode})
		}
	}
	slices.SortFunc(out, func(a, b PersonInfo) int {
		return cmp.Or(cmp.Compare(a.SubjectCode, b.SubjectCode), cmp.Compare(a.ID, b.ID))
	})
	return out
}

func sortedYears(m map[int]*stmtYear) []*stmtYear {
	out := make([]*stmtYear, 0, len(m))
	for _, y := range m {
		out = append(out, y)
	}
	slices.SortFunc(out, func(a, b *stmtYear) int { return cmp.Compare(a.year, b.year) })
	return out
}
