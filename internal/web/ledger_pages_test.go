package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// situationOf reads p1's situazione as the pages compute it (today, every year).
func (w *world) situationOf() ledger.Situation {
	w.t.Helper()
	s, err := store.NewLedgerReader(w.db).Situation(context.Background(), w.p1.ID, ledger.SituationOptions{AsOf: civil.Of(w.now)})
	if err != nil {
		w.t.Fatal(err)
	}
	return s
}

func mustContain(t *testing.T, what, body string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(body, want) {
			t.Errorf("%s lacks %q", what, want)
		}
	}
}

func TestDashboardTotalsEqualTheSituazione(t *testing.T) {
	w := newWorld(t)
	f := w.withLedger()
	sit := w.situationOf()
	if sit.Debt <= 0 || sit.Credit <= 0 {
		t.Fatalf("the fixture should leave both a debt and a credit: %s %s", sit.Debt, sit.Credit)
	}
	c := w.as(w.titolare.ID, 0, "self")
	dash := c.get("/posizioni/10000001/")
	if dash.status != http.StatusOK {
		t.Fatalf("dashboard %d", dash.status)
	}
	page := c.get("/posizioni/10000001/situazione")
	for what, body := range map[string]string{"dashboard": dash.body, "situazione": page.body} {
		prefix := map[string]string{"dashboard": "dash", "situazione": "sit"}[what]
		mustContain(t, what, body, fmt.Sprintf(`id="%s-debt">%s<`, prefix, sit.Debt.Italian()),
			fmt.Sprintf(`id="%s-credit">%s<`, prefix, sit.Credit.Italian()))
	}
	// the next rate: the fourth of 2026 of both persons, in one F24
	t4, c4 := f.rates["2026:10:rata4"], f.rates["2026:11:rata4"]
	mustContain(t, "dashboard", dash.body, fmt.Sprintf(`id="dash-next">%s<`, (t4.Amount+c4.Amount).Italian()),
		fmt.Sprintf("/posizioni/10000001/f24.pdf?due=%d&amp;due=%d", min(t4.ID, c4.ID), max(t4.ID, c4.ID)),
		"Nessuna comunicazione", `href="/posizioni/10000001/avvisi"`, `href="/posizioni/10000001/versamenti"`)
	var owed string
	for _, n := range ledger.NoticeSummaries(sit) {
		if n.ID == f.notice {
			owed = n.Owed.Italian()
		}
	}
	mustContain(t, "dashboard", dash.body, "Avvisi da pagare: 1", `id="dash-notices">`+owed+`<`)
}

func TestSituazioneShowsWhatIsBehindEachFigureAndFiltersByYear(t *testing.T) {
	w := newWorld(t)
	f := w.withLedger()
	c := w.as(w.titolare.ID, 0, "self")
	late := f.rates["2025:10:rata2"]
	page := c.get("/posizioni/10000001/situazione?anno=2025")
	if page.status != http.StatusOK {
		t.Fatalf("situazione %d", page.status)
	}
	mustContain(t, "situazione 2025", page.body, "Anno 2025", "<details>", "Sanzioni civili: 12,34 €",
		"versamento del "+late.DueDate.AddDays(45).Italian(), late.Codeline, "AB-2026-")
	if strings.Contains(page.body, "Anno 2026") {
		t.Error("the 2025 filter shows 2026")
	}
	bad := c.get("/posizioni/10000001/situazione?anno=abc")
	if bad.status != http.StatusUnprocessableEntity {
		t.Fatalf("anno=abc: %d", bad.status)
	}
	mustContain(t, "situazione anno=abc", bad.body, `id="anno-error"`, "Scrivi un anno di quattro cifre", `aria-invalid="true"`)
	empty := w.as(w.other.ID, 0, "self").get("/posizioni/10000002/situazione?anno=2019")
	mustContain(t, "empty situazione", empty.body, "Non ci sono contributi registrati")
}

func TestSituazioneCSVAddsUpToTheDebt(t *testing.T) {
	w := newWorld(t)
	w.withLedger()
	sit := w.situationOf()
	res := w.as(w.titolare.ID, 0, "self").get("/posizioni/10000001/situazione.csv")
	if res.status != http.StatusOK || !strings.HasPrefix(res.header.Get("Content-Type"), "text/csv") ||
		!strings.Contains(res.header.Get("Content-Disposition"), "situazione_10000001.csv") {
		t.Fatalf("csv: %d %v", res.status, res.header)
	}
	if !strings.HasPrefix(res.body, "\ufeffAnno;") {
		t.Fatalf("no BOM or header: %q", res.body[:min(40, len(res.body))])
	}
	lines := strings.Split(strings.TrimSpace(res.body), "\r\n")
	items := 0
	for _, y := range sit.Years {
		items += len(y.Items)
	}
	if len(lines) != items+1 {
		t.Fatalf("%d lines for %d items", len(lines), items)
	}
	var residual int64
	for _, l := range lines[1:] {
		cells := strings.Split(l, ";")
		var euros, cents int64
		if _, err := fmt.Sscanf(cells[12], "%d,%d", &euros, &cents); err != nil {
			t.Fatalf("residual %q: %v", cells[12], err)
		}
		residual += euros*100 + cents
	}
	if residual != int64(sit.Debt+sit.Prescribed) {
		t.Fatalf("residuals add up to %d, the situazione says %d", residual, sit.Debt+sit.Prescribed)
	}
}

func TestQuoteOffersAnF24ForEveryOpenRate(t *testing.T) {
	w := newWorld(t)
	f := w.withLedger()
	rec, err := store.NewLedgerReader(w.db).Records(context.Background(), w.p1.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	page := w.as(w.interActive.ID, 0, "intermediary").get("/posizioni/10000001/quote")
	if page.status != http.StatusOK {
		t.Fatalf("quote %d", page.status)
	}
	for _, y := range []int{2025, 2026} {
		q := ledger.QuoteDovute(rec, y, civil.Of(w.now))
		for _, r := range q.Rates {
			if r.Paid+r.Residual != r.Amount {
				t.Errorf("rate %d: paid %s + residual %s != amount %s", r.DueID, r.Paid, r.Residual, r.Amount)
			}
			box := fmt.Sprintf(`name="due" value="%d"`, r.DueID)
			link := fmt.Sprintf("f24.pdf?due=%d\"", r.DueID)
			if open := r.Residual > 0; open != strings.Contains(page.body, box) || open != strings.Contains(page.body, link) {
				t.Errorf("rate %d (residual %s): checkbox %v, link %v", r.DueID, r.Residual, strings.Contains(page.body, box), strings.Contains(page.body, link))
			}
		}
		mustContain(t, "quote", page.body, fmt.Sprintf("/posizioni/10000001/lettera/%d", y))
	}
	mustContain(t, "quote", page.body, `action="/posizioni/10000001/f24.pdf"`, f.rates["2025:10:rata3"].Codeline)
}

func TestEstrattoContoOfACollaboratoreShowsOnlyHisOwnRows(t *testing.T) {
	w := newWorld(t)
	w.withLedger()
	title := "Mesi accreditati per anno: "
	own := w.as(w.member.ID, 0, "self").get("/posizioni/10000001/estratto-conto")
	if own.status != http.StatusOK {
		t.Fatalf("collaboratore: %d", own.status)
	}
	mustContain(t, "collaboratore's estratto conto", own.body, title+w.member.GivenName, `role="img"`, "<desc", "<caption>", "estratto-conto.pdf")
	if strings.Contains(own.body, title+w.titolare.GivenName) || strings.Contains(own.body, "/situazione") {
		t.Error("a collaboratore sees the titolare's rows or a page he may not open")
	}
	all := w.as(w.titolare.ID, 0, "self").get("/posizioni/10000001/estratto-conto")
	mustContain(t, "titolare's estratto conto", all.body, title+w.titolare.GivenName, title+w.member.GivenName, "/situazione")
	if strings.Contains(all.body, " style=") {
		t.Error("inline style in the chart")
	}
	picker := w.as(w.member.ID, 0, "self").get("/posizioni")
	mustContain(t, "positions page of a collaboratore", picker.body, `href="/posizioni/10000001/estratto-conto"`)
}

func TestVersamentiFiltersPagesAndExplainsBadInput(t *testing.T) {
	w := newWorld(t)
	f := w.withLedger()
	for i := 0; i < 55; i++ { // more than a page
		w.pay(civil.MustParse("2024-03-01").AddDays(i), 100)
	}
	c := w.as(w.titolare.ID, 0, "self")
	first := c.get("/posizioni/10000001/versamenti")
	if first.status != http.StatusOK || strings.Count(first.body, `id="pagamento-`) != ledger.DefaultPaymentPage {
		t.Fatalf("first page: %d, %d rows", first.status, strings.Count(first.body, `id="pagamento-`))
	}
	i := strings.Index(first.body, "pagina=")
	if i < 0 {
		t.Fatal("no next page link")
	}
	cursor, _ := url.QueryUnescape(first.body[i+len("pagina=") : i+strings.IndexByte(first.body[i:], '"')])
	second := c.get("/posizioni/10000001/versamenti?pagina=" + url.QueryEscape(cursor))
	if n := strings.Count(second.body, `id="pagamento-`); second.status != http.StatusOK || n == 0 || strings.Contains(second.body, "pagina=") {
		t.Fatalf("second page: %d, %d rows", second.status, n)
	}
	late := f.rates["2025:10:rata2"]
	day := late.DueDate.AddDays(45).Italian()
	one := c.get("/posizioni/10000001/versamenti?anno=2025&dal=" + url.QueryEscape(day) + "&al=" + url.QueryEscape(day))
	if n := strings.Count(one.body, `id="pagamento-`); n != 1 {
		t.Fatalf("one day: %d rows", n)
	}
	mustContain(t, "filtered payments", one.body, "2ª rata contributi fissi 2025: "+late.Amount.Italian())
	csv := c.get("/posizioni/10000001/versamenti.csv?anno=2025&dal=" + url.QueryEscape(day) + "&al=" + url.QueryEscape(day))
	if lines := strings.Split(strings.TrimSpace(csv.body), "\r\n"); len(lines) != 2 || !strings.Contains(lines[1], day) {
		t.Fatalf("csv with the same filter: %q", csv.body)
	}
	bad := c.get("/posizioni/10000001/versamenti?dal=31/02/2025&anno=abc&causale=ZZ")
	if bad.status != http.StatusUnprocessableEntity {
		t.Fatalf("bad filter: %d", bad.status)
	}
	mustContain(t, "bad filter", bad.body, `id="dal-error"`, "Scrivi una data esistente", `id="anno-error"`, `id="causale-error"`, `value="31/02/2025"`)
	en := w.as(w.titolare.ID, 0, "self")
	u, _ := url.Parse(w.ts.URL)
	en.http.Jar.SetCookies(u, []*http.Cookie{{Name: "cassetto_lang", Value: "en"}})
	mustContain(t, "bad filter in English", en.get("/posizioni/10000001/versamenti?dal=31/02/2025").body, "Write a date that exists")
}

func TestAvvisiListAndOneNotice(t *testing.T) {
	w := newWorld(t)
	f := w.withLedger()
	c := w.as(0, w.operator.ID, "")
	list := c.get("/posizioni/10000001/avvisi")
	detailPath := fmt.Sprintf("/posizioni/10000001/avvisi/%d", f.notice)
	mustContain(t, "avvisi", list.body, `href="`+detailPath+`"`, "Avviso bonario", "Da pagare")
	page := c.get(detailPath)
	if page.status != http.StatusOK {
		t.Fatalf("notice %d", page.status)
	}
	unpaid := f.rates["2025:10:rata3"]
	mustContain(t, "avviso", page.body, detailPath+"/pdf", fmt.Sprintf("f24.pdf?due=%d", unpaid.ID),
		"/posizioni/10000001/richieste/nuova?ambito=dilazione", unpaid.Amount.Italian(), "3ª rata contributi fissi 2025")
	for _, path := range []string{fmt.Sprintf("/posizioni/10000001/avvisi/%d", f.notice+1000), "/posizioni/10000001/avvisi/abc"} {
		if res := c.get(path); res.status != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", path, res.status)
		}
	}
	if res := w.as(0, w.admin.ID, "").get(fmt.Sprintf("/posizioni/10000002/avvisi/%d", f.notice)); res.status != http.StatusNotFound {
		t.Errorf("a notice of p1 under p2: %d, want 404", res.status)
	}
}

// TestPositionMenuShowsTheTitolareHisOwnEntries: the position menu marks
// the current page, links the access log and the delegations only for the
// titolare, and the printable dossier for everyone who sees the position.
func TestPositionMenuShowsTheTitolareHisOwnEntries(t *testing.T) {
	w := newWorld(t)
	tit := w.as(w.titolare.ID, 0, "self").get("/posizioni/10000001/anagrafica")
	mustContain(t, "titolare's menu", tit.body, `aria-current="page" href="/posizioni/10000001/anagrafica"`,
		`href="/posizioni/10000001/accessi"`, `href="/posizioni/10000001/deleghe"`, `href="/posizioni/10000001/situazione"`,
		`href="/posizioni/10000001/fascicolo.pdf"`, `id="menu-documents"`)
	inter := w.as(w.interActive.ID, 0, "intermediary").get("/posizioni/10000001/anagrafica")
	mustContain(t, "intermediary's menu", inter.body, `href="/posizioni/10000001/situazione"`, `href="/posizioni/10000001/fascicolo.pdf"`)
	if strings.Contains(inter.body, `href="/posizioni/10000001/accessi"`) || strings.Contains(inter.body, `href="/posizioni/10000001/deleghe"`) {
		t.Error("an intermediary's menu links the titolare's own pages")
	}
}
