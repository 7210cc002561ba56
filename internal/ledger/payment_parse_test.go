package ledger_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/ledger"
)

var today = civil.MustParse("2026-01-15")

// fields splits a test line on its separator.
func fields(line, sep string) []string { return strings.Split(line, sep) }

func TestParseF24LineAcceptsBothFormats(t *testing.T) {
	c := code(t, 1, 113743)
	dot := "2025-05-16,bncmrc78d12f205x ,1300,af," + c + ",01/2025,03/2025,1137.43,"
	comma := "2025-05-16;BNCMRC78D12F205X;1300;AF;" + c + ";01/2025;03/2025;1.137,43;0"
	a, err := ledger.ParseF24Line(2, fields(dot, ","), false, today)
	if err != nil {
		t.Fatal(err)
	}
	b, err := ledger.ParseF24Line(2, fields(comma, ";"), true, today)
	if err != nil {
		t.Fatal(err)
	}
	if a != b {
		t.Fatalf("dot %+v\ncomma %+v", a, b)
	}
	if a.CodiceFiscale != testCF || a.Causale != "AF" || a.Debit != 113743 || a.Credit != 0 || a.PeriodTo != ym(2025, 3) ||
		!a.CodelineVerified() || a.CodelinePosition() != "10000001" {
		t.Fatalf("parsed %+v", a)
	}
}

func TestParseF24LineRefusesWithLineFieldAndReason(t *testing.T) {
	c := code(t, 1, 113743)
	good := []string{"2025-05-16", testCF, "1300", "AF", c, "01/2025", "03/2025", "1137.43", "0"}
	for _, tc := range []struct {
		col   int
		value string
		field string
	}{
		{0, "16/05/2025", "data_versamento"},
		{0, "2026-01-16", "data_versamento"}, // after today
		{1, "BNCMRC78D12F205Y", "codice_fiscale"},
		{2, "130", "codice_sede"},
		{2, "13A0", "codice_sede"},
		{3, "XX", "causale"},
		{4, "1234", "codice_inps"},
		{4, "0000000110125010", "codice_inps"},  // 16 digits
		{4, "00000001201250101", "codice_inps"}, // subject 20
		{5, "2025-01", "periodo_da"},
		{6, "13/2025", "periodo_a"},
		{6, "12/2024", "periodo_a"}, // before periodo_da
		{7, "-1.00", "importo_debito"},
		{7, "1,137.43", "importo_debito"},
		{7, "1000000.00", "importo_debito"},
		{7, "0", "importo_debito"}, // both zero
		{8, "abc", "importo_credito"},
	} {
		f := append([]string(nil), good...)
		f[tc.col] = tc.value
		_, err := ledger.ParseF24Line(7, f, false, today)
		var le *ledger.PaymentLineError
		if !errors.As(err, &le) || le.Line != 7 || le.Field != tc.field || le.Reason == "" {
			t.Errorf("%s = %q: got %v, want a refusal of %s on line 7", tc.field, tc.value, err, tc.field)
		}
	}
}

func TestParseF24LineKeepsACodeThatDoesNotVerify(t *testing.T) {
	f := []string{"2025-05-16", testCF, "1300", "AF", code(t, 1, 113743), "01/2025", "03/2025", "500.00", "0"}
	p, err := ledger.ParseF24Line(2, f, false, today)
	if err != nil {
		t.Fatal(err)
	}
	if p.CodelineVerified() {
		t.Fatal("a code made for 1137.43 verified for 500.00")
	}
	f[2] = "1301" // right amount, wrong sede
	f[7] = "1137.43"
	if p, _ = ledger.ParseF24Line(2, f, false, today); p.CodelineVerified() {
		t.Fatal("a code made for sede 1300 verified for 1301")
	}
}
