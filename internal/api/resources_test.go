package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/store"
)

type page struct {
	Items []map[string]any `json:"items"`
	Next  *string          `json:"next"`
}

func (w *world) page(path, token string) page {
	w.t.Helper()
	res := w.get(path, token)
	if res.status != http.StatusOK {
		w.t.Fatalf("%s: %d %s", path, res.status, res.body)
	}
	var p page
	w.must(json.Unmarshal([]byte(res.body), &p))
	return p
}

// TestPositionsArePaginated: the intermediary's two clients one per page,
// following the next link; the expired and revoked delegations list none.
func TestPositionsArePaginated(t *testing.T) {
	w := newWorld(t, 1000)
	tok := w.reader(w.interActive)
	first := w.page("/api/v1/positions?limit=1", tok)
	if len(first.Items) != 1 || first.Items[0]["number"] != "10000001" || first.Next == nil {
		t.Fatalf("first page %+v", first)
	}
	second := w.page(*first.Next, tok)
	if len(second.Items) != 1 || second.Items[0]["number"] != "10000002" || second.Items[0]["role"] != "intermediary" {
		t.Fatalf("second page %+v", second)
	}
	if second.Next != nil {
		t.Errorf("a next link after the last page: %s", *second.Next)
	}
	for _, p := range []func() string{func() string { return w.reader(w.interExpired) }, func() string { return w.reader(w.interRev) }} {
		if got := w.page("/api/v1/positions", p()); len(got.Items) != 0 {
			t.Errorf("positions through a dead delegation: %+v", got.Items)
		}
	}
	own := w.page("/api/v1/positions", w.reader(w.titolare))
	if len(own.Items) != 1 || own.Items[0]["role"] != "titolare" {
		t.Errorf("titolare's positions %+v", own.Items)
	}
}

// TestPaymentsCursorAndFilters: payments newest first, two per page with
// an opaque cursor, and the date filter.
func TestPaymentsCursorAndFilters(t *testing.T) {
	w := newWorld(t, 1000)
	for _, d := range []string{"2025-03-10", "2025-06-10", "2025-09-10"} {
		w.pay(civil.MustParse(d), 10000)
	}
	tok := w.reader(w.interConsult)
	first := w.page("/api/v1/positions/10000001/payments?limit=2", tok)
	if len(first.Items) != 2 || first.Items[0]["paid_on"] != "2025-09-10" || first.Next == nil {
		t.Fatalf("first page %+v", first)
	}
	second := w.page(*first.Next, tok)
	if len(second.Items) != 1 || second.Items[0]["paid_on"] != "2025-03-10" || second.Next != nil {
		t.Fatalf("second page %+v", second)
	}
	if second.Items[0]["debit"] != "100.00" {
		t.Errorf("amount %v, want the string 100.00", second.Items[0]["debit"])
	}
	filtered := w.page("/api/v1/positions/10000001/payments?dal=2025-05-01&al=2025-07-01", tok)
	if len(filtered.Items) != 1 || filtered.Items[0]["paid_on"] != "2025-06-10" {
		t.Errorf("filtered %+v", filtered.Items)
	}
}

// pay writes a payment of p1's titolare.
func (w *world) pay(on civil.Date, debit int64) {
	w.t.Helper()
	_, err := w.db.W().Exec(context.Background(), `INSERT INTO payments (line_key, paid_on, codice_fiscale, person_id, position_id,
		codice_sede, causale, codice_inps, period_from, period_to, debit, credit, source, source_line, reconciled_at, created_at)
		VALUES (?, ?, ?, ?, ?, '1300', 'AF', '', ?, ?, ?, 0, 'test.csv', 1, ?, ?)`,
		"test:"+on.String(), on, w.titolare.CodiceFiscale, w.titolare.ID, w.p1.ID,
		fmt.Sprintf("%04d-01", on.Year), fmt.Sprintf("%04d-12", on.Year), debit, w.now, w.now)
	w.must(err)
}

// TestBadParametersAre422: each bad parameter is named in the problem.
func TestBadParametersAre422(t *testing.T) {
	w := newWorld(t, 1000)
	tok := w.reader(w.titolare)
	w.badRequests = true
	cases := map[string]string{
		"/api/v1/positions?limit=500":                          "limit",
		"/api/v1/positions?cursor=%21%21":                      "cursor",
		"/api/v1/positions/10000001/balance?anno=1800":         "anno",
		"/api/v1/positions/10000001/payments?dal=16%2F05%2F25": "dal",
		"/api/v1/positions/10000001/payments?cursor=eHl6":      "cursor",
		"/api/v1/positions/10000001/f24":                       "due",
		"/api/v1/positions/10000001/f24?due=x":                 "due",
	}
	for path, field := range cases {
		res := w.do(http.MethodGet, path, tok)
		p := w.problemOf(res, http.StatusUnprocessableEntity, "invalid-parameters")
		if len(p.Errors) == 0 || p.Errors[0].Name != field {
			t.Errorf("%s: errors %+v, want %s", path, p.Errors, field)
		}
	}
}

// TestETagAnd304: a GET carries a strong ETag; sending it back answers 304
// without a body; a change in the data changes it.
func TestETagAnd304(t *testing.T) {
	w := newWorld(t, 1000)
	tok := w.reader(w.titolare)
	path := "/api/v1/positions/10000001/payments"
	res := w.get(path, tok)
	etag := res.header.Get("ETag")
	if !strings.HasPrefix(etag, `"`) || res.status != http.StatusOK {
		t.Fatalf("ETag %q status %d", etag, res.status)
	}
	again := w.do(http.MethodGet, path, tok, "If-None-Match", etag)
	if again.status != http.StatusNotModified || again.body != "" {
		t.Errorf("If-None-Match: %d %q", again.status, again.body)
	}
	w.pay(civil.MustParse("2025-04-01"), 5000)
	changed := w.do(http.MethodGet, path, tok, "If-None-Match", etag)
	if changed.status != http.StatusOK || changed.header.Get("ETag") == etag {
		t.Errorf("after a new payment: %d, same ETag %v", changed.status, changed.header.Get("ETag") == etag)
	}
}

// TestBalanceIsTheSituazione: the balance's totals are the situazione's
// (the page's figures), as decimal strings.
func TestBalanceIsTheSituazione(t *testing.T) {
	w := newWorld(t, 1000)
	sit, err := store.NewLedgerReader(w.db).Situation(context.Background(), w.p1.ID, ledger.SituationOptions{AsOf: civil.Of(w.now)})
	w.must(err)
	res := w.get("/api/v1/positions/10000001/balance", w.reader(w.interActive))
	var b struct {
		Debt, Overdue string
		Years         []struct {
			Year  int
			Items []struct {
				DueID    int64   `json:"due_id"`
				OpenDues []int64 `json:"open_dues"`
			}
		}
	}
	w.must(json.Unmarshal([]byte(res.body), &b))
	if sit.Debt == 0 || b.Debt != sit.Debt.String() || b.Overdue != sit.Overdue.String() || len(b.Years) != len(sit.Years) {
		t.Errorf("balance %+v, situazione debt %s overdue %s years %d", b, sit.Debt, sit.Overdue, len(sit.Years))
	}
	year := w.page("/api/v1/positions/10000001/dues?anno=2026", w.reader(w.titolare))
	if len(year.Items) < 4 {
		t.Errorf("dues of 2026: %+v", year.Items)
	}
	for _, it := range year.Items {
		if it["year"] != float64(2026) || it["codice_inps"] == "" {
			t.Errorf("a due of the 2026 list: %+v", it)
		}
	}
}

// TestF24IsAPDFWithTheCodeline: the F24 of a due is a PDF bearing its
// codice INPS.
func TestF24IsAPDFWithTheCodeline(t *testing.T) {
	w := newWorld(t, 1000)
	id := w.dueOf(2026, "rata4")
	var codeline string
	w.must(w.db.R().QueryRow(context.Background(), `SELECT codeline FROM dues WHERE id = ?`, id).Scan(&codeline))
	res := w.get(fmt.Sprintf("/api/v1/positions/10000001/f24?due=%d", id), w.reader(w.interActive))
	if res.status != http.StatusOK || res.header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(res.body, "%PDF") {
		t.Fatalf("got %d %s", res.status, res.header.Get("Content-Type"))
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext (poppler-utils) is needed")
		}
		t.Skip("pdftotext not installed")
	}
	file := filepath.Join(t.TempDir(), "f24.pdf")
	w.must(os.WriteFile(file, []byte(res.body), 0o600))
	out, err := exec.Command("pdftotext", "-layout", file, "-").Output()
	w.must(err)
	if codeline == "" || !strings.Contains(strings.Join(strings.Fields(string(out)), ""), codeline) {
		t.Errorf("codeline %q not in the F24:\n%s", codeline, out)
	}
	other := w.get(fmt.Sprintf("/api/v1/positions/10000002/f24?due=%d", id), w.reader(w.interActive))
	w.problemOf(other, http.StatusNotFound, "not-found") // a due of another position names nothing
}

// TestDelegationsOfTheCaller: the intermediary sees his delegations with
// whether each is active today; the titolare those on his position.
func TestDelegationsOfTheCaller(t *testing.T) {
	w := newWorld(t, 1000)
	var list struct {
		Items []struct {
			Role, Position, Status string
			Active                 bool
		}
	}
	res := w.get("/api/v1/delegations", w.reader(w.interActive))
	w.must(json.Unmarshal([]byte(res.body), &list))
	if len(list.Items) != 2 || !list.Items[0].Active || list.Items[0].Role != "intermediary" {
		t.Errorf("intermediary's delegations %+v", list.Items)
	}
	res = w.get("/api/v1/delegations", w.reader(w.interExpired))
	w.must(json.Unmarshal([]byte(res.body), &list))
	if len(list.Items) != 1 || list.Items[0].Active {
		t.Errorf("expired delegation %+v", list.Items)
	}
	res = w.get("/api/v1/delegations", w.reader(w.titolare))
	w.must(json.Unmarshal([]byte(res.body), &list))
	roles := []string{}
	for _, d := range list.Items {
		roles = append(roles, d.Role)
	}
	if len(list.Items) != 4 || slices.ContainsFunc(roles, func(r string) bool { return r != "titolare" }) {
		t.Errorf("titolare's delegations %+v", list.Items)
	}
}
