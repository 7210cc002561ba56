package load

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// The pages a run can ask for, by name.
const (
	PageDashboard     = "dashboard"
	PageSituation     = "situazione"
	PagePayments      = "versamenti"
	PageStatement     = "estratto-conto"
	PageF24           = "f24"
	PageCases         = "richieste"
	PageBaseline      = "baseline"          // the minimal handler behind middleware and session
	PageBaselineGated = "baseline-position" // the minimal handler behind the position gate too
)

// page is one kind of request and its share of the mix.
type page struct {
	name   string
	weight int
	path   func(p *population) (string, http.Header)
}

// onPosition makes the path of a page of a random visited position.
func onPosition(suffix string) func(*population) (string, http.Header) {
	return func(p *population) (string, http.Header) {
		v := p.visits[rand.IntN(len(p.visits))]
		return "/posizioni/" + v.number + "/" + suffix, v.actor.header
	}
}

func f24Path(p *population) (string, http.Header) {
	v := p.f24[rand.IntN(len(p.f24))]
	return "/posizioni/" + v.number + "/f24.pdf?due=" + strconv.FormatInt(v.due, 10), v.actor.header
}

func baselinePath(p *population) (string, http.Header) {
	return "/bench/baseline", p.actors[rand.IntN(len(p.actors))].header
}

func baselineGatedPath(p *population) (string, http.Header) {
	v := p.visits[rand.IntN(len(p.visits))]
	return "/bench/baseline/" + v.number, v.actor.header
}

// pages are every page by name; the weights are the portal's mix (issue 7).
var pages = []page{
	{PageDashboard, 40, onPosition("")},
	{PageSituation, 20, onPosition("situazione")},
	{PagePayments, 15, onPosition("versamenti")},
	{PageStatement, 10, onPosition("estratto-conto")},
	{PageF24, 10, f24Path},
	{PageCases, 5, onPosition("richieste")},
	{PageBaseline, 0, baselinePath},
	{PageBaselineGated, 0, baselineGatedPath},
}

// mixPages are the pages of the mix, in the order of the report.
func mixPages() []page {
	var out []page
	for _, pg := range pages {
		if pg.weight > 0 {
			out = append(out, pg)
		}
	}
	return out
}

// pageNamed returns the page called name, alone (weight 1).
func pageNamed(name string) (page, error) {
	for _, pg := range pages {
		if pg.name == name {
			pg.weight = 1
			return pg, nil
		}
	}
	names := make([]string, len(pages))
	for i, pg := range pages {
		names[i] = pg.name
	}
	return page{}, fmt.Errorf("load: unknown page %q (known: %s)", name, strings.Join(names, ", "))
}

// targeter deals the pages in a fixed cycle that holds each page as many
// times as its weight, spread evenly (smooth weighted round robin), so that
// every run asks each page in the mix's exact proportions; each request
// then picks a random session and one of its positions. It is safe for
// concurrent use.
func (p *population) targeter(base string, mix []page) vegeta.Targeter {
	deck := dealt(mix)
	var next atomic.Uint64
	return func(t *vegeta.Target) error {
		if len(deck) == 0 {
			return fmt.Errorf("load: no page to ask")
		}
		pg := deck[(next.Add(1)-1)%uint64(len(deck))]
		path, h := pg.path(p)
		t.Method, t.URL, t.Header, t.Body = http.MethodGet, base+path, h, nil
		return nil
	}
}

// firstViews asks the dashboard of every visited position in turn, each
// once before any is asked again.
func (p *population) firstViews(base string) vegeta.Targeter {
	var next atomic.Uint64
	return func(t *vegeta.Target) error {
		v := p.visits[(next.Add(1)-1)%uint64(len(p.visits))]
		t.Method, t.URL, t.Header, t.Body = http.MethodGet, base+"/posizioni/"+v.number+"/", v.actor.header, nil
		return nil
	}
}

// dealt returns the cycle of the mix: sum-of-weights slots, each page as
// often as its weight, the pages interleaved (nginx's smooth weighted round
// robin).
func dealt(mix []page) []page {
	total := 0
	for _, pg := range mix {
		total += pg.weight
	}
	current := make([]int, len(mix))
	deck := make([]page, 0, total)
	for range total {
		best := 0
		for i, pg := range mix {
			current[i] += pg.weight
			if current[i] > current[best] {
				best = i
			}
		}
		current[best] -= total
		deck = append(deck, mix[best])
	}
	return deck
}

// pageOf names the page of a request's URL, for the per-page figures.
func pageOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "?"
	}
	if strings.HasPrefix(u.Path, "/bench/baseline/") {
		return PageBaselineGated
	}
	if u.Path == "/bench/baseline" {
		return PageBaseline
	}
	rest, ok := strings.CutPrefix(u.Path, "/posizioni/")
	if !ok {
		return "?"
	}
	_, rest, _ = strings.Cut(rest, "/")
	switch rest {
	case "":
		return PageDashboard
	case "f24.pdf":
		return PageF24
	}
	return rest
}
