package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"

	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/news"
)

// newsPerPage is the length of a page of the public list.
const newsPerPage = 10

// newsListData is the public list of circolari, messaggi and notizie.
type newsListData struct {
	Page      news.Page
	Gestione  string
	Kind      string
	Kinds     []news.Kind
	Audiences []news.Audience
	PrevURL   string
	NextURL   string
	FeedURL   string
}

// newsFilter reads the list's filters; a value it does not know is ignored.
func newsFilter(q url.Values) news.Filter {
	f := news.Filter{Gestione: news.ParseAudience(q.Get("gestione")), Kind: news.ParseKind(q.Get("tipo")), PerPage: newsPerPage}
	f.Page, _ = strconv.Atoi(q.Get("pagina"))
	f.Page = min(max(f.Page, 1), 10_000)
	return f
}

// newsQuery returns the query string of f on page.
func newsQuery(f news.Filter, page int) string {
	q := url.Values{}
	if f.Gestione != "" {
		q.Set("gestione", string(f.Gestione))
	}
	if f.Kind != "" {
		q.Set("tipo", string(f.Kind))
	}
	if page > 1 {
		q.Set("pagina", strconv.Itoa(page))
	}
	if len(q) == 0 {
		return ""
	}
	return "?" + q.Encode()
}

func (s *Server) newsList(w http.ResponseWriter, r *http.Request) {
	f := newsFilter(r.URL.Query())
	page, err := s.newsStore().Published(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data := newsListData{Page: page, Gestione: string(f.Gestione), Kind: string(f.Kind), Kinds: news.Kinds,
		Audiences: news.Audiences, FeedURL: "/notizie/feed" + newsQuery(news.Filter{Gestione: f.Gestione, Kind: f.Kind}, 1)}
	if page.Page > 1 {
		data.PrevURL = "/notizie" + newsQuery(f, page.Page-1)
	}
	if page.HasNext {
		data.NextURL = "/notizie" + newsQuery(f, page.Page+1)
	}
	s.render(w, r, http.StatusOK, "notizie", &View{Title: "tools.news.title", Data: data})
}

// newsItemData is one published item with its body rendered.
type newsItemData struct {
	Item news.Item
	Body template.HTML
}

func (s *Server) newsItem(w http.ResponseWriter, r *http.Request) {
	it, ok := s.publishedItem(w, r)
	if !ok {
		return
	}
	body, err := news.NewRenderer().HTML(it.Body)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "notizie_item", &View{Title: "tools.news.title", Data: newsItemData{Item: it, Body: body}})
}

// publishedItem loads the published item of the URL; it answers 404 for
// an unknown id or an item not published.
func (s *Server) publishedItem(w http.ResponseWriter, r *http.Request) (news.Item, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.renderError(w, r, http.StatusNotFound, "error.not_found")
		return news.Item{}, false
	}
	it, err := s.newsStore().Get(r.Context(), id)
	if errs.Is(err, errs.NotFound) || err == nil && !it.Published {
		s.renderError(w, r, http.StatusNotFound, "error.not_found")
		return news.Item{}, false
	}
	if err != nil {
		s.fail(w, r, err)
		return news.Item{}, false
	}
	return it, true
}
