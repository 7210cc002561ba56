package cli_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/batch/batchtest"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

func TestImportIncomesBadArgumentsExit2NamingThem(t *testing.T) {
	url := storetest.URL(t)
	good := filepath.Join(t.TempDir(), "in.csv")
	if err := os.WriteFile(good, []byte("codice_fiscale,anno,reddito,forfettario\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		want string
	}{
		{nil, "FILE"},
		{[]string{filepath.Join(t.TempDir(), "missing.csv")}, "FILE"},
		{[]string{good, "--chunk", "0"}, "--chunk"},
		{[]string{good, "--bogus"}, "bogus"},
		{[]string{good, "other.csv"}, "other.csv"},
	}
	for _, c := range cases {
		_, errOut, code := runWith(t, url, append([]string{"import", "incomes"}, c.args...)...)
		if code != 2 || !strings.Contains(errOut, c.want) {
			t.Errorf("import incomes %v: exit %d, %q; want 2 naming %s", c.args, code, errOut, c.want)
		}
	}
}

func TestImportIncomesReportsRefusedLinesInAFileBesideIt(t *testing.T) {
	url := storetest.URL(t)
	if _, code := runSeed(t, url, "--positions", "20"); code != 0 {
		t.Fatal("seed failed")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "redditi.csv")
	// BNCMRC78D12F205X is Marco Bianchi of the demo identities; the second line is mistyped.
	text := "codice_fiscale;anno;reddito;forfettario\nBNCMRC78D12F205X;2025;30.000,00;no\nBNCMRC78D12F205Y;2025;1000;no\n"
	if err := os.WriteFile(file, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runWith(t, url, "import", "incomes", file)
	if code != 0 || !strings.Contains(out, "import incomes "+file+": 2 read, 1 created, 0 already present, 1 rejected; amount 30000.00 €") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(errOut, `line 3: codice_fiscale "BNCMRC78D12F205Y": wants a codice fiscale whose check character`) {
		t.Errorf("stderr lacks the refusal:\n%s", errOut)
	}
	report, err := os.ReadFile(file + ".errors.csv")
	if err != nil || !strings.HasPrefix(string(report), "line,field,value,reason\n3,codice_fiscale,BNCMRC78D12F205Y,") {
		t.Errorf("error report %q, %v", report, err)
	}
	out, _, _ = runWith(t, url, "import", "incomes", file)
	if !strings.Contains(out, "0 created, 1 already present, 1 rejected") {
		t.Errorf("second import:\n%s", out)
	}
}

func TestImportIncomesSurvivesKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and seeds two databases of 20,000 positions")
	}
	bin := batchtest.Binary(t)
	crashed, clean := seededDB(t, 20_000), seededDB(t, 20_000)
	for _, c := range []crashDB{crashed, clean} { // imposed first: the import writes saldo and acconti
		batchtest.Run(t, bin, c.env, "impose", "--year", "2024", "--as-of", "2025-01-15")
		batchtest.Run(t, bin, c.env, "impose", "--year", "2025", "--as-of", "2025-01-15")
	}
	file := crashed.incomesFile(t)
	imported := func(c crashDB) bool {
		var n int64
		_ = c.db.R().QueryRow(context.Background(), `SELECT COUNT(*) FROM incomes`).Scan(&n)
		return n > 0
	}
	batchtest.KillWhen(t, bin, crashed.env, func() bool { return imported(crashed) }, "import", "incomes", file)
	halfway := crashed.count("incomes")
	batchtest.Run(t, bin, crashed.env, "import", "incomes", file)
	batchtest.Run(t, bin, clean.env, "import", "incomes", file)
	for _, table := range []struct{ name, column string }{{"incomes", "income"}, {"dues", "amount"}} {
		if got, want := crashed.totals(t, table.name, table.column), clean.totals(t, table.name, table.column); got != want {
			t.Errorf("%s after kill -9 and a new run: %s; a clean run: %s", table.name, got, want)
		}
	}
	if full := clean.count("incomes"); halfway == 0 || halfway >= full {
		t.Errorf("killed with %d of %d incomes stored: not halfway", halfway, full)
	}
}
