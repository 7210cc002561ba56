package cli_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/batch/batchtest"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

func TestImposeBadFlagsExit2NamingTheFlag(t *testing.T) {
	url := storetest.URL(t)
	cases := []struct {
		args []string
		flag string
	}{
		{nil, "--year"},
		{[]string{"--year", "abc"}, "--year"},
		{[]string{"--year", "2018"}, "--year"},
		{[]string{"--year", "2025", "--as-of", "2025-13-01"}, "--as-of"},
		{[]string{"--year", "2026", "--as-of", "2024-06-01"}, "--year"},
		{[]string{"--year", "2025", "--chunk", "10"}, "--chunk"},
		{[]string{"--year", "2025", "--bogus"}, "bogus"},
		{[]string{"--year", "2025", "extra"}, "extra"},
	}
	for _, c := range cases {
		_, errOut, code := runWith(t, url, append([]string{"impose"}, c.args...)...)
		if code != 2 || !strings.Contains(errOut, c.flag) || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
			t.Errorf("impose %v: exit %d, %q; want 2 and one line naming %s", c.args, code, errOut, c.flag)
		}
	}
}

func TestImposePrintsTheSummaryAndAddsNothingTheSecondTime(t *testing.T) {
	url := storetest.URL(t)
	if _, code := runSeed(t, url, "--positions", "30"); code != 0 {
		t.Fatal("seed failed")
	}
	out, errOut, code := runWith(t, url, "impose", "--year", "2025", "--as-of", "2025-03-01")
	if code != 0 || !strings.HasPrefix(out, "impose 2025: ") || !strings.Contains(out, " 0 already present, 0 rejected") {
		t.Fatalf("first run: exit %d\n%s%s", code, out, errOut)
	}
	again, _, code := runWith(t, url, "impose", "--year", "2025")
	if code != 0 || !strings.Contains(again, " 0 created, ") || amountOf(again) != amountOf(out) {
		t.Fatalf("second run: exit %d\n%s\nfirst:\n%s", code, again, out)
	}
}

// amountOf returns the amount of a summary line.
func amountOf(summary string) string {
	_, rest, _ := strings.Cut(summary, "amount ")
	amount, _, _ := strings.Cut(rest, " ")
	return amount
}

// crashDB is a seeded database for the kill -9 tests.
type crashDB struct {
	url string
	env []string
	db  *store.DB
}

// seededDB returns a database seeded with positions random positions.
func seededDB(t *testing.T, positions int) crashDB {
	t.Helper()
	url := storetest.URL(t)
	if out, code := runSeed(t, url, "--positions", fmt.Sprint(positions)); code != 0 {
		t.Fatalf("seed: %s", out)
	}
	db, err := store.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return crashDB{url: url, env: []string{"CASSETTO_DATABASE_URL=" + url}, db: db}
}

// totals returns "rows, sum" of a table's amount column.
func (c crashDB) totals(t *testing.T, table, column string) string {
	t.Helper()
	var n, sum int64
	q := fmt.Sprintf(`SELECT COUNT(*), COALESCE(SUM(%s), 0) FROM %s`, column, table)
	if err := c.db.R().QueryRow(context.Background(), q).Scan(&n, &sum); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%d rows, sum %d", n, sum)
}

// count returns the rows of table.
func (c crashDB) count(table string) int64 {
	var n int64
	_ = c.db.R().QueryRow(context.Background(), `SELECT COUNT(*) FROM `+table).Scan(&n)
	return n
}

// incomesFile writes an incomes file for every person of c in 2024 and
// 2025 and returns its path.
func (c crashDB) incomesFile(t *testing.T) string {
	t.Helper()
	rows, err := c.db.R().Query(context.Background(), `SELECT codice_fiscale FROM persons ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	b.WriteString("codice_fiscale,anno,reddito,forfettario\n")
	for i := 0; rows.Next(); i++ {
		var cf string
		if err := rows.Scan(&cf); err != nil {
			t.Fatal(err)
		}
		for _, year := range []int{2024, 2025} {
			fmt.Fprintf(&b, "%s,%d,%d.%02d,%t\n", cf, year, 5_000+(i*7_919+year)%95_000, i%100, i%7 == 0)
		}
	}
	path := filepath.Join(t.TempDir(), "incomes.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImposeSurvivesKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and seeds two databases of 20,000 positions")
	}
	bin := batchtest.Binary(t)
	crashed, clean := seededDB(t, 20_000), seededDB(t, 20_000)
	for _, c := range []crashDB{crashed, clean} { // incomes of 2024 and 2025 known: saldo and acconti too
		batchtest.Run(t, bin, c.env, "import", "incomes", c.incomesFile(t))
	}
	args := []string{"impose", "--year", "2025", "--as-of", "2025-02-01"}
	batchtest.KillWhen(t, bin, crashed.env, func() bool { return crashed.count("dues") > 0 }, args...)
	halfway := crashed.count("dues")
	batchtest.Run(t, bin, crashed.env, args...)
	batchtest.Run(t, bin, clean.env, args...)
	got, want := crashed.totals(t, "dues", "amount"), clean.totals(t, "dues", "amount")
	if got != want {
		t.Errorf("after kill -9 and a new run: %s; a clean run: %s", got, want)
	}
	if full := clean.count("dues"); halfway == 0 || halfway >= full {
		t.Errorf("killed with %d of %d dues written: not halfway", halfway, full)
	}
	if again := batchtest.Run(t, bin, crashed.env, args...); !strings.Contains(again, " 0 created, ") {
		t.Errorf("third run: %s", again)
	}
}
