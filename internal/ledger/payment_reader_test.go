package ledger_test

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// readAll returns the records of a file, fields joined by "|".
func readAll(t *testing.T, file string) (lines []int, recs []string, errs []string) {
	t.Helper()
	r, err := ledger.NewF24Reader(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, rec.Line)
		if rec.Err != nil {
			errs = append(errs, rec.Err.Error())
			recs = append(recs, "")
			continue
		}
		recs = append(recs, strings.Join(rec.Fields, "|"))
	}
}

func TestF24ReaderFindsColumnsInAnyOrderAndNumbersLines(t *testing.T) {
	file := "\ufeffIMPORTO_DEBITO,data_versamento,codice_fiscale,codice_sede,causale,codice_inps,periodo_da,periodo_a,importo_credito\r\n" +
		"1.00,2025-05-16,CF,1300,AF,C,01/2025,03/2025,0\r\n" +
		"\r\n" +
		"2.00,2025-05-17,CF,1300,AF,C,01/2025,03/2025\r\n" +
		"3.00,2025-05-18,CF,1300,AF,C,01/2025,03/2025,0\r\n"
	lines, recs, errs := readAll(t, file)
	if len(lines) != 3 || lines[0] != 2 || lines[1] != 4 || lines[2] != 5 {
		t.Fatalf("lines %v", lines)
	}
	if recs[0] != "2025-05-16|CF|1300|AF|C|01/2025|03/2025|1.00|0" || recs[2] == "" {
		t.Fatalf("records %q", recs)
	}
	if len(errs) != 1 || !strings.Contains(errs[0], "line 4") || !strings.Contains(errs[0], "8 fields, want 9") {
		t.Fatalf("errors %q", errs)
	}
}

func TestF24ReaderDetectsSemicolons(t *testing.T) {
	file := strings.ReplaceAll(ledger.F24Header, ",", ";") + "\n2025-05-16;CF;1300;AF;C;01/2025;03/2025;1.137,43;0\n"
	r, err := ledger.NewF24Reader(strings.NewReader(file))
	if err != nil || !r.DecimalComma() {
		t.Fatalf("reader %v, decimal comma %v", err, r != nil && r.DecimalComma())
	}
	if rec, err := r.Next(); err != nil || rec.Fields[7] != "1.137,43" {
		t.Fatalf("record %+v, %v", rec, err)
	}
}

func TestF24ReaderRefusesAWrongHeaderNamingTheExpectedOne(t *testing.T) {
	for _, file := range []string{
		"",
		"data,cf\n",
		strings.Replace(ledger.F24Header, "causale", "causa", 1) + "\n",
		ledger.F24Header + ",extra\n",
	} {
		_, err := ledger.NewF24Reader(strings.NewReader(file))
		if !errors.Is(err, ledger.ErrHeader) || !strings.Contains(err.Error(), ledger.F24Header) {
			t.Errorf("header %q: %v", file, err)
		}
	}
}
