package web_test

import (
	"net/http"
	"net/http/httptest"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// maxQueriesPerPage bounds the statements one position page may run, the
// gate's (session, position, facts, audit) included.
const maxQueriesPerPage = 16

// TestPositionPagesRunABoundedNumberOfQueries opens every GET page of a
// position as its titolare: on an empty ledger, after two years of dues,
// payments, sanctions and a notice, and again after a third year and more
// payments. No page runs more than maxQueriesPerPage statements, and the
// second and third counts are equal: nothing is read row by row.
func TestPositionPagesRunABoundedNumberOfQueries(t *testing.T) {
	w := newWorld(t)
	titolare := w.as(w.titolare.ID, 0, "self")
	counts := []map[string]int64{w.countPageQueries(titolare)}
	w.withLedger()
	counts = append(counts, w.countPageQueries(titolare))
	w.moreLedger()
	counts = append(counts, w.countPageQueries(titolare))
	for _, c := range counts {
		for path, n := range c {
			if n > maxQueriesPerPage {
				t.Errorf("%s runs %d statements, more than %d", path, n, maxQueriesPerPage)
			}
		}
	}
	for _, path := range sortedKeys(counts[2]) {
		if a, b := counts[1][path], counts[2][path]; a != b {
			t.Errorf("%s runs %d statements, then %d with more records", path, a, b)
		}
	}
	if len(counts[2]) < 15 {
		t.Fatalf("only %d position pages measured: %v", len(counts[2]), counts[2])
	}
}

// moreLedger adds to p1's ledger the imposition of 2024 and a payment of
// each of its first three rates.
func (w *world) moreLedger() {
	w.t.Helper()
	clock := func() time.Time { return w.now }
	if _, err := ledger.Impose(w.t.Context(), store.NewImposition(w.db, clock), contrib.Default(), ledger.ImposeOptions{Year: 2024}); err != nil {
		w.t.Fatal(err)
	}
	for key, d := range w.allFixedRates() {
		if strings.HasPrefix(key, "2024:10:") && d.Kind != ledger.FixedRate(4) {
			w.pay(d.DueDate, d.Amount, d.ID, d.Amount)
		}
	}
}

// countPageQueries calls every GET route of a position with c's session
// cookie and returns the statements each ran. Routes whose path needs a
// record that does not exist yet (a notice, an atto, a due) are measured
// once the ledger is there.
func (w *world) countPageQueries(c *client) map[string]int64 {
	w.t.Helper()
	out := map[string]int64{}
	for pattern := range w.srv.Routes() {
		method, path := concrete(pattern, w.p1.Number)
		if method != http.MethodGet || !strings.HasPrefix(path, "/posizioni/") {
			continue
		}
		if strings.Contains(path, "{id}") || strings.HasSuffix(path, "/f24.pdf") {
			if !w.hasLedger() {
				continue
			}
		}
		path = w.fillPathIDs(path)
		n, code := w.queriesAndStatus(c, path)
		if code != http.StatusOK {
			w.t.Errorf("%s: status %d", path, code)
			continue
		}
		out[pattern] = n
	}
	return out
}

// queriesAndStatus serves a GET of path with c's session cookie and
// returns the statements it ran and its status.
func (w *world) queriesAndStatus(c *client, path string) (int64, int) {
	ctx, n := store.CountQueries(w.t.Context())
	req := httptest.NewRequestWithContext(ctx, http.MethodGet, w.ts.URL+path, nil)
	u, _ := http.NewRequest("GET", w.ts.URL, nil)
	for _, ck := range c.http.Jar.Cookies(u.URL) {
		req.AddCookie(ck)
	}
	rec := httptest.NewRecorder()
	w.srv.ServeHTTP(rec, req)
	return n.Load(), rec.Code
}

// TestALedgerPageInMemoryRunsOneStatement opens the ledger pages of the
// mix as their titolare twice: once the records are in memory, a page
// runs one statement, reading the session and the position together.
// Another position's number in the URL is still refused with a 404.
func TestALedgerPageInMemoryRunsOneStatement(t *testing.T) {
	w := newWorldCache(t, 64<<20)
	w.withLedger()
	titolare := w.as(w.titolare.ID, 0, "self")
	for _, page := range []string{"", "situazione", "estratto-conto", "versamenti", "versamenti?anno=2024&pagina=2025-01-01.1"} {
		path := "/posizioni/" + w.p1.Number + "/" + page
		w.queriesAndStatus(titolare, path)
		if n, code := w.queriesAndStatus(titolare, path); code != http.StatusOK || n != 1 {
			t.Errorf("%s: status %d, %d statements; want 200 and 1", path, code, n)
		}
	}
	if _, code := w.queriesAndStatus(titolare, "/posizioni/"+w.p2.Number+"/"); code != http.StatusNotFound {
		t.Errorf("another titolare's position: status %d, want 404", code)
	}
}

// hasLedger reports whether p1 has dues yet.
func (w *world) hasLedger() bool {
	w.t.Helper()
	var n int
	if err := w.db.R().QueryRow(w.t.Context(), `SELECT COUNT(*) FROM dues WHERE position_id = ?`, w.p1.ID).Scan(&n); err != nil {
		w.t.Fatal(err)
	}
	return n > 0
}

func sortedKeys(m map[string]int64) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// TestPagesLeaveTheRecordsInMemoryUnchanged serves every GET page of a
// position, HTML, CSV and PDF, from the records in memory, then compares
// what memory holds with the database: the cache hands its records out
// without copying them, so a page that changed them would change every
// later page.
func TestPagesLeaveTheRecordsInMemoryUnchanged(t *testing.T) {
	w := newWorldCache(t, 64<<20)
	w.withLedger()
	titolare := w.as(w.titolare.ID, 0, "self")
	for range 2 { // the first round fills the cache, the second reads from it
		if n := len(w.countPageQueries(titolare)); n < 15 {
			t.Fatalf("only %d pages served", n)
		}
	}
	ctx := t.Context()
	info := ledger.PositionInfo{ID: w.p1.ID, Number: w.p1.Number, Gestione: contrib.Gestione(w.p1.Gestione), Sede: w.p1.OfficeCode}
	page, err := store.ReadPagePosition(ctx, w.db, w.p1.Number, 0)
	if err != nil {
		t.Fatal(err)
	}
	hits, _ := w.ledger.Cache().Stats()
	held, err := w.ledger.RecordsAt(ctx, info, page.LedgerVersion)
	if err != nil {
		t.Fatal(err)
	}
	if after, _ := w.ledger.Cache().Stats(); after != hits+1 || hits < 15 {
		t.Fatalf("records served from memory %d times before, %d after this read; want at least 15, then one more", hits, after)
	}
	fresh, err := store.NewLedgerReader(w.db).RecordsOf(ctx, info, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(held, fresh) {
		t.Fatalf("a page changed the records in memory:\n%+v\nthe database holds\n%+v", held, fresh)
	}
}
