package web_test

import (
	"context"
	"encoding/xml"
	"fmt"
	"html/template"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

func (w *world) newsCount() int {
	w.t.Helper()
	var n int
	if err := w.db.R().QueryRow(context.Background(), `SELECT COUNT(*) FROM news`).Scan(&n); err != nil {
		w.t.Fatal(err)
	}
	return n
}

// postNews creates an item as administrator and publishes it; it returns its id.
func postNews(t *testing.T, admin *client, title, gestione, kind, date, body string) string {
	t.Helper()
	res := admin.do("POST", "/fascicolo/notizie", map[string]string{"title": title, "gestione": gestione, "kind": kind, "date": date, "body": body})
	if res.status != http.StatusSeeOther {
		t.Fatalf("create %q: %d", title, res.status)
	}
	list := admin.get("/fascicolo/notizie")
	m := regexp.MustCompile(`href="/fascicolo/notizie/([0-9]+)">` + regexp.QuoteMeta(template.HTMLEscapeString(title)) + `<`).FindStringSubmatch(list.body)
	if m == nil {
		t.Fatalf("%q is not in the back office list", title)
	}
	if res := admin.do("POST", "/fascicolo/notizie/"+m[1]+"/pubblicazione", map[string]string{"pubblica": "1"}); res.status != http.StatusSeeOther {
		t.Fatalf("publish: %d", res.status)
	}
	return m[1]
}

func TestNewsFormRefusesWrongFieldsAndStoresNothing(t *testing.T) {
	w := newWorld(t)
	admin := w.as(0, w.admin.ID, "")
	cases := []struct {
		form        map[string]string
		field, want string
	}{
		{map[string]string{"title": " ", "date": "2026-05-01", "gestione": "ALL", "kind": "notizia", "body": "x"}, "title", "Scrivi il titolo"},
		{map[string]string{"title": strings.Repeat("t", 201), "date": "2026-05-01", "gestione": "ALL", "kind": "notizia", "body": "x"}, "title", "troppo lungo"},
		{map[string]string{"title": "T", "date": "2026-02-31", "gestione": "ALL", "kind": "notizia", "body": "x"}, "date", "data valida"},
		{map[string]string{"title": "T", "date": "2026-05-01", "gestione": "XX", "kind": "notizia", "body": "x"}, "gestione", "Scegli la gestione"},
		{map[string]string{"title": "T", "date": "2026-05-01", "gestione": "AR", "kind": "notizia", "body": ""}, "body", "Scrivi il testo"},
	}
	for _, c := range cases {
		res := admin.do("POST", "/fascicolo/notizie", c.form)
		if res.status != http.StatusUnprocessableEntity {
			t.Errorf("%s: status %d, want 422", c.field, res.status)
		}
		m := regexp.MustCompile(`id="` + c.field + `-error">([^<]*)<`).FindStringSubmatch(res.body)
		if m == nil || !strings.Contains(m[1], c.want) {
			t.Errorf("%s: message %v, want %q", c.field, m, c.want)
		}
	}
	if n := w.newsCount(); n != 0 {
		t.Errorf("%d items stored from wrong forms", n)
	}
	if res := w.as(0, w.operator.ID, "").get("/fascicolo/notizie"); res.status != http.StatusForbidden {
		t.Errorf("an operator opened the back office news: %d", res.status)
	}
}

func TestNewsArePublicOnlyOncePublishedAndRenderedSafely(t *testing.T) {
	w := newWorld(t)
	admin := w.as(0, w.admin.ID, "")
	res := admin.do("POST", "/fascicolo/notizie", map[string]string{"title": "Bozza riservata", "gestione": "ALL", "kind": "notizia",
		"date": "16/05/2026", "body": "testo"})
	if res.status != http.StatusSeeOther || w.newsCount() != 1 {
		t.Fatalf("create: %d", res.status)
	}
	if strings.Contains(w.anonymous().get("/notizie").body, "Bozza riservata") {
		t.Error("a draft is public")
	}
	id := postNews(t, admin, "Circolare sui contributi", "CO", "circolare", "2026-02-05",
		"# Importi\n\n<script>alert(1)</script>\n\n[clic](javascript:alert(1)) e [sito](https://www.inps.it)")
	page := w.anonymous().get("/notizie/" + id)
	if page.status != http.StatusOK {
		t.Fatalf("item: %d", page.status)
	}
	for _, bad := range []string{"<script>alert", "javascript:"} {
		if strings.Contains(page.body, bad) {
			t.Errorf("the item page contains %q", bad)
		}
	}
	if !strings.Contains(page.body, `<h2 id="importi">Importi</h2>`) && !strings.Contains(page.body, "<h2>Importi</h2>") {
		t.Errorf("the body's heading is not a level 2 heading")
	}
	if !strings.Contains(page.body, `href="https://www.inps.it"`) {
		t.Error("a safe link was lost")
	}
	// Filters: a CO item is not among the AR ones, nor among the messaggi.
	if strings.Contains(w.anonymous().get("/notizie?gestione=AR").body, "Circolare sui contributi") {
		t.Error("a CO item listed for AR")
	}
	if strings.Contains(w.anonymous().get("/notizie?tipo=messaggio").body, "Circolare sui contributi") {
		t.Error("a circolare listed among the messaggi")
	}
	if !strings.Contains(w.anonymous().get("/notizie?gestione=CO&tipo=circolare").body, "Circolare sui contributi") {
		t.Error("the item is not listed with its own filters")
	}
	admin.do("POST", "/fascicolo/notizie/"+id+"/pubblicazione", map[string]string{"pubblica": "0"})
	if res := w.anonymous().get("/notizie/" + id); res.status != http.StatusNotFound {
		t.Errorf("a withdrawn item: %d, want 404", res.status)
	}
}

func TestNewsListIsPaginatedNewestFirst(t *testing.T) {
	w := newWorld(t)
	admin := w.as(0, w.admin.ID, "")
	for i := 1; i <= 12; i++ {
		postNews(t, admin, fmt.Sprintf("Notizia numero %02d", i), "ALL", "notizia", fmt.Sprintf("2026-01-%02d", i), "testo")
	}
	first := w.anonymous().get("/notizie")
	if !strings.Contains(first.body, "Notizia numero 12") || strings.Contains(first.body, "Notizia numero 02") {
		t.Error("the first page is not the ten newest")
	}
	if strings.Index(first.body, "Notizia numero 12") > strings.Index(first.body, "Notizia numero 11") {
		t.Error("not newest first")
	}
	second := w.anonymous().get("/notizie?pagina=2")
	if !strings.Contains(second.body, "Notizia numero 01") || strings.Contains(second.body, "Notizia numero 12") {
		t.Error("the second page does not hold the oldest")
	}
}

// atom is what the test reads of an Atom feed.
type atom struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Author struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Content struct {
			Type string `xml:"type,attr"`
			Body string `xml:",chardata"`
		} `xml:"content"`
	} `xml:"entry"`
}

func TestNewsAtomFeedIsValidWithAbsoluteLinks(t *testing.T) {
	w := newWorld(t)
	admin := w.as(0, w.admin.ID, "")
	id := postNews(t, admin, "Scadenze & novità <2026>", "ALL", "notizia", "2026-03-02", "Le **rate** del 2026.")
	res := w.anonymous().get("/notizie/feed")
	if res.status != http.StatusOK || !strings.HasPrefix(res.header.Get("Content-Type"), "application/atom+xml") {
		t.Fatalf("feed: %d %q", res.status, res.header.Get("Content-Type"))
	}
	var f atom
	if err := xml.Unmarshal([]byte(res.body), &f); err != nil {
		t.Fatalf("the feed does not parse: %v", err)
	}
	if f.ID == "" || f.Title == "" || f.Updated == "" || f.Author.Name == "" || len(f.Entries) != 1 {
		t.Fatalf("feed lacks required elements: %+v", f)
	}
	e := f.Entries[0]
	if e.Title != "Scadenze & novità <2026>" || !strings.HasPrefix(e.Link.Href, "http") || !strings.HasSuffix(e.Link.Href, "/notizie/"+id) {
		t.Errorf("entry %q links to %q", e.Title, e.Link.Href)
	}
	if e.Content.Type != "html" || !strings.Contains(e.Content.Body, "<strong>rate</strong>") {
		t.Errorf("entry content %q", e.Content.Body)
	}
	for _, l := range f.Links {
		if !strings.HasPrefix(l.Href, "http://") && !strings.HasPrefix(l.Href, "https://") {
			t.Errorf("relative link %q", l.Href)
		}
	}
}
