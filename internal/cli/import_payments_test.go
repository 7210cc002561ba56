package cli_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/cli"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/demo"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/ledger/paymentgen"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

// payDB returns the URL of a database with a seeded registry of positions
// random positions and the fixed rates of 2025 of everyone on it.
func payDB(t *testing.T, positions int) string {
	t.Helper()
	return storetest.Prepared(t, func(ctx context.Context, db *store.DB) error {
		if _, err := demo.Load(ctx, db, demo.Options{Seed: 1, Positions: positions}); err != nil {
			return err
		}
		_, err := paymentgen.SeedDues(ctx, db, contrib.Default(), 2025, time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC))
		return err
	})
}

// payFile writes a generated payments file of lines lines paying the dues
// of the database at url, and returns its path.
func payFile(t *testing.T, url string, lines int, semicolon bool) string {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var b bytes.Buffer
	if _, err := paymentgen.Write(ctx, db, &b, paymentgen.Options{Lines: lines, Seed: 7, Semicolon: semicolon}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "f24.csv")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// writeLines writes a file of the header and lines, and returns its path.
func writeLines(t *testing.T, header string, lines []string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "part.csv")
	if err := os.WriteFile(path, []byte(header+"\n"+strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// importPayments runs "cassetto import payments args…" on the database at url.
func importPayments(t *testing.T, url string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	getenv := func(k string) string {
		if k == "CASSETTO_DATABASE_URL" {
			return url
		}
		return ""
	}
	err := cli.Run(context.Background(), append([]string{"import", "payments"}, args...), getenv, &out, &errOut)
	if err != nil {
		errOut.WriteString(err.Error())
	}
	return out.String(), errOut.String(), cli.ExitCode(err)
}

// payTotals are the figures an import leaves in the database.
type payTotals struct {
	Payments, Debit, Allocations, Allocated, Sanctions, SanctionAmount, Unreconciled int64
}

func readPayTotals(t *testing.T, url string) payTotals {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var s payTotals
	q := db.R()
	err = q.QueryRow(ctx, `SELECT COUNT(*), COALESCE(SUM(debit), 0), COUNT(*) - COUNT(reconciled_at) FROM payments`).
		Scan(&s.Payments, &s.Debit, &s.Unreconciled)
	if err == nil {
		err = q.QueryRow(ctx, `SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM allocations`).Scan(&s.Allocations, &s.Allocated)
	}
	if err == nil {
		err = q.QueryRow(ctx, `SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM dues WHERE kind = 'sanction'`).Scan(&s.Sanctions, &s.SanctionAmount)
	}
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// fileLines returns the header and the data lines of a file.
func fileLines(t *testing.T, path string) (string, []string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	return lines[0], lines[1:]
}

func TestImportPaymentsTwiceAddsNothing(t *testing.T) {
	url := payDB(t, 200)
	file := payFile(t, url, 600, false)
	out, errOut, code := importPayments(t, url, file, "--chunk", "100")
	if code != 0 {
		t.Fatalf("exit %d: %s%s", code, out, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "import payments f24.csv: 600 read") ||
		!strings.Contains(lines[1], "by codeline") || !strings.Contains(lines[1], "sanctions created") {
		t.Fatalf("summary %q", out)
	}
	first := readPayTotals(t, url)
	if first.Payments == 0 || first.Allocations == 0 || first.Sanctions == 0 || first.Unreconciled != 0 {
		t.Fatalf("first import left %+v", first)
	}
	out, _, code = importPayments(t, url, file)
	if code != 0 || !strings.Contains(out, " 0 created, "+thousandsOf(first.Payments)+" already present") ||
		!strings.Contains(out, "reconciled 0 payments") {
		t.Fatalf("second import: exit %d, %q", code, out)
	}
	if again := readPayTotals(t, url); again != first {
		t.Fatalf("second import changed %+v into %+v", first, again)
	}
}

func TestImportPaymentsOfAnOverlappingFileAddsOnlyTheNewLines(t *testing.T) {
	url, clean := payDB(t, 200), payDB(t, 200)
	file := payFile(t, url, 900, false)
	header, lines := fileLines(t, file)
	first := writeLines(t, header, lines[:500])
	second := writeLines(t, header, lines[300:])
	for _, f := range []string{first, second} {
		if out, errOut, code := importPayments(t, url, f); code != 0 {
			t.Fatalf("exit %d: %s%s", code, out, errOut)
		}
	}
	if out, errOut, code := importPayments(t, clean, file); code != 0 {
		t.Fatalf("exit %d: %s%s", code, out, errOut)
	}
	got, want := readPayTotals(t, url), readPayTotals(t, clean)
	if got != want {
		t.Fatalf("two overlapping files left %+v, the whole file %+v", got, want)
	}
}

func TestImportPaymentsKeysIgnoreTheSeparator(t *testing.T) {
	url := payDB(t, 100)
	comma, semicolon := payFile(t, url, 300, false), payFile(t, url, 300, true)
	if _, errOut, code := importPayments(t, url, semicolon); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	out, _, code := importPayments(t, url, comma)
	if code != 0 || !strings.Contains(out, " 0 created, ") {
		t.Fatalf("the dot-decimal twin of a ';' file imported again: %q", out)
	}
}

func TestImportPaymentsReportsRefusedLines(t *testing.T) {
	url := payDB(t, 50)
	header, lines := fileLines(t, payFile(t, url, 5, false))
	f := strings.Split(lines[1], ",")
	f[3] = "ZZ"
	bad := strings.Join(f, ",")
	file := writeLines(t, header, []string{lines[0], bad, "2025-05-16,SHORT", lines[2]})
	stale := file + ".errors.csv"
	out, errOut, code := importPayments(t, url, file)
	if code != 0 || !strings.Contains(out, "4 read, 2 created, 0 already present, 2 rejected") {
		t.Fatalf("exit %d, %q", code, out)
	}
	if !strings.Contains(errOut, "line 3: causale") || !strings.Contains(errOut, "line 4: has 2 fields") {
		t.Fatalf("stderr %q", errOut)
	}
	b, err := os.ReadFile(stale)
	if err != nil || !strings.HasPrefix(string(b), "line,field,reason\n3,causale,") || !strings.Contains(string(b), "\n4,,\"has 2 fields") {
		t.Fatalf("error file %q, %v", b, err)
	}
	if err := os.WriteFile(file, []byte(header+"\n"+lines[0]+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, code := importPayments(t, url, file); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Fatalf("a run without refusals kept the old error file: %v", err)
	}
}

func TestImportPaymentsRefusesBadFlagsAndFiles(t *testing.T) {
	url := storetest.URL(t)
	good := writeLines(t, ledger.F24Header, nil)
	for _, tc := range []struct {
		args []string
		code int
		says string
	}{
		{nil, 2, "say which file"},
		{[]string{good, "--chunk", "0"}, 2, "--chunk"},
		{[]string{"--chunk", "many", good}, 2, "chunk"},
		{[]string{"--nope", good}, 2, "nope"},
		{[]string{good, "other.csv"}, 2, "other.csv"},
		{[]string{filepath.Join(t.TempDir(), "missing.csv")}, 1, "cannot read"},
		{[]string{writeLines(t, "data,cf,importo", nil)}, 1, ledger.F24Header},
	} {
		_, errOut, code := importPayments(t, url, tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.says) {
			t.Errorf("import payments %v: exit %d, %q; want %d naming %q", tc.args, code, errOut, tc.code, tc.says)
		}
	}
}

// thousandsOf formats n as batch.Summary does: "1,234".
func thousandsOf(n int64) string {
	digits := strconv.FormatInt(n, 10)
	var out []byte
	for i := range len(digits) {
		if i > 0 && (len(digits)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, digits[i])
	}
	return string(out)
}
