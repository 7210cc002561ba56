package ledger_test

import (
	"testing"

	"github.com/cassetto-dev/cassetto/internal/registry"
)

func TestImposeFullYearGivesTheFourRatesOfRules(t *testing.T) {
	f := newImpFixture(t)
	tit := f.person("Luca", "Verdi", "M", "1980-01-01")
	pos := f.position(registry.Commercianti, tit, "2012-06-01", "", registry.ReductionNone)
	st := f.impose(2025)
	if st.Persons != 1 || st.Created != 4 || st.Skipped != 0 || st.Rejected != 0 || st.Amount.String() != "4549.70" {
		t.Errorf("stats %+v", st)
	}
	got := f.dues("")
	wantDues(t, got, `
		fixed:2025:20000001:10:1 rata1 CF 2025-01–2025-03 2025-05-16 1137.43 (1.86)
		fixed:2025:20000001:10:2 rata2 CF 2025-04–2025-06 2025-08-20 1137.43 (1.86)
		fixed:2025:20000001:10:3 rata3 CF 2025-07–2025-09 2025-11-17 1137.43 (1.86)
		fixed:2025:20000001:10:4 rata4 CF 2025-10–2025-12 2026-02-16 1137.41 (1.86)`)
	checkDueCodelines(t, got, func(int64) string { return pos.Number })
	for _, d := range got {
		if d.PositionID != pos.ID || d.PersonID != tit.ID || d.SubjectCode != 10 || d.Year != 2025 || !d.CreatedAt.Equal(impNow()) {
			t.Errorf("%s: %+v", d.NaturalKey, d)
		}
	}
	if again := f.impose(2025); again.Created != 0 || again.Skipped != 4 || again.Amount != st.Amount {
		t.Errorf("second run %+v, want nothing created and 4 already present", again)
	}
	if n := len(f.dues("")); n != 4 {
		t.Errorf("%d dues after the second run, want 4", n)
	}
}

func TestImposePartYearStartsWithTheMonthOfTheStart(t *testing.T) {
	f := newImpFixture(t)
	pos := f.position(registry.Commercianti, f.person("Anna", "Neri", "F", "1990-02-03"), "2025-05-10", "", registry.ReductionNone)
	f.impose(2025)
	got := f.dues("")
	wantDues(t, got, `
		fixed:2025:20000001:10:2 rata2 CF 2025-05–2025-06 2025-08-20 758.29 (1.24)
		fixed:2025:20000001:10:3 rata3 CF 2025-07–2025-09 2025-11-17 1137.43 (1.86)
		fixed:2025:20000001:10:4 rata4 CF 2025-10–2025-12 2026-02-16 1137.42 (1.86)`)
	checkDueCodelines(t, got, func(int64) string { return pos.Number })
	if st := f.impose(2024); st.Persons != 0 || st.Created != 0 {
		t.Errorf("2024, before the start: %+v", st)
	}
}

func TestImposeCeasedPositionEndsWithTheMonthOfTheEnd(t *testing.T) {
	f := newImpFixture(t)
	f.position(registry.Artigiani, f.person("Pietro", "Gialli", "M", "1970-07-07"), "2010-01-01", "2025-03-20", registry.ReductionNone)
	f.impose(2025)
	wantDues(t, f.dues(""), `fixed:2025:20000001:10:1 rata1 AF 2025-01–2025-03 2025-05-16 1115.16 (1.86)`)
	if st := f.impose(2026); st.Persons != 0 || st.Created != 0 {
		t.Errorf("2026, after the end: %+v", st)
	}
}

func TestImposeCollaboratoreTurning21PaysTheYoungRateUpToTheBirthdayMonth(t *testing.T) {
	f := newImpFixture(t)
	pos := f.position(registry.Artigiani, f.person("Mario", "Bruni", "M", "1975-04-04"), "2015-01-01", "", registry.ReductionNone)
	f.member(pos, f.person("Paolo", "Bruni", "M", "2003-06-15"), 11, "2021-07-01", "")
	f.impose(2024)
	// 6 months at 23.70% and 6 at 24.00%: IVS round2(18,415 × 23.85%) = 4,391.98, + 7.44.
	got := f.dues("")
	wantDues(t, got, `
		fixed:2024:20000001:10:1 rata1 AF 2024-01–2024-03 2024-05-16 1106.76 (1.86)
		fixed:2024:20000001:10:2 rata2 AF 2024-04–2024-06 2024-08-20 1106.76 (1.86)
		fixed:2024:20000001:10:3 rata3 AF 2024-07–2024-09 2024-11-18 1106.76 (1.86)
		fixed:2024:20000001:10:4 rata4 AF 2024-10–2024-12 2025-02-17 1106.76 (1.86)
		fixed:2024:20000001:11:1 rata1 AF 2024-01–2024-03 2024-05-16 1099.86 (1.86)
		fixed:2024:20000001:11:2 rata2 AF 2024-04–2024-06 2024-08-20 1099.86 (1.86)
		fixed:2024:20000001:11:3 rata3 AF 2024-07–2024-09 2024-11-18 1099.86 (1.86)
		fixed:2024:20000001:11:4 rata4 AF 2024-10–2024-12 2025-02-17 1099.84 (1.86)`)
	checkDueCodelines(t, got, func(int64) string { return pos.Number })
}

func TestImposeMemberSpanIsCutToThePosition(t *testing.T) {
	f := newImpFixture(t)
	pos := f.position(registry.Commercianti, f.person("Rita", "Sala", "F", "1970-01-01"), "2000-01-01", "2025-08-31", registry.ReductionNone)
	f.member(pos, f.person("Ugo", "Sala", "M", "1972-01-01"), 11, "2025-02-14", "2025-12-31")
	f.impose(2025)
	// February–August, n = 7: IVS round2(18,555 × 7/12 × 24.48%) = 2,649.65; rate 1 round2(2,649.65 × 2/7)
	// + 1.24, rate 2 round2(2,649.65 × 3/7) + 1.86, rate 3 the rest of 2,649.65 + 4.34.
	wantDues(t, f.dues("d.subject_code = 11"), `
		fixed:2025:20000001:11:1 rata1 CF 2025-02–2025-03 2025-05-16 758.28 (1.24)
		fixed:2025:20000001:11:2 rata2 CF 2025-04–2025-06 2025-08-20 1137.42 (1.86)
		fixed:2025:20000001:11:3 rata3 CF 2025-07–2025-08 2025-11-17 758.29 (1.24)`)
}

func TestImposeForfettarioTakes35PercentOff(t *testing.T) {
	f := newImpFixture(t)
	f.position(registry.Artigiani, f.person("Sara", "Fonti", "F", "1985-09-09"), "2019-01-01", "", registry.ReductionForfettario)
	f.impose(2025)
	// RULES P3.4: round2(round2(18,555 × 24%) × 0.65) = 2,894.58, + 7.44 = 2,902.02.
	wantDues(t, f.dues(""), `
		fixed:2025:20000001:10:1 rata1 AF 2025-01–2025-03 2025-05-16 725.51 (1.86)
		fixed:2025:20000001:10:2 rata2 AF 2025-04–2025-06 2025-08-20 725.51 (1.86)
		fixed:2025:20000001:10:3 rata3 AF 2025-07–2025-09 2025-11-17 725.51 (1.86)
		fixed:2025:20000001:10:4 rata4 AF 2025-10–2025-12 2026-02-16 725.49 (1.86)`)
}

func TestImposeOver65AppliesOnlyToPersonsOver65AndNew2025OnlyToA2025Start(t *testing.T) {
	f := newImpFixture(t)
	old := f.position(registry.Commercianti, f.person("Aldo", "Rossi", "M", "1955-03-01"), "1990-01-01", "", registry.ReductionOver65)
	f.member(old, f.person("Ida", "Rossi", "F", "1985-05-05"), 11, "2010-01-01", "")
	f.position(registry.Commercianti, f.person("Lia", "Conti", "F", "1960-06-01"), "1995-01-01", "", registry.ReductionOver65)
	f.position(registry.Commercianti, f.person("Ezio", "Masi", "M", "1999-01-01"), "2025-01-15", "", registry.ReductionNew2025)
	f.position(registry.Commercianti, f.person("Gino", "Masi", "M", "1998-01-01"), "2024-03-01", "", registry.ReductionNew2025)
	f.impose(2025)
	// Halved pension part, surcharge in full: round2(18,555 × 24% × 0.5) + round2(18,555 × 0.48%) = 2,315.66.
	reduced := []string{"580.78", "580.78", "580.78", "580.76"}
	full := []string{"1137.43", "1137.43", "1137.43", "1137.41"}
	cases := []struct {
		who, number string
		subject     int
		want        []string
	}{
		{"titolare over 65", "20000001", 10, reduced},
		{"collaboratore of 40 on an over65 position", "20000001", 11, full},
		{"titolare turning 65 during the year", "20000002", 10, full},
		{"titolare of a 2025 start", "20000003", 10, reduced},
		{"titolare of a 2024 start marked new2025", "20000004", 10, full},
	}
	for _, c := range cases {
		var got []string
		for _, d := range f.dues("d.natural_key LIKE ?", "fixed:2025:"+c.number+":"+subjectDigits(c.subject)+":%") {
			got = append(got, d.Amount.String())
		}
		if len(got) != 4 || got[0] != c.want[0] || got[3] != c.want[3] {
			t.Errorf("%s: rates %v, want %v", c.who, got, c.want)
		}
	}
}

func subjectDigits(n int) string { return string(rune('0'+n/10)) + string(rune('0'+n%10)) }
