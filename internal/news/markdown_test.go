package news_test

import (
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/news"
)

func TestMarkdownDropsRawHTMLAndUnsafeLinks(t *testing.T) {
	r := news.NewRenderer()
	cases := []struct{ in, forbidden, kept string }{
		{"<script>alert(1)</script>\n\ntesto", "<script", "testo"},
		{"a <img src=x onerror=alert(1)> b", "onerror", "a"},
		{"[clic](javascript:alert(1))", "javascript:", "clic"},
		{"[clic](JaVaScRiPt:alert(1))", "alert", "clic"},
		{"[clic](&#106;avascript:alert(1))", "avascript", "clic"},
		{"[clic](java%0ascript:alert(1))", "script", "clic"},
		{"<javascript:alert(1)>", "href", "alert"},
		{"![x](data:text/html;base64,PHNjcmlwdD4=)", "data:", ""},
		{"[dati](vbscript:msgbox)", "vbscript", "dati"},
	}
	for _, c := range cases {
		html, err := r.HTML(c.in)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(strings.ToLower(string(html)), c.forbidden) {
			t.Errorf("%q rendered %q, which contains %q", c.in, html, c.forbidden)
		}
		if !strings.Contains(string(html), c.kept) {
			t.Errorf("%q rendered %q, which lost %q", c.in, html, c.kept)
		}
	}
}

func TestMarkdownKeepsSafeLinksAndShiftsHeadings(t *testing.T) {
	html, err := news.NewRenderer().HTML("# Titolo\n\nVedi [la circolare](https://www.inps.it/circ?n=14&a=2026) e [il calendario](/calendario).\n\n- **uno**\n- due")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<h2", "Titolo</h2>", `href="https://www.inps.it/circ?n=14&amp;a=2026"`, `href="/calendario"`, "<strong>uno</strong>", "<li>due</li>"} {
		if !strings.Contains(string(html), want) {
			t.Errorf("rendered %s, want %s in it", html, want)
		}
	}
	if strings.Contains(string(html), "<h1") {
		t.Errorf("a level 1 heading in the body: %s", html)
	}
}
