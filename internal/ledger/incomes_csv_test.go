package ledger_test

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// readIncomeLines reads an incomes file and returns its good lines and refusals.
func readIncomeLines(t *testing.T, text string) ([]ledger.IncomeLine, []*ledger.IncomeLineError) {
	t.Helper()
	r, err := ledger.NewIncomeReader(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	var good []ledger.IncomeLine
	var bad []*ledger.IncomeLineError
	for {
		l, err := r.Next()
		var le *ledger.IncomeLineError
		switch {
		case errors.Is(err, io.EOF):
			return good, bad
		case errors.As(err, &le):
			bad = append(bad, le)
		case err != nil:
			t.Fatal(err)
		default:
			good = append(good, l)
		}
	}
}

func TestIncomeReaderRefusesEachBadLineNamingFieldAndWant(t *testing.T) {
	good, bad := readIncomeLines(t, "codice_fiscale,anno,reddito,forfettario\n"+
		"bncmrc78d12f205x,2025,30000.50,false\n"+ // 2: good, lower case
		"BNCMRC78D12F205Y,2025,30000,false\n"+ // 3: check character
		"BNCMRC78D12F205,2025,30000,false\n"+ // 4: length
		"BNCMRC78D12F205X,1989,30000,false\n"+ // 5: year
		"BNCMRC78D12F205X,2025,-1,false\n"+ // 6: negative
		"BNCMRC78D12F205X,2025,\"30000,50\",false\n"+ // 7: decimal comma in a comma file
		"BNCMRC78D12F205X,2025,30000,forse\n"+ // 8: flag
		"BNCMRC78D12F205X,2025,30000\n"+ // 9: fields
		"\n"+ // blank line, skipped
		"BNCMRC78D12F205X,2026,0,si\n") // 11: good
	if len(good) != 2 || good[0].Line != 2 || good[0].CodiceFiscale != "BNCMRC78D12F205X" || good[0].Income.String() != "30000.50" ||
		good[1].Line != 11 || !good[1].Forfettario || good[1].Year != 2026 {
		t.Errorf("good lines %+v", good)
	}
	want := []struct {
		line        int
		field, want string
	}{
		{3, "codice_fiscale", "check character"},
		{4, "codice_fiscale", "16 characters"},
		{5, "anno", "a year from 1990 to 2100"},
		{6, "reddito", "0 or more with a decimal point"},
		{7, "reddito", "0 or more with a decimal point"},
		{8, "forfettario", "true or false (also 1/0, si/no)"},
		{9, "line", "has 3 fields, wants 4"},
	}
	if len(bad) != len(want) {
		t.Fatalf("refused %d lines, want %d: %v", len(bad), len(want), bad)
	}
	for i, w := range want {
		if e := bad[i]; e.Line != w.line || e.Field != w.field || !strings.Contains(e.Reason, w.want) {
			t.Errorf("refusal %d: %v; want line %d, field %s, reason with %q", i, e, w.line, w.field, w.want)
		}
	}
}

func TestIncomeReaderReadsSemicolonsWithDecimalCommasAndAnyColumnOrder(t *testing.T) {
	good, bad := readIncomeLines(t, "\ufeffAnno;Forfettario;Reddito;Codice_Fiscale\r\n2024;1;30.000,50;BNCMRC78D12F205X\r\n2025;NO;12000;BNCMRC78D12F205X\r\n2025;no;12000.50;BNCMRC78D12F205X\r\n")
	if len(good) != 2 || good[0].Income.String() != "30000.50" || !good[0].Forfettario || good[0].Year != 2024 ||
		good[1].Income.String() != "12000.00" || good[1].Forfettario {
		t.Errorf("good lines %+v", good)
	}
	if len(bad) != 1 || bad[0].Line != 4 || bad[0].Field != "reddito" || !strings.Contains(bad[0].Reason, "decimal comma") {
		t.Errorf("refused %v", bad)
	}
}

func TestIncomeReaderRefusesAWrongHeader(t *testing.T) {
	for _, h := range []string{"", "codice_fiscale,anno,reddito\n", "cf,anno,reddito,forfettario\n",
		"codice_fiscale,anno,reddito,forfettario,note\n"} {
		if _, err := ledger.NewIncomeReader(strings.NewReader(h)); err == nil || !strings.Contains(err.Error(), ledger.IncomeHeader) {
			t.Errorf("header %q: %v, want an error naming %s", h, err, ledger.IncomeHeader)
		}
	}
}
