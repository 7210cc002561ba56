package cli_test

import (
	"context"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/store"
)

func TestNoticesCommandIssuesOnceAndSummarises(t *testing.T) {
	url := noticesDB(t, 30)
	out, errOut, code := runWith(t, url, "notices", "--as-of", "2026-03-16")
	if code != 0 || !strings.Contains(out, "notices 2026-03-16: 32 read, 32 created, 0 already present, 0 rejected; amount ") ||
		!strings.Contains(out, "avvisi bonari 32, avvisi di addebito 0, items 96, sanction dues 96") {
		t.Fatalf("first run: exit %d\n%s%s", code, out, errOut)
	}
	if last := strings.TrimSpace(out); strings.Count(last, "\n") != 1 {
		t.Errorf("want a detail line and the summary line:\n%s", out)
	}
	out, _, code = runWith(t, url, "notices", "--as-of", "2026-03-16")
	if code != 0 || !strings.Contains(out, "notices 2026-03-16: 0 read, 0 created") {
		t.Fatalf("second run: exit %d\n%s", code, out)
	}
	out, _, code = runWith(t, url, "notices", "--as-of", "2026-05-15")
	if code != 0 || !strings.Contains(out, "avvisi bonari 0, avvisi di addebito 32") {
		t.Fatalf("avvisi di addebito 30 days after the deadline: exit %d\n%s", code, out)
	}
}

func TestNoticesCommandFlags(t *testing.T) {
	url := noticesDB(t, 30)
	out, _, code := runWith(t, url, "notices", "--as-of", "2026-03-16", "--grace-days", "200", "--settlement-until", "2025-06-30")
	if code != 0 || !strings.Contains(out, "items 64,") {
		t.Fatalf("200 days of grace: rates 1 and 2 only: exit %d\n%s", code, out)
	}
	ctx := context.Background()
	db, err := store.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var eligible, deadlines int
	if err := db.R().QueryRow(ctx, `SELECT COUNT(*) FROM notice_items WHERE settlement_eligible`).Scan(&eligible); err != nil || eligible != 32 {
		t.Errorf("rate 1 (16/05/2025) eligible until 30/06/2025: %d items, %v", eligible, err)
	}
	if err := db.R().QueryRow(ctx, `SELECT COUNT(*) FROM notices WHERE deadline = ?`, "2026-04-15").Scan(&deadlines); err != nil || deadlines != 32 {
		t.Errorf("deadline 30 days after the notice: %d, %v", deadlines, err)
	}
}

func TestNoticesCommandRejectsBadFlags(t *testing.T) {
	url := noticesDB(t, 1)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--as-of", "16/03/2026"}, "--as-of wants the run date as YYYY-MM-DD"},
		{[]string{"--grace-days", "-1"}, "--grace-days wants a whole number of days"},
		{[]string{"--grace-days", "x"}, "grace-days"},
		{[]string{"--pay-days", "0"}, "--pay-days wants"},
		{[]string{"--addebito-after", "-5"}, "--addebito-after wants"},
		{[]string{"--addebito-pay-days", "0"}, "--addebito-pay-days wants"},
		{[]string{"--settlement-until", "2025"}, "--settlement-until wants a due date"},
		{[]string{"--chunk", "0"}, "--chunk wants"},
		{[]string{"--as-of", "2026-03-16", "extra"}, `unexpected argument "extra"`},
		{[]string{"--tur", "/nonexistent/tur.csv"}, "--tur wants a file of ECB rates"},
	}
	for _, tc := range cases {
		_, errOut, code := runWith(t, url, append([]string{"notices"}, tc.args...)...)
		if code != 2 || !strings.Contains(errOut, tc.want) || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%v: exit %d, %q; want exit 2 and one line with %q", tc.args, code, errOut, tc.want)
		}
	}
}
