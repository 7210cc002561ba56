package web

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/news"
)

// adminNewsData is the back office's list of items.
type adminNewsData struct {
	Page    news.Page
	PrevURL string
	NextURL string
}

// newsForm is the back office's form of an item, as typed.
type newsForm struct {
	ID        int64
	Title     string
	Date      string
	Gestione  string
	Kind      string
	Body      string
	Published bool
	Preview   template.HTML
	Kinds     []news.Kind
	Audiences []news.Audience
}

// newsFlashes are the outcomes the back office's list announces.
var newsFlashes = map[string]string{"notizia-salvata": "tools.news.flash_saved",
	"notizia-pubblicata": "tools.news.flash_published", "notizia-ritirata": "tools.news.flash_withdrawn"}

func (s *Server) adminNewsList(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.URL.Query().Get("pagina"))
	n = min(max(n, 1), 10_000)
	page, err := s.newsStore().All(r.Context(), n, 20)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data := adminNewsData{Page: page}
	if page.Page > 1 {
		data.PrevURL = "/fascicolo/notizie?pagina=" + strconv.Itoa(page.Page-1)
	}
	if page.HasNext {
		data.NextURL = "/fascicolo/notizie?pagina=" + strconv.Itoa(page.Page+1)
	}
	s.render(w, r, http.StatusOK, "fascicolo_notizie", &View{Title: "tools.news.admin_title",
		Flash: newsFlashes[r.URL.Query().Get("esito")], Data: data})
}

func (s *Server) adminNewsNew(w http.ResponseWriter, r *http.Request) {
	f := newsForm{Date: s.today().String(), Gestione: string(news.Both), Kind: string(news.Notizia)}
	s.renderNewsForm(w, r, http.StatusOK, f, nil)
}

func (s *Server) renderNewsForm(w http.ResponseWriter, r *http.Request, status int, f newsForm, problems map[string]string) {
	f.Kinds, f.Audiences = news.Kinds, news.Audiences
	title := "tools.news.new_title"
	if f.ID != 0 {
		title = "tools.news.edit_title"
	}
	s.render(w, r, status, "fascicolo_notizie_form", &View{Title: title, Errors: problems, Data: f})
}

// itemOfForm reads the posted form into an item.
func (s *Server) itemOfForm(r *http.Request) (news.Item, newsForm) {
	f := newsForm{Title: r.PostFormValue("title"), Date: strings.TrimSpace(r.PostFormValue("date")),
		Gestione: r.PostFormValue("gestione"), Kind: r.PostFormValue("kind"), Body: r.PostFormValue("body")}
	it := news.Item{Title: f.Title, Body: f.Body, Date: parseFormDate(f.Date), Gestione: news.Audience(f.Gestione),
		Kind: news.Kind(f.Kind), UpdatedBy: stateOf(r).actor.Label}
	it.Normalize()
	return it, f
}

// parseFormDate reads "2026-01-31" (the date input) or "31/01/2026"; a
// wrong date is the zero date, which validation refuses.
func parseFormDate(s string) civil.Date {
	if d, err := civil.Parse(s); err == nil {
		return d
	}
	if t, err := time.Parse("02/01/2006", s); err == nil {
		return civil.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
	}
	return civil.Date{}
}

// adminNewsCreate stores a new item, unpublished; nothing is stored when a
// field is wrong.
func (s *Server) adminNewsCreate(w http.ResponseWriter, r *http.Request) {
	it, f := s.itemOfForm(r)
	if err := it.Validate(); err != nil {
		s.renderNewsForm(w, r, http.StatusUnprocessableEntity, f, s.fieldErrors(r, err))
		return
	}
	if err := s.newsStore().Create(r.Context(), &it); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/fascicolo/notizie?esito=notizia-salvata", http.StatusSeeOther)
}

// adminItem loads the item of the URL, published or not.
func (s *Server) adminItem(w http.ResponseWriter, r *http.Request) (news.Item, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.renderError(w, r, http.StatusNotFound, "error.not_found")
		return news.Item{}, false
	}
	it, err := s.newsStore().Get(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return news.Item{}, false
	}
	return it, true
}

func (s *Server) adminNewsEdit(w http.ResponseWriter, r *http.Request) {
	it, ok := s.adminItem(w, r)
	if !ok {
		return
	}
	f := newsForm{ID: it.ID, Title: it.Title, Date: it.Date.String(), Gestione: string(it.Gestione), Kind: string(it.Kind),
		Body: it.Body, Published: it.Published}
	var err error
	if f.Preview, err = news.NewRenderer().HTML(it.Body); err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderNewsForm(w, r, http.StatusOK, f, nil)
}

// adminNewsUpdate saves the changes of an item; nothing is stored when a
// field is wrong.
func (s *Server) adminNewsUpdate(w http.ResponseWriter, r *http.Request) {
	old, ok := s.adminItem(w, r)
	if !ok {
		return
	}
	it, f := s.itemOfForm(r)
	it.ID, f.ID, f.Published = old.ID, old.ID, old.Published
	if err := it.Validate(); err != nil {
		s.renderNewsForm(w, r, http.StatusUnprocessableEntity, f, s.fieldErrors(r, err))
		return
	}
	if err := s.newsStore().Update(r.Context(), it); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/fascicolo/notizie?esito=notizia-salvata", http.StatusSeeOther)
}

// adminNewsPublish publishes (pubblica=1) or withdraws an item.
func (s *Server) adminNewsPublish(w http.ResponseWriter, r *http.Request) {
	it, ok := s.adminItem(w, r)
	if !ok {
		return
	}
	publish := r.PostFormValue("pubblica") == "1"
	if err := s.newsStore().SetPublished(r.Context(), it.ID, publish, stateOf(r).actor.Label); err != nil {
		s.fail(w, r, err)
		return
	}
	outcome := "notizia-ritirata"
	if publish {
		outcome = "notizia-pubblicata"
	}
	http.Redirect(w, r, "/fascicolo/notizie?esito="+outcome, http.StatusSeeOther)
}
