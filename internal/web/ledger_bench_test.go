package web_test

import (
	"context"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/demo"
	"github.com/cassetto-dev/cassetto/internal/session"
	"github.com/cassetto-dev/cassetto/internal/staff"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
	"github.com/cassetto-dev/cassetto/internal/web"
	"github.com/cassetto-dev/cassetto/internal/web/static"
)

// benchPortal is a server over a demo registry with its 2022–2026
// history, and the session cookie of the titolare of its richest position.
type benchPortal struct {
	srv    http.Handler
	number string
	cookie []*http.Cookie
}

// newBenchPortal seeds 300 demo positions and their history (five years
// of dues, payments and notices) and logs in the titolare of the position
// with the most dues. With cache, the ledger records are kept in memory
// as `cassetto serve` keeps them by default.
func newBenchPortal(b *testing.B, cache bool) *benchPortal {
	b.Helper()
	ctx := context.Background()
	db := storetest.New(b)
	if _, err := demo.Load(ctx, db, demo.Options{Seed: 7, Positions: 300, Name: "bench"}); err != nil {
		b.Fatal(err)
	}
	if _, err := demo.LoadHistory(ctx, db, "bench"); err != nil {
		b.Fatal(err)
	}
	p := &benchPortal{}
	var titolare int64
	err := db.R().QueryRow(ctx, `SELECT p.number, p.titolare_id FROM positions p JOIN dues d ON d.position_id = p.id
		GROUP BY p.id, p.number, p.titolare_id ORDER BY COUNT(*) DESC, p.id LIMIT 1`).Scan(&p.number, &titolare)
	if err != nil {
		b.Fatal(err)
	}
	var dues, payments int
	if err := db.R().QueryRow(ctx, `SELECT (SELECT COUNT(*) FROM dues d JOIN positions p ON p.id = d.position_id WHERE p.number = ?),
		(SELECT COUNT(*) FROM payments y JOIN positions p ON p.id = y.position_id WHERE p.number = ?)`, p.number, p.number).Scan(&dues, &payments); err != nil {
		b.Fatal(err)
	}
	b.Logf("position %s: %d dues, %d payments", p.number, dues, payments)
	now := demo.ReferenceDate().Time().Add(10 * time.Hour)
	clock := func() time.Time { return now }
	assets, err := static.New()
	if err != nil {
		b.Fatal(err)
	}
	reg, st := store.NewRegistry(db, clock), store.NewStaff(db)
	sessions := &session.Manager{Store: store.NewSessions(db), Now: clock, Idle: 30 * time.Minute, Absolute: 8 * time.Hour}
	srv, err := web.New(web.Deps{
		Site: web.Site{Institution: "Istituto di prova", SupportEmail: "help@example.it", LoginLabel: "Entra", LoginEnabled: true},
		DB:   db, Ledger: store.NewLedgerReader(db).WithCache(store.NewRecordsCache(cacheBytes(cache))), Params: contrib.Default(), Registry: reg, Delegations: reg,
		Audit: store.NewAudit(db), Sessions: sessions, Staff: staff.NewAccounts(st, clock, staff.Config{}), StaffDir: st,
		Assets: assets, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: clock,
	})
	if err != nil {
		b.Fatal(err)
	}
	p.srv = srv
	rec := httptest.NewRecorder()
	if _, err := sessions.Begin(ctx, rec, httptest.NewRequest("GET", "/", nil), titolare, 0,
		session.Data{Profile: "self", Method: "test"}); err != nil {
		b.Fatal(err)
	}
	p.cookie = rec.Result().Cookies()
	return p
}

// cacheBytes is the size of the benchmarks' records cache: the default of
// `cassetto serve`, or none.
func cacheBytes(cache bool) int64 {
	if cache {
		return 64 << 20
	}
	return 0
}

// get serves one GET of path in process and returns the statements it
// ran and the body.
func (p *benchPortal) get(b *testing.B, path string) (int64, string) {
	ctx, n := store.CountQueries(context.Background())
	req := httptest.NewRequestWithContext(ctx, http.MethodGet, "http://localhost"+path, nil)
	for _, c := range p.cookie {
		req.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	p.srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		b.Fatalf("%s: status %d: %.300s", path, rec.Code, rec.Body.String())
	}
	return n.Load(), rec.Body.String()
}

// cpuTime is the process's user and system CPU time: on a machine shared
// with other work it is steadier than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchPage measures one page of the portal's mix, served in process
// (middleware, session, access check, handler, template): ns/op, allocs,
// CPU per page and statements per page.
func benchPage(b *testing.B, suffix string) { benchPageCache(b, suffix, true) }

// benchPageCache is benchPage with or without the records cache.
func benchPageCache(b *testing.B, suffix string, cache bool) {
	p := newBenchPortal(b, cache)
	path := "/posizioni/" + p.number + "/" + suffix
	if suffix == "f24.pdf" { // the next rate's form, linked from the dashboard
		_, body := p.get(b, "/posizioni/"+p.number+"/")
		i := strings.Index(body, "/f24.pdf?")
		if i < 0 {
			b.Fatal("no F24 link on the dashboard")
		}
		start, end := strings.LastIndexByte(body[:i], '"')+1, i+strings.IndexByte(body[i:], '"')
		path = html.UnescapeString(body[start:end])
	}
	cold, body := p.get(b, path)
	// The next views of the position find its records in memory.
	queries, _ := p.get(b, path)
	if dir := os.Getenv("CASSETTO_BENCH_KEEP"); dir != "" { // keep the page, to compare two versions
		name := strings.NewReplacer("/", "_", "?", "_").Replace(strings.TrimPrefix(path, "/posizioni/"+p.number+"/"))
		if err := os.WriteFile(filepath.Join(dir, "page_"+name+".html"), []byte(body), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		p.get(b, path)
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(queries), "queries/op")
	b.ReportMetric(float64(cold), "first-view-queries")
}

func BenchmarkDashboard(b *testing.B) { benchPage(b, "") }

// BenchmarkDashboardUncached reads the whole ledger from the database at
// every page, as every page does the first time a position is opened.
func BenchmarkDashboardUncached(b *testing.B) { benchPageCache(b, "", false) }
func BenchmarkF24Uncached(b *testing.B)       { benchPageCache(b, "f24.pdf", false) }
func BenchmarkSituation(b *testing.B)         { benchPage(b, "situazione") }
func BenchmarkPayments(b *testing.B)          { benchPage(b, "versamenti") }
func BenchmarkStatement(b *testing.B)         { benchPage(b, "estratto-conto") }
func BenchmarkCases(b *testing.B)             { benchPage(b, "richieste") }
func BenchmarkF24Download(b *testing.B)       { benchPage(b, "f24.pdf") }
