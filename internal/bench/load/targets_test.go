package load

import (
	"net/http"
	"strings"
	"testing"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

func TestDealtHoldsEveryPageAsOftenAsItsWeight(t *testing.T) {
	mix := mixPages()
	deck := dealt(mix)
	if len(deck) != 100 {
		t.Fatalf("cycle of %d requests, want 100 (the weights in percent)", len(deck))
	}
	count := map[string]int{}
	for _, pg := range deck {
		count[pg.name]++
	}
	for _, pg := range mix {
		if count[pg.name] != pg.weight {
			t.Errorf("%s: %d in the cycle, want %d", pg.name, count[pg.name], pg.weight)
		}
	}
	// Spread evenly: the first 40 requests (2 s at 20/s) already ask every page.
	seen := map[string]bool{}
	for _, pg := range deck[:40] {
		seen[pg.name] = true
	}
	if len(seen) != len(mix) {
		t.Errorf("the first 40 requests ask %d pages of %d: %v", len(seen), len(mix), seen)
	}
}

func TestPageOfNamesEveryPage(t *testing.T) {
	for url, want := range map[string]string{
		"http://h/posizioni/10000001/":               PageDashboard,
		"http://h/posizioni/10000001/situazione":     PageSituation,
		"http://h/posizioni/10000001/versamenti":     PagePayments,
		"http://h/posizioni/10000001/estratto-conto": PageStatement,
		"http://h/posizioni/10000001/f24.pdf?due=12": PageF24,
		"http://h/posizioni/10000001/richieste":      PageCases,
		"http://h/bench/baseline":                    PageBaseline,
		"http://h/bench/baseline/10000001":           PageBaselineGated,
		"http://h/accesso?next=%2Fposizioni%2F1%2F":  "?",
	} {
		if got := pageOf(url); got != want {
			t.Errorf("pageOf(%s) = %q, want %q", url, got, want)
		}
	}
}

func TestPageNamedRefusesUnknownPages(t *testing.T) {
	if _, err := pageNamed("cruscotto"); err == nil {
		t.Error("an unknown page was accepted")
	}
	if pg, err := pageNamed(PageF24); err != nil || pg.weight != 1 {
		t.Errorf("f24: %v, weight %d", err, pg.weight)
	}
}

func TestFirstViewsAskEveryVisitedDashboardOnceBeforeAnyAgain(t *testing.T) {
	titolare := &actor{header: http.Header{"Cookie": {"s=1"}}}
	agent := &actor{header: http.Header{"Cookie": {"s=2"}}, intermediary: true}
	p := &population{visits: []visit{{titolare, "10000001"}, {agent, "10000002"}, {agent, "10000003"}}}
	tr := p.firstViews("http://h")
	var got []string
	for range 6 {
		var tg vegeta.Target
		if err := tr(&tg); err != nil {
			t.Fatal(err)
		}
		got = append(got, tg.URL+" "+http.Header(tg.Header).Get("Cookie"))
		if pageOf(tg.URL) != PageDashboard {
			t.Errorf("%s is not a dashboard", tg.URL)
		}
	}
	want := []string{"http://h/posizioni/10000001/ s=1", "http://h/posizioni/10000002/ s=2", "http://h/posizioni/10000003/ s=2"}
	want = append(want, want...)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("first views asked\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
