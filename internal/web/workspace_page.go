package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/audit"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/workspace"
)

// workspaceData is the intermediary's home: a page of his clients,
// filtered, searched and sorted, with the pending invitations.
type workspaceData struct {
	Intermediary bool // the actor acts as intermediary; else the page only says what it is for
	Form         workspaceForm
	Gestioni     []registry.Gestione
	Columns      []sortColumn
	Rows         []workspace.Row
	Clients      int // every client, before the filter
	Found        int // clients the filter keeps
	Pending      int
	Page, Pages  int
	Prev, Next   template.URL
	CSV          template.URL
	Filtered     bool
	Invalid      bool // the filter has problems: no list, the messages beside the fields
	Zip          zipForm
	Rates        []int // the fixed rates the zip offers
}

// Input returns the view of one text input of the page's forms.
func (workspaceData) Input(v *View, name, label, value, hint string) filterInput {
	return filterInput{V: v, Name: name, Label: label, Value: value, Hint: hint, Error: v.FieldError(name)}
}

// sortColumn is a header of the clients' table with its sort link.
type sortColumn struct {
	Key, Label string
	Href       template.URL
	Sorted     string // "ascending", "descending" or "" (aria-sort)
	Numeric    bool
}

// zipForm is the form of the zip of one rate's F24s, as typed.
type zipForm struct{ Anno, Rata string }

func (s *Server) workspacePage(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	if st.actor.Profile == access.NoProfile {
		http.Redirect(w, r, "/profilo?next="+url.QueryEscape("/intermediario"), http.StatusSeeOther)
		return
	}
	wq, page, form, bad := parseWorkspaceQuery(r.URL.Query())
	data := workspaceData{Form: form, Filtered: len(form.query()) > 0, Zip: zipForm{Anno: strconv.Itoa(s.today().Year)}}
	s.showWorkspace(w, r, &data, wq, page, bad)
}

// showWorkspace loads the clients into data and renders the page; bad are
// the problems of the request, shown beside their fields with a 422.
func (s *Server) showWorkspace(w http.ResponseWriter, r *http.Request, data *workspaceData, wq workspace.Query, page int, bad map[string]string) {
	st := stateOf(r)
	data.Intermediary = st.actor.Profile == access.Intermediary
	data.Rates = []int{1, 2, 3, 4}
	if data.Gestioni == nil {
		data.Gestioni = []registry.Gestione{registry.Artigiani, registry.Commercianti}
	}
	data.Columns = sortColumns(s.localizer(r), data.Form)
	data.CSV = template.URL("/intermediario.csv?" + data.Form.ordered().Encode())
	v := &View{Title: "workspace.title", Data: data}
	for field := range bad {
		data.Invalid = data.Invalid || field != "anno" && field != "rata" // the zip's problems leave the list
	}
	if data.Intermediary {
		ws, err := s.loadWorkspace(r)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		data.Clients, data.Pending = len(ws.Rows), ws.Pending
		if !data.Invalid {
			rows := wq.Filter(ws.Rows, s.today())
			data.Found = len(rows)
			data.Rows, data.Page, data.Pages = workspace.Page(rows, page)
			data.Prev, data.Next = pageLinks(data.Form, data.Page, data.Pages)
			if err := s.auditClients(r, data.Rows, "area intermediario (elenco clienti)"); err != nil {
				s.fail(w, r, err)
				return
			}
		}
	}
	if len(bad) > 0 {
		v.Errors = map[string]string{}
		for field, id := range bad {
			v.Errors[field] = s.translate(r, id)
		}
		s.render(w, r, http.StatusUnprocessableEntity, "intermediario", v)
		return
	}
	s.render(w, r, http.StatusOK, "intermediario", v)
}

// auditClients records, before they are shown, that the intermediary read
// the figures of each client of rows: one access-log entry per position.
func (s *Server) auditClients(r *http.Request, rows []workspace.Row, detail string) error {
	st := stateOf(r)
	es := make([]audit.Entry, 0, len(rows))
	for _, row := range rows {
		es = append(es, audit.Entry{At: s.Now(), ActorKind: string(access.Citizen), ActorID: st.actor.PersonID,
			ActorLabel: st.actor.Label, ActingAs: "intermediary", PositionID: row.PositionID,
			Action: string(access.ViewPosition), Detail: detail, IP: clientIP(r)})
	}
	return s.Audit.AppendAll(r.Context(), es)
}

// loadWorkspace reads the workspace of the request's intermediary.
func (s *Server) loadWorkspace(r *http.Request) (workspace.Workspace, error) {
	return workspace.Load(r.Context(), store.NewWorkspace(s.DB), s.Ledger, stateOf(r).actor.PersonID, s.today())
}

// pageLinks returns the links to the previous and next pages, "" at the ends.
func pageLinks(f workspaceForm, page, pages int) (prev, next template.URL) {
	link := func(n int) template.URL {
		q := f.ordered()
		if n > 1 {
			q.Set("pagina", strconv.Itoa(n))
		}
		return template.URL("/intermediario?" + q.Encode())
	}
	if page > 1 {
		prev = link(page - 1)
	}
	if page < pages {
		next = link(page + 1)
	}
	return prev, next
}

// sortColumns returns the table's headers: each links to the order by its
// column, ascending, or descending when it is already ascending.
func sortColumns(loc *Localizer, f workspaceForm) []sortColumn {
	numeric := map[string]bool{workspace.ByDebt: true, workspace.ByOverdue: true, workspace.ByNextAmt: true,
		workspace.ByNotices: true, workspace.ByUnread: true}
	current := f.Ordina
	if current == "" {
		current = workspace.ByNumber
	}
	out := make([]sortColumn, 0, len(workspace.SortKeys))
	for _, key := range workspace.SortKeys {
		c := sortColumn{Key: key, Label: loc.T("workspace.col." + key), Numeric: numeric[key]}
		q := f.query()
		q.Set("ordina", key)
		if key == current {
			c.Sorted = "ascending"
			if f.Verso == "desc" {
				c.Sorted = "descending"
			} else {
				q.Set("verso", "desc")
			}
		}
		c.Href = template.URL("/intermediario?" + q.Encode())
		out = append(out, c)
	}
	return out
}

// landing is where a citizen goes after login or after choosing a
// profile when no page was asked for: the workspace for an intermediary,
// the position picker otherwise.
func landing(p access.Profile) string {
	if p == access.Intermediary {
		return "/intermediario"
	}
	return "/posizioni"
}
