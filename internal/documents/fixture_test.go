package documents_test

import (
	"context"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/contrib/codeline"
	"github.com/cassetto-dev/cassetto/internal/documents"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
	"github.com/cassetto-dev/cassetto/internal/registry"
)

// fakeLedger serves fixed records, and counts the reads.
type fakeLedger struct {
	rec   ledger.Records
	reads int
}

func (f *fakeLedger) Records(_ context.Context, _ int64, year int) (ledger.Records, error) {
	f.reads++
	if year == 0 {
		return f.rec, nil
	}
	out := f.rec
	out.Dues = nil
	for _, d := range f.rec.Dues {
		if d.Year == year {
			out.Dues = append(out.Dues, d)
		}
	}
	return out, nil
}

// fakeRegistry has one collaboratore and the titolare's address.
type fakeRegistry struct{ members []registry.MemberView }

func (f fakeRegistry) Members(context.Context, int64) ([]registry.MemberView, error) {
	return f.members, nil
}

func (f fakeRegistry) CurrentContact(_ context.Context, personID int64) (registry.Contact, error) {
	if personID != 1 {
		return registry.Contact{}, errs.E(errs.NotFound, "not found")
	}
	return registry.Contact{PersonID: 1, Street: "Via Dante 12", PostalCode: "20121", City: "Milano", Province: "MI"}, nil
}

// book is a commerciante's position 10000002 at sede 1300 with a
// collaboratore: the four 2025 fixed rates of each, rate 1 paid, rate 2
// of the titolare paid in part with a sanction, an avviso bonario on
// rate 3 of the titolare.
type book struct {
	pos   registry.PositionView
	led   *fakeLedger
	asm   *documents.Assembler
	rates map[string]ledger.Due // "10:1" → titolare's rate 1
}

var asOf = civil.MustParse("2026-03-16")

func newBook(t *testing.T) *book {
	t.Helper()
	tit := registry.Person{ID: 1, CodiceFiscale: "CLMLRA75M41F205X", GivenName: "Laura", FamilyName: "Colombo", Sex: "F",
		BirthDate: civil.MustParse("1975-08-01"), BirthplaceCode: "F205"}
	col := registry.Person{ID: 2, CodiceFiscale: "CLMPLA01A01F205Y", GivenName: "Paolo", FamilyName: "Colombo", Sex: "M",
		BirthDate: civil.MustParse("2001-01-01"), BirthplaceCode: "F205"}
	b := &book{rates: map[string]ledger.Due{}}
	b.pos = registry.PositionView{Position: registry.Position{ID: 5, Number: "10000002", Gestione: registry.Commercianti,
		TitolareID: 1, OfficeCode: "1300", Status: registry.StatusActive, ActivityStart: civil.MustParse("2012-01-01")},
		Titolare: tit, Office: registry.Office{Code: "1300", Name: "Sede di Milano", Address: "Via Roma 1", City: "Milano"}}
	rec := ledger.Records{Position: ledger.PositionInfo{ID: 5, Number: "10000002", Gestione: contrib.CO, Sede: "1300"},
		Persons: []ledger.PersonInfo{{ID: 1, SubjectCode: 10, CodiceFiscale: tit.CodiceFiscale, Name: "Laura Colombo"},
			{ID: 2, SubjectCode: 11, CodiceFiscale: col.CodiceFiscale, Name: "Paolo Colombo"}}}
	dueDates := []string{"2025-05-16", "2025-08-20", "2025-11-17", "2026-02-16"}
	id := int64(100)
	for _, subj := range []int{10, 11} {
		for q := 1; q <= 4; q++ {
			id++
			code, err := codeline.Make(codeline.Fields{Position: 10000002, Subject: subj, Rata: q, Year: 2025, Seq: 1}, "1300", 113743)
			if err != nil {
				t.Fatal(err)
			}
			d := ledger.Due{ID: id, PositionID: 5, PersonID: int64(subj - 9), SubjectCode: subj, Year: 2025, Kind: ledger.FixedRate(q),
				Causale: "CF", PeriodFrom: contrib.YearMonth{Year: 2025, Month: time.Month(3*q - 2)},
				PeriodTo: contrib.YearMonth{Year: 2025, Month: time.Month(3 * q)}, DueDate: civil.MustParse(dueDates[q-1]),
				Amount: 113743, Maternity: 186, Codeline: code}
			rec.Dues = append(rec.Dues, d)
			b.rates[key(subj, q)] = d
		}
	}
	sanction := ledger.Due{ID: 200, PositionID: 5, PersonID: 1, SubjectCode: 10, Year: 2025, Kind: ledger.Sanction, Causale: "CF",
		DueDate: civil.MustParse("2025-10-01"), Amount: 1234, ParentID: b.rates["10:2"].ID, Reason: "sanzioni civili"}
	rec.Dues = append(rec.Dues, sanction)
	rec.Payments = []ledger.Payment{{ID: 1, PaidOn: civil.MustParse("2025-05-16"), PositionID: 5, CodiceSede: "1300", Causale: "CF",
		CodiceINPS: b.rates["10:1"].Codeline, Debit: 227486, PeriodFrom: b.rates["10:1"].PeriodFrom, PeriodTo: b.rates["10:1"].PeriodTo},
		{ID: 2, PaidOn: civil.MustParse("2025-10-01"), PositionID: 5, CodiceSede: "1300", Causale: "CF", Debit: 50000}}
	rec.Allocations = []ledger.Allocation{{ID: 1, PaymentID: 1, DueID: b.rates["10:1"].ID, Amount: 113743},
		{ID: 2, PaymentID: 1, DueID: b.rates["11:1"].ID, Amount: 113743}, {ID: 3, PaymentID: 2, DueID: b.rates["10:2"].ID, Amount: 50000}}
	rec.Notices = []ledger.NoticeLink{{NoticeID: 9, Kind: ledger.AvvisoBonario, Number: "AB-2026-0000001",
		IssuedOn: civil.MustParse("2026-01-16"), Deadline: civil.MustParse("2026-02-15"), DueID: b.rates["10:3"].ID,
		Capital: 113743, Sanction: 2100}}
	b.led = &fakeLedger{rec: rec}
	b.asm = &documents.Assembler{Ledger: b.led, Params: contrib.Default(), Institution: "Istituto di prova",
		Registry: fakeRegistry{members: []registry.MemberView{{Member: registry.Member{PositionID: 5, PersonID: 2, SubjectCode: 11,
			Kind: registry.Coadiutore, Relation: "figlio", ValidFrom: civil.MustParse("2019-01-01")}, Person: col}}}}
	return b
}

func key(subject, rata int) string {
	return string(rune('0'+subject/10)) + string(rune('0'+subject%10)) + ":" + string(rune('0'+rata))
}

func cents(s string) money.Cents {
	c, err := money.Parse(s)
	if err != nil {
		panic(err)
	}
	return c
}
