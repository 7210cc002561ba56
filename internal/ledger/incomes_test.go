package ledger_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// importIncomes imports text as an incomes file.
func (f *impFixture) importIncomes(text string) (ledger.IncomeStats, []*ledger.IncomeLineError) {
	f.t.Helper()
	r, err := ledger.NewIncomeReader(strings.NewReader(text))
	f.must(err)
	var bad []*ledger.IncomeLineError
	st, err := ledger.ImportIncomes(f.ctx, store.NewIncomes(f.db, impNow), r, ledger.IncomeOptions{Source: "test.csv",
		Chunk: 2, Reject: func(e *ledger.IncomeLineError) { bad = append(bad, e) }})
	f.must(err)
	return st, bad
}

// incomeLines is an incomes file with one line per "CF,YEAR,AMOUNT".
func incomeLines(lines ...string) string {
	return ledger.IncomeHeader + "\n" + strings.Join(lines, ",false\n") + ",false\n"
}

// aboveTotal is the total of the dues that are not fixed rates.
func (f *impFixture) aboveTotal() money.Cents {
	var sum money.Cents
	for _, d := range f.dues("d.kind NOT LIKE 'rata%'") {
		sum += d.Amount
	}
	return sum
}

// chainFixture is a CO titolare born 1980 active since 2015, with incomes
// of 30,000 in 2024 and income2025 in 2025.
func chainFixture(t *testing.T) (*impFixture, registry.Person, registry.Position) {
	f := newImpFixture(t)
	tit := f.person("Luca", "Verdi", "M", "1980-01-01")
	return f, tit, f.position(registry.Commercianti, tit, "2015-01-01", "", registry.ReductionNone)
}

// The RULES example: CO 2024 on 30,000 gives 2,836.01 above the minimale;
// CO 2025 on 40,000 gives round2(21,445 × 24.48%) = 5,249.74.
const chainAbove = `
	acconto:2025:20000001:10:1 acconto1 CP 2025-01–2025-12 2025-06-30 1418.01
	acconto:2025:20000001:10:2 acconto2 CP 2025-01–2025-12 2025-12-01 1418.00
	acconto:2026:20000001:10:1 acconto1 CP 2026-01–2026-12 2026-06-30 2624.87
	acconto:2026:20000001:10:2 acconto2 CP 2026-01–2026-12 2026-11-30 2624.87
	saldo:2024:20000001:10 saldo CP 2024-01–2024-12 2025-06-30 2836.01
	saldo:2025:20000001:10 saldo CP 2025-01–2025-12 2026-06-30 2413.73`

func TestIncomesAfterImpositionGiveSaldoAndAccontiAcrossTwoYears(t *testing.T) {
	f, tit, pos := chainFixture(t)
	f.impose(2024)
	st, bad := f.importIncomes(incomeLines(tit.CodiceFiscale+",2024,30000", tit.CodiceFiscale+",2025,40000"))
	if len(bad) != 0 || st.Lines != 2 || st.Created != 2 || st.DuesCreated != 3 || st.Amount.String() != "70000.00" {
		t.Fatalf("import: %+v, refused %v", st, bad)
	}
	wantDues(t, f.dues("d.kind NOT LIKE 'rata%'"), strings.Join(strings.Split(chainAbove, "\n")[:3], "\n")+
		"\nsaldo:2024:20000001:10 saldo CP 2024-01–2024-12 2025-06-30 2836.01")
	imp := f.impose(2025)
	if imp.Created != 7 {
		t.Errorf("impose 2025 created %d dues, want 4 rates, the saldo and two acconti", imp.Created)
	}
	all := f.dues("")
	wantDues(t, f.dues("d.kind NOT LIKE 'rata%'"), chainAbove)
	checkDueCodelines(t, all, func(int64) string { return pos.Number })

	// 2025 is settled now: its acconti are not asked again; saldo 2024, saldo 2025 and the acconti 2026 are.
	again, _ := f.importIncomes(incomeLines(tit.CodiceFiscale+",2024,30000", tit.CodiceFiscale+",2025,40000"))
	if again.Created != 0 || again.Skipped != 2 || again.DuesCreated != 0 || again.DuesSkipped != 4 {
		t.Errorf("second import %+v: want nothing new", again)
	}
	if again := f.impose(2025); again.Created != 0 {
		t.Errorf("second imposition created %d", again.Created)
	}
	if n := len(f.dues("")); n != len(all) {
		t.Errorf("%d dues after the second runs, want %d", n, len(all))
	}
}

func TestIncomesBeforeImpositionGiveTheSameDues(t *testing.T) {
	f, tit, _ := chainFixture(t)
	if st, _ := f.importIncomes(incomeLines(tit.CodiceFiscale+",2025,40000", tit.CodiceFiscale+",2024,30000")); st.DuesCreated != 0 {
		t.Errorf("nothing imposed yet, yet %d dues", st.DuesCreated)
	}
	f.impose(2024)
	f.impose(2025)
	wantDues(t, f.dues("d.kind NOT LIKE 'rata%'"), chainAbove)
}

func TestImposingTheLaterYearFirstAsksTheWholeContributionOnce(t *testing.T) {
	f, tit, _ := chainFixture(t)
	f.importIncomes(incomeLines(tit.CodiceFiscale+",2024,30000", tit.CodiceFiscale+",2025,40000"))
	f.impose(2025)
	f.impose(2024)
	// 2025 was settled without acconti, so 2024 adds none for 2025.
	wantDues(t, f.dues("d.kind NOT LIKE 'rata%'"), `
		acconto:2026:20000001:10:1 acconto1 CP 2026-01–2026-12 2026-06-30 2624.87
		acconto:2026:20000001:10:2 acconto2 CP 2026-01–2026-12 2026-11-30 2624.87
		saldo:2024:20000001:10 saldo CP 2024-01–2024-12 2025-06-30 2836.01
		saldo:2025:20000001:10 saldo CP 2025-01–2025-12 2026-06-30 5249.74`)
	if got := f.aboveTotal().String(); got != "13335.49" {
		t.Errorf("above-minimale total %s, want 13335.49 as in the other orders", got)
	}
}

func TestAccontiAboveTheContributionAreGivenBackAsCorrections(t *testing.T) {
	f, tit, _ := chainFixture(t)
	f.impose(2024)
	f.impose(2025)
	f.importIncomes(incomeLines(tit.CodiceFiscale + ",2024,30000"))
	f.importIncomes(incomeLines(tit.CodiceFiscale + ",2025,10000")) // below the minimale: nothing above it
	got := f.dues("d.kind NOT LIKE 'rata%'")
	wantDues(t, got, `
		acconto:2025:20000001:10:1 acconto1 CP 2025-01–2025-12 2025-06-30 1418.01
		acconto:2025:20000001:10:2 acconto2 CP 2025-01–2025-12 2025-12-01 1418.00
		excess:acconto:2025:20000001:10:1 correction CP 2025-01–2025-12 2026-06-30 -1418.01
		excess:acconto:2025:20000001:10:2 correction CP 2025-01–2025-12 2026-06-30 -1418.00
		saldo:2024:20000001:10 saldo CP 2024-01–2024-12 2025-06-30 2836.01`)
	byKey := map[string]ledger.Due{}
	for _, d := range got {
		byKey[d.NaturalKey] = d
	}
	for n := 1; n <= 2; n++ {
		c, parent := byKey[fmt.Sprintf("excess:acconto:2025:20000001:10:%d", n)], byKey[fmt.Sprintf("acconto:2025:20000001:10:%d", n)]
		if c.ParentID != parent.ID || c.Reason == "" || c.Codeline != "" {
			t.Errorf("correction %d: parent %d (want %d), reason %q, codeline %q", n, c.ParentID, parent.ID, c.Reason, c.Codeline)
		}
	}
}

func TestCeasedPersonPaysTheSaldoButNoAccontiForTheNextYear(t *testing.T) {
	f := newImpFixture(t)
	tit := f.person("Pietro", "Gialli", "M", "1970-07-07")
	f.position(registry.Artigiani, tit, "2010-01-01", "2025-03-20", registry.ReductionNone)
	f.impose(2025)
	f.importIncomes(incomeLines(tit.CodiceFiscale + ",2025,20000"))
	// January–March: B = 4,638.75; round2((20,000 − 4,638.75) × 24%) = 3,686.70.
	wantDues(t, f.dues("d.kind NOT LIKE 'rata%'"), `saldo:2025:20000001:10 saldo AP 2025-01–2025-03 2026-06-30 3686.70`)
}

func TestForfettarioIncomeReducesTheAboveMinimalePart(t *testing.T) {
	f := newImpFixture(t)
	tit := f.person("Sara", "Fonti", "F", "1985-09-09")
	f.position(registry.Artigiani, tit, "2019-01-01", "", registry.ReductionNone)
	f.impose(2025)
	f.importIncomes(ledger.IncomeHeader + "\n" + tit.CodiceFiscale + ",2025,28555,true\n")
	// round2(round2(10,000 × 24%) × 0.65) = 1,560.00; the fixed rates stay as imposed.
	wantDues(t, f.dues("d.kind LIKE 'saldo'"), `saldo:2025:20000001:10 saldo AP 2025-01–2025-12 2026-06-30 1560.00`)
	if got := f.dues("d.natural_key = 'fixed:2025:20000001:10:1'")[0].Amount.String(); got != "1115.16" {
		t.Errorf("rate 1 %s, want the full 1115.16", got)
	}
}

func TestIncomesRefuseUnknownPersonsAndADifferentValue(t *testing.T) {
	f, tit, _ := chainFixture(t)
	f.importIncomes(incomeLines(tit.CodiceFiscale + ",2024,30000"))
	st, bad := f.importIncomes(incomeLines(tit.CodiceFiscale+",2024,31000", "BNCMRC78D12F205X,2024,1000",
		tit.CodiceFiscale+",2024,30000"))
	if st.Created != 0 || st.Skipped != 1 || st.Rejected != 2 || len(bad) != 2 {
		t.Fatalf("%+v, refused %v", st, bad)
	}
	if bad[0].Line != 2 || bad[0].Field != "reddito" || !strings.Contains(bad[0].Reason, "already declared as 30000.00") {
		t.Errorf("different value: %v", bad[0])
	}
	if bad[1].Line != 3 || bad[1].Field != "codice_fiscale" || !strings.Contains(bad[1].Reason, "unknown") {
		t.Errorf("unknown person: %v", bad[1])
	}
}

func TestIncomeGoesToTheFirstInsuranceOfAPersonInsuredTwice(t *testing.T) {
	f := newImpFixture(t)
	both := f.person("Ugo", "Lari", "M", "1980-02-02")
	first := f.position(registry.Commercianti, both, "2010-01-01", "", registry.ReductionNone)
	second := f.position(registry.Commercianti, f.person("Eva", "Lari", "F", "1982-03-03"), "2012-01-01", "", registry.ReductionNone)
	f.member(second, both, 11, "2012-01-01", "")
	f.importIncomes(incomeLines(both.CodiceFiscale + ",2025,40000"))
	f.impose(2025)
	saldi := f.dues("d.kind = 'saldo'")
	if len(saldi) != 1 || saldi[0].PositionID != first.ID || saldi[0].SubjectCode != 10 {
		t.Errorf("saldi %s: want one, on the first position", describeDues(saldi))
	}
	if n := len(f.dues("d.person_id = ? AND d.kind LIKE 'rata%'", both.ID)); n != 8 {
		t.Errorf("%d fixed rates, want 4 on each insurance", n)
	}
}
