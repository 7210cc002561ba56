package documents_test

import (
	"context"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/contrib/codeline"
	"github.com/cassetto-dev/cassetto/internal/documents"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/ledger"
)

func TestF24OfResidualsRegeneratesTheCodeOfAPartlyPaidRate(t *testing.T) {
	b := newBook(t)
	r2, r3 := b.rates["10:2"], b.rates["10:3"]
	f, err := b.asm.F24(context.Background(), b.pos, asOf, []documents.Payment{{DueID: r2.ID}, {DueID: r3.ID}, {DueID: r2.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Lines) != 2 || f.Contribuente.CodiceFiscale != "CLMLRA75M41F205X" || f.Contribuente.BirthPlace != "Milano" || f.Contribuente.BirthProvince != "MI" ||
		f.Contribuente.Domicilio.Street != "Via Dante 12" {
		t.Fatalf("form: %+v", f)
	}
	// rate 2: 1137.43 − 500.00 paid + 12.34 sanction still owed.
	want2 := cents("1137.43") - cents("500.00") + cents("12.34")
	l := f.Lines[0]
	if l.Debit != want2 || l.Sede != "1300" || l.Causale != "CF" || l.From.F24() != "04/2025" || l.To.F24() != "06/2025" {
		t.Errorf("line of rate 2: %+v", l)
	}
	if l.CodiceINPS == r2.Codeline {
		t.Errorf("a partial amount kept the rate's own code")
	}
	fields, err := codeline.Verify(l.CodiceINPS, "1300", want2)
	if err != nil || fields.Seq != 2 || fields.Rata != 2 {
		t.Errorf("regenerated code %s: %+v %v", l.CodiceINPS, fields, err)
	}
	if f.Lines[1].CodiceINPS != r3.Codeline || f.Lines[1].Debit != r3.Amount || f.Total != want2+r3.Amount {
		t.Errorf("rate 3 (unpaid, its own code): %+v, total %s", f.Lines[1], f.Total)
	}
}

func TestF24WithAChosenAmount(t *testing.T) {
	b := newBook(t)
	r3 := b.rates["10:3"]
	f, err := b.asm.F24(context.Background(), b.pos, asOf, []documents.Payment{{DueID: r3.ID, Amount: cents("300.00")}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := codeline.Verify(f.Lines[0].CodiceINPS, "1300", cents("300.00")); err != nil || f.Lines[0].Debit != cents("300.00") {
		t.Errorf("line: %+v (%v)", f.Lines[0], err)
	}
}

func TestF24RefusesWhatCannotBePaid(t *testing.T) {
	b := newBook(t)
	cases := []struct {
		name string
		pay  documents.Payment
		code errs.Code
		msg  string
	}{
		{"another position's due", documents.Payment{DueID: 999}, errs.NotFound, "documents.error.due_not_found"},
		{"a sanction is not a rate", documents.Payment{DueID: 200}, errs.NotFound, "documents.error.due_not_found"},
		{"a paid rate", documents.Payment{DueID: b.rates["10:1"].ID}, errs.Invalid, "documents.error.nothing_owed"},
		{"above the residual", documents.Payment{DueID: b.rates["10:3"].ID, Amount: cents("1137.44")}, errs.Invalid, "documents.error.amount_range"},
		{"a negative amount", documents.Payment{DueID: b.rates["10:3"].ID, Amount: -1}, errs.Invalid, "documents.error.amount_range"},
	}
	for _, c := range cases {
		_, err := b.asm.F24(context.Background(), b.pos, asOf, []documents.Payment{c.pay})
		if !errs.Is(err, c.code) || errs.MessageOf(err) != c.msg {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}

func TestF24ForRateTakesEveryPersonsRate(t *testing.T) {
	b := newBook(t)
	f, err := b.asm.F24ForRate(context.Background(), b.pos, asOf, 2025, ledger.Rata4)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Lines) != 2 || f.Lines[0].CodiceINPS != b.rates["10:4"].Codeline || f.Lines[1].CodiceINPS != b.rates["11:4"].Codeline {
		t.Fatalf("lines: %+v", f.Lines)
	}
	if _, err := b.asm.F24ForRate(context.Background(), b.pos, asOf, 2025, ledger.Rata1); !errs.Is(err, errs.Invalid) {
		t.Errorf("a paid rate: %v", err)
	}
	if _, err := b.asm.F24ForRate(context.Background(), b.pos, asOf, 2025, ledger.Saldo); !errs.Is(err, errs.NotFound) {
		t.Errorf("no saldo: %v", err)
	}
}

func TestFormsHoldFourLinesEach(t *testing.T) {
	forms := sampleF24(9).Forms()
	if len(forms) != 3 || len(forms[0]) != 4 || len(forms[1]) != 4 || len(forms[2]) != 1 {
		t.Fatalf("forms: %d", len(forms))
	}
}

func TestLetterListsTheYearsRatesOfEveryPerson(t *testing.T) {
	b := newBook(t)
	l, err := b.asm.Letter(context.Background(), b.pos, 2025, asOf)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Rates) != 8 || l.Rates[0].Label != "Rata 1" || l.Rates[0].Person.Name != "Laura Colombo" ||
		l.Quote.Amount != 8*cents("1137.43") || l.Head.Address.Line() != "Via Dante 12, 20121 Milano (MI)" {
		t.Fatalf("letter: %+v", l)
	}
}

func TestNoticeHoldsItsDuesAndRefusesAnotherNotice(t *testing.T) {
	b := newBook(t)
	n, err := b.asm.Notice(context.Background(), b.pos, 9, asOf)
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Items) != 1 || n.Items[0].Capital != cents("1137.43") || n.Items[0].Sanction != cents("21.00") ||
		n.Total != cents("1158.43") || n.Title() != "Avviso bonario n. AB-2026-0000001 del 16/01/2026" {
		t.Fatalf("notice: %+v", n)
	}
	if _, err := b.asm.Notice(context.Background(), b.pos, 10, asOf); !errs.Is(err, errs.NotFound) {
		t.Errorf("unknown notice: %v", err)
	}
}

func TestStatementOfACollaboratoreHoldsOnlyHim(t *testing.T) {
	b := newBook(t)
	all, err := b.asm.Statement(context.Background(), b.pos, asOf, 0)
	if err != nil {
		t.Fatal(err)
	}
	own, err := b.asm.Statement(context.Background(), b.pos, asOf, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Statement.Persons) != 2 || len(own.Statement.Persons) != 1 || own.Statement.Persons[0].Person.ID != 2 ||
		own.Statement.Insured != own.Statement.Persons[0].Insured || own.Statement.Insured != 12 || !own.Own {
		t.Fatalf("statements: all %+v own %+v", all.Statement, own.Statement)
	}
}

func TestDossierReadsTheRecordsOnce(t *testing.T) {
	b := newBook(t)
	d, err := b.asm.Dossier(context.Background(), b.pos, asOf)
	if err != nil {
		t.Fatal(err)
	}
	if b.led.reads != 1 || len(d.Members) != 1 || len(d.Payments) != 2 || len(d.Notices) != 1 || len(d.Situation.Years) != 1 {
		t.Fatalf("reads %d, dossier %+v", b.led.reads, d)
	}
}
