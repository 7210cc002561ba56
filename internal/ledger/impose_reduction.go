package ledger

import (
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
)

// Over65Age is the age, reached by 1 January of the year, from which the
// over65 reduction of a position applies to a person (L. 449/1997 art. 59
// c. 15: pensioners "con più di 65 anni di età").
const Over65Age = 65

// New2025Years is the number of calendar years, from 2025, the new2025
// reduction covers: 2025, 2026 and 2027 (36 months from a January start).
const New2025Years = 3

// FixedReduction returns the reduction in force for in during year, from
// the reduction on the position:
//   - forfettario applies to everyone insured on the position;
//   - over65 applies to a person who is at least 65 on 1 January of the
//     year, so that every month of the year is after the 65th birthday;
//   - new2025 applies when the position started in 2025 and so did the
//     person's own insurance (first registration), for 2025–2027.
//
// Anything else, or a condition not met, is no reduction.
func FixedReduction(in *Insured, year int) contrib.Reduction {
	switch in.Reduction {
	case contrib.Forfettario:
		return contrib.Forfettario
	case contrib.Over65:
		if in.Birth.YearsAt(civil.Date{Year: year, Month: time.January, Day: 1}) >= Over65Age {
			return contrib.Over65
		}
	case contrib.New2025:
		if in.PositionStart.Year == 2025 && in.From.Year == 2025 && year >= 2025 && year < 2025+New2025Years {
			return contrib.New2025
		}
	}
	return contrib.None
}

// AboveReduction returns the reduction of the above-minimale contribution
// of year: FixedReduction, except that an income declared forfettario gets
// the forfettario reduction when no over65 or new2025 reduction is in force
// (those exclude it, and the person chose them).
func AboveReduction(in *Insured, year int) contrib.Reduction {
	red := FixedReduction(in, year)
	if in.HasIncome && in.Forfettario && red == contrib.None {
		return contrib.Forfettario
	}
	return red
}
