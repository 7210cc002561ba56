package contrib_test

import (
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/money"
)

func TestEasterMonday(t *testing.T) {
	for year, want := range map[int]string{
		2000: "2000-04-24", 2008: "2008-03-24", 2011: "2011-04-25", 2019: "2019-04-22", 2022: "2022-04-18",
		2023: "2023-04-10", 2024: "2024-04-01", 2025: "2025-04-21", 2026: "2026-04-06", 2027: "2027-03-29",
		2038: "2038-04-26", 2285: "2285-03-23",
	} {
		if got := contrib.EasterMonday(year).String(); got != want {
			t.Errorf("EasterMonday(%d) = %s, want %s", year, got, want)
		}
	}
}

func TestNextWorkingDaySkipsWeekendsAndHolidays(t *testing.T) {
	cases := map[string]string{
		"2025-05-16": "2025-05-16", // Friday
		"2026-05-16": "2026-05-18", // Saturday
		"2022-08-20": "2022-08-22", // Saturday
		"2025-04-21": "2025-04-22", // Easter Monday
		"2027-03-29": "2027-03-30", // Easter Monday
		"2024-12-25": "2024-12-27", // Christmas, Santo Stefano
		"2022-12-24": "2022-12-27", // Saturday, Sunday 25, Monday 26
		"2025-06-02": "2025-06-03", // Festa della Repubblica
		"2026-08-15": "2026-08-17", // Ferragosto on a Saturday
		"2021-01-01": "2021-01-04", // New Year on a Friday, then the weekend
		"2026-01-06": "2026-01-07", // Epiphany
	}
	for in, want := range cases {
		if got := contrib.NextWorkingDay(civil.MustParse(in)).String(); got != want {
			t.Errorf("NextWorkingDay(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestIncomeTaxCalendar(t *testing.T) {
	cases := []struct{ got, want string }{
		{contrib.SaldoDue(2024).String(), "2025-06-30"},
		{contrib.SaldoDue(2025).String(), "2026-06-30"},
		{contrib.SaldoDue(2019).String(), "2020-06-30"},
		{contrib.SaldoDue(2026).String(), "2027-06-30"},
		{contrib.AccontoDue(2025, 1).String(), "2025-06-30"},
		{contrib.AccontoDue(2025, 2).String(), "2025-12-01"}, // 30 November is a Sunday
		{contrib.AccontoDue(2024, 2).String(), "2024-12-02"}, // a Saturday
		{contrib.AccontoDue(2029, 1).String(), "2029-07-02"}, // a Saturday
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %s, want %s", c.got, c.want)
		}
	}
}

func TestAccontiSplitTheYearBeforeInHalves(t *testing.T) {
	for prev, want := range map[money.Cents][2]money.Cents{
		999232: {499616, 499616}, 10001: {5001, 5000}, 1: {1, 0}, 0: {0, 0},
	} {
		a, b := contrib.Acconti(prev)
		if a != want[0] || b != want[1] || a+b != prev {
			t.Errorf("Acconti(%s) = %s, %s; want %s, %s", prev, a, b, want[0], want[1])
		}
	}
}

func TestDueDatesAreTheFirstWorkingDayFromTheirNominalDates(t *testing.T) {
	for year := 2000; year <= 2100; year++ {
		nominal := [4]civil.Date{civil.New(year, 5, 16), civil.New(year, 8, 20), civil.New(year, 11, 16), civil.New(year+1, 2, 16)}
		for q, due := range contrib.FixedRateDueDates(year) {
			shift := nominal[q].DaysUntil(due)
			if shift < 0 || shift > 4 || !contrib.IsWorkingDay(due) {
				t.Fatalf("year %d rate %d: due %s", year, q+1, due)
			}
			for d := 0; d < shift; d++ {
				if contrib.IsWorkingDay(nominal[q].AddDays(d)) {
					t.Fatalf("year %d rate %d: due %s skips the working day %s", year, q+1, due, nominal[q].AddDays(d))
				}
			}
		}
	}
}
