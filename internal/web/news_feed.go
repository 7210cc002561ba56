package web

import (
	"encoding/xml"
	"net/http"
	"strconv"
	"time"

	"github.com/cassetto-dev/cassetto/internal/news"
)

// newsFeedLength is the number of items of the Atom feed.
const newsFeedLength = 20

// atomFeed is an Atom 1.0 feed (RFC 4287).
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	Base    string      `xml:"xml:base,attr"` // relative links in the items' bodies resolve on it
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      string         `xml:"title"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published"`
	Links      []atomLink     `xml:"link"`
	Categories []atomCategory `xml:"category"`
	Content    atomText       `xml:"content"`
}

// newsFeed serves the newest published items as an Atom feed, with
// absolute links on the configured base URL; it takes the list's filters.
func (s *Server) newsFeed(w http.ResponseWriter, r *http.Request) {
	f := newsFilter(r.URL.Query())
	f.Page, f.PerPage = 1, newsFeedLength
	page, err := s.newsStore().Published(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	loc := s.catalog.Localizer("it")
	feed := atomFeed{Lang: "it", Base: s.absURL(r, "/"), ID: s.absURL(r, "/notizie"), Title: loc.T("tools.news.title") + " – " + s.site.Institution,
		Updated: atomTime(s.Now()), Author: atomPerson{Name: s.site.Institution},
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: s.absURL(r, "/notizie/feed"+newsQuery(f, 1))},
			{Rel: "alternate", Type: "text/html", Href: s.absURL(r, "/notizie"+newsQuery(f, 1))}}}
	if len(page.Items) > 0 {
		feed.Updated = atomTime(latestUpdate(page.Items))
	}
	md := news.NewRenderer()
	for _, it := range page.Items {
		body, err := md.HTML(it.Body)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		link := s.absURL(r, "/notizie/"+strconv.FormatInt(it.ID, 10))
		feed.Entries = append(feed.Entries, atomEntry{ID: link, Title: it.Title, Updated: atomTime(it.UpdatedAt),
			Published: atomTime(it.Date.Time()), Links: []atomLink{{Rel: "alternate", Type: "text/html", Href: link}},
			Categories: []atomCategory{{Term: string(it.Kind), Label: loc.T("tools.news.kind." + string(it.Kind))}},
			Content:    atomText{Type: "html", Body: string(body)}})
	}
	out, err := xml.MarshalIndent(feed, "", "  ")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=300")
	_, _ = w.Write([]byte(xml.Header))
	_, _ = w.Write(out)
}

func atomTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func latestUpdate(items []news.Item) time.Time {
	var t time.Time
	for _, it := range items {
		if it.UpdatedAt.After(t) {
			t = it.UpdatedAt
		}
	}
	return t
}
