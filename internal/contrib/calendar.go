package contrib

import (
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// holidays are the fixed national holidays of RULES.md P2 (month, day);
// Easter Monday is computed.
var holidays = [...]struct {
	month time.Month
	day   int
}{
	{time.January, 1}, {time.January, 6}, {time.April, 25}, {time.May, 1}, {time.June, 2},
	{time.August, 15}, {time.November, 1}, {time.December, 8}, {time.December, 25}, {time.December, 26},
}

// IsHoliday reports whether d is a national holiday of RULES.md P2.
func IsHoliday(d civil.Date) bool {
	for _, h := range holidays {
		if d.Month == h.month && d.Day == h.day {
			return true
		}
	}
	return d == EasterMonday(d.Year)
}

// IsWorkingDay reports whether d is neither a Saturday, a Sunday nor a holiday.
func IsWorkingDay(d civil.Date) bool {
	w := weekday(d)
	return w != time.Saturday && w != time.Sunday && !IsHoliday(d)
}

// NextWorkingDay returns d when it is a working day, else the next one: the
// shift rule of every due date.
func NextWorkingDay(d civil.Date) civil.Date {
	for !IsWorkingDay(d) {
		d = fromDayNumber(dayNumber(d) + 1)
	}
	return d
}

// EasterMonday returns the Monday after Easter Sunday of year (Gregorian
// calendar, the anonymous algorithm of Meeus/Jones/Butcher).
func EasterMonday(year int) civil.Date {
	a, b, c := year%19, year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return fromDayNumber(dayNumber(civil.Date{Year: year, Month: time.Month(month), Day: day}) + 1)
}

// FixedRateDueDates returns the due dates of the four fixed rates of year:
// 16 May, 20 August, 16 November and 16 February of the next year, each moved
// to the next working day.
func FixedRateDueDates(year int) [4]civil.Date {
	return [4]civil.Date{
		NextWorkingDay(civil.Date{Year: year, Month: time.May, Day: 16}),
		NextWorkingDay(civil.Date{Year: year, Month: time.August, Day: 20}),
		NextWorkingDay(civil.Date{Year: year, Month: time.November, Day: 16}),
		NextWorkingDay(civil.Date{Year: year + 1, Month: time.February, Day: 16}),
	}
}

// SaldoDue returns the due date of the saldo of the above-minimale
// contribution of year: 30 June of the next year, moved to a working day.
func SaldoDue(year int) civil.Date {
	return NextWorkingDay(civil.Date{Year: year + 1, Month: time.June, Day: 30})
}

// AccontoDue returns the due date of acconto n (1 or 2) on the above-minimale
// contribution of year, paid during that year: 30 June (with the saldo of the
// year before) and 30 November, moved to a working day.
func AccontoDue(year, n int) civil.Date {
	if n == 1 {
		return NextWorkingDay(civil.Date{Year: year, Month: time.June, Day: 30})
	}
	return NextWorkingDay(civil.Date{Year: year, Month: time.November, Day: 30})
}

// Acconti splits the previous year's above-minimale contribution into the two
// acconti, each 50%: the first is round2 of the half, the second the rest
// (pinned in RULES.md P2).
func Acconti(previousAbove money.Cents) (first, second money.Cents) {
	first = money.MulDiv(int64(previousAbove), 1, 2)
	return first, previousAbove - first
}

// dayNumber returns the days from 1970-01-01 to d (proleptic Gregorian
// calendar; H. Hinnant's days_from_civil), without time zones.
func dayNumber(d civil.Date) int64 {
	y, m := int64(d.Year), int64(d.Month)
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + int64(d.Day) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// fromDayNumber is the inverse of dayNumber.
func fromDayNumber(z int64) civil.Date {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day := doy - (153*mp+2)/5 + 1
	month := (mp+2)%12 + 1
	year := yoe + era*400
	if month <= 2 {
		year++
	}
	return civil.Date{Year: int(year), Month: time.Month(month), Day: int(day)}
}

// weekday returns the day of the week of d (1970-01-01 was a Thursday).
func weekday(d civil.Date) time.Weekday {
	return time.Weekday((dayNumber(d)%7 + 7 + 4) % 7)
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
