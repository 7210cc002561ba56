package ledger_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// co2025 adds the four 2025 CO rates of a titolare with no income (RULES
// P3.6: 1,137.43 ×3 + 1,137.41, maternity 1.86 each) and returns their ids.
func co2025(b *book) [4]int64 {
	dates := [4]string{"2025-05-16", "2025-08-20", "2025-11-17", "2026-02-16"}
	var ids [4]int64
	for n := 1; n <= 4; n++ {
		amount := money.Cents(113743)
		if n == 4 {
			amount = 113741
		}
		ids[n-1] = b.rate(100, 10, 2025, n, dates[n-1], amount, 186)
	}
	return ids
}

func statementYear(t *testing.T, st ledger.Statement, person int64, year int) ledger.StatementYear {
	t.Helper()
	for _, p := range st.Persons {
		for _, y := range p.Years {
			if p.Person.ID == person && y.Year == year {
				return y
			}
		}
	}
	t.Fatalf("no year %d for person %d in %+v", year, person, st)
	return ledger.StatementYear{}
}

func TestStatementCreditsTwelveMonthsWhenEveryRateIsPaid(t *testing.T) {
	b := newBook(contrib.CO)
	amounts := [4]money.Cents{113743, 113743, 113743, 113741}
	for i, id := range co2025(b) {
		b.pay("2025-05-16", amounts[i], id, amounts[i])
	}
	y := statementYear(t, ledger.NewStatement(b.rec, contrib.Default()), 100, 2025)
	if y.Insured != 12 || y.Credited != 12 || y.Paid != 454226 || y.Full != 454226 || !y.Known {
		t.Fatalf("full year: %+v", y)
	}
	if y.CreditedFrom != (contrib.YearMonth{Year: 2025, Month: time.January}) || y.CreditedTo.Month != time.December {
		t.Errorf("credited months %s–%s", y.CreditedFrom, y.CreditedTo)
	}
}

func TestStatementPartialPaymentCreditsFewerMonths(t *testing.T) {
	b := newBook(contrib.CO)
	ids := co2025(b)
	b.pay("2025-05-16", 113743, ids[0], money.Cents(113743))
	b.pay("2025-08-20", 100000, ids[1], money.Cents(100000)) // partial: maternity is covered last
	b.pay("2025-11-17", 113743, ids[2], money.Cents(113743))
	b.pay("2026-02-16", 113741, ids[3], money.Cents(113741))
	sanction := b.child(ids[2], ledger.Sanction, 1000, "sanzioni civili")
	b.pay("2026-02-20", 1000, sanction, money.Cents(1000)) // never credited
	y := statementYear(t, ledger.NewStatement(b.rec, contrib.Default()), 100, 2025)
	// IVS paid: 1,135.57 + 1,000.00 + 1,135.57 + 1,135.55 = 4,406.69; 12 × 4,406.69 / 4,542.26 = 11.64.
	if y.Paid != 440669 || y.Due != 454226 || y.Credited != 11 || y.Insured != 12 {
		t.Fatalf("partial year: %+v", y)
	}
	if y.CreditedTo.Month != time.November {
		t.Errorf("months are credited from January on: last %s", y.CreditedTo)
	}
}

func TestStatementUnpaidRateLosesItsMonths(t *testing.T) {
	b := newBook(contrib.CO)
	ids := co2025(b)
	for _, id := range ids[:3] {
		b.pay("2025-05-16", 113743, id, money.Cents(113743))
	}
	y := statementYear(t, ledger.NewStatement(b.rec, contrib.Default()), 100, 2025)
	if y.Paid != 3*113557 || y.Credited != 9 {
		t.Fatalf("three rates paid: %+v", y)
	}
}

func TestStatementOfACollaboratoreInsuredHalfAYear(t *testing.T) {
	b := newBook(contrib.CO)
	co2025(b)
	r3 := b.rate(101, 11, 2025, 3, "2025-11-17", 113743, 186)
	r4 := b.rate(101, 11, 2025, 4, "2026-02-16", 113742, 186)
	b.pay("2025-11-17", 113743, r3, money.Cents(113743))
	b.pay("2026-02-16", 113742, r4, money.Cents(113742))
	st := ledger.NewStatement(b.rec, contrib.Default())
	y := statementYear(t, st, 101, 2025)
	if y.Insured != 6 || y.Credited != 6 || y.Paid != 227113 || y.InsuredFrom.Month != time.July {
		t.Fatalf("collaboratore: %+v", y)
	}
	if len(st.Persons) != 2 || st.Persons[0].Person.SubjectCode != 10 || st.Persons[1].Person.CodiceFiscale != "BNCLRA80A41F205X" {
		t.Errorf("persons: %+v", st.Persons)
	}
	if titolare := statementYear(t, st, 100, 2025); titolare.Credited != 0 || titolare.Insured != 12 {
		t.Errorf("the titolare paid nothing: %+v", titolare)
	}
	if st.Credited != 6 || st.Insured != 18 {
		t.Errorf("totals: %d insured, %d credited", st.Insured, st.Credited)
	}
}

func TestStatementYearWithoutParameters(t *testing.T) {
	b := newBook(contrib.AR)
	id := b.rate(100, 10, 2018, 1, "2018-05-16", 100000, 186)
	b.pay("2018-05-16", 100000, id, money.Cents(100000))
	y := statementYear(t, ledger.NewStatement(b.rec, contrib.Default()), 100, 2018)
	if y.Known || y.Credited != 0 || y.Insured != 3 || y.Paid != 99814 {
		t.Fatalf("2018 has no parameters: %+v", y)
	}
}

func TestQuoteDovuteListsTheRatesWithoutSanctions(t *testing.T) {
	b := newBook(contrib.CO)
	ids := co2025(b)
	b.pay("2025-05-16", 113743, ids[0], money.Cents(113743))
	b.pay("2025-08-20", 50000, ids[1], money.Cents(50000))
	b.child(ids[1], ledger.Sanction, 500, "sanzioni civili")
	q := ledger.QuoteDovute(b.rec, 2025, civilDate("2025-11-01"))
	if len(q.Rates) != 4 || q.Amount != 454970 || q.Paid != 163743 || q.Residual != 454970-163743 {
		t.Fatalf("quote dovute: %+v", q)
	}
	r2 := q.Rates[1]
	if r2.Kind != ledger.Rata2 || r2.Causale != "CF" || r2.CodiceINPS == "" || r2.Residual != 63743 || !r2.Overdue ||
		r2.PeriodFrom.Month != time.April || r2.Maternity != 186 {
		t.Errorf("rata 2: %+v", r2)
	}
	if q.Rates[2].Overdue {
		t.Error("rata 3 is overdue before its due date")
	}
}

func TestStatementOfYearIsThatYearOfTheWholeStatement(t *testing.T) {
	rec := bigBook().rec
	rec.Dues = append(rec.Dues, ledger.Due{ID: 9999, PositionID: 1, PersonID: 102, SubjectCode: 12, Year: 2024,
		Kind: ledger.FixedRate(1), Causale: "CF", PeriodFrom: contrib.YearMonth{Year: 2024, Month: time.January},
		PeriodTo: contrib.YearMonth{Year: 2024, Month: time.March}, DueDate: civil.New(2024, 5, 16), Amount: 113743})
	whole := ledger.NewStatement(rec, contrib.Default())
	for _, year := range []int{2019, 2024, 2026, 2030} {
		one := ledger.NewStatementOfYear(rec, contrib.Default(), year)
		var want, got []ledger.StatementYear
		for _, p := range whole.Persons {
			for _, y := range p.Years {
				if y.Year == year {
					want = append(want, y)
				}
			}
		}
		for _, p := range one.Persons {
			if len(p.Years) != 1 || p.Years[0].Year != year {
				t.Fatalf("%d: person %d has years %+v", year, p.Person.ID, p.Years)
			}
			got = append(got, p.Years[0])
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%d: got %+v, want %+v", year, got, want)
		}
	}
	if n := len(ledger.NewStatementOfYear(rec, contrib.Default(), 2024).Persons); n != 3 {
		t.Errorf("2024 has %d persons, want 3 (the one with a rate only that year too)", n)
	}
}
