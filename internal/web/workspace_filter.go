package web

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/workspace"
)

// Bounds of the workspace's filter.
const (
	maxWithinDays   = 366
	maxSearchLength = 100
)

// workspaceForm is the workspace's filter as typed, for showing it back
// and for the links that keep it (sort, pages, CSV).
type workspaceForm struct {
	Gestione, Debito, Avvisi, Entro, Q, Ordina, Verso, Pagina string
}

// parseWorkspaceQuery reads the filter, search, order and page of the
// workspace from q; the problems are message ids by field.
func parseWorkspaceQuery(q url.Values) (workspace.Query, int, workspaceForm, map[string]string) {
	form := workspaceForm{Gestione: strings.TrimSpace(q.Get("gestione")), Debito: q.Get("debito"), Avvisi: q.Get("avvisi"),
		Entro: strings.TrimSpace(q.Get("entro")), Q: strings.TrimSpace(q.Get("q")), Ordina: q.Get("ordina"),
		Verso: q.Get("verso"), Pagina: strings.TrimSpace(q.Get("pagina"))}
	wq := workspace.Query{Gestione: strings.ToUpper(form.Gestione), WithDebt: form.Debito == "1",
		WithNotices: form.Avvisi == "1", Search: form.Q, Sort: form.Ordina, Desc: form.Verso == "desc"}
	bad := map[string]string{}
	if wq.Gestione != "" && !registry.Gestione(wq.Gestione).Valid() {
		bad["gestione"] = "workspace.filter.bad_gestione"
	}
	if form.Debito != "" && form.Debito != "1" {
		bad["debito"] = "workspace.filter.bad_flag"
	}
	if form.Avvisi != "" && form.Avvisi != "1" {
		bad["avvisi"] = "workspace.filter.bad_flag"
	}
	if form.Entro != "" {
		n, err := strconv.Atoi(form.Entro)
		if err != nil || n < 1 || n > maxWithinDays {
			bad["entro"] = "workspace.filter.bad_days"
		}
		wq.WithinDays = n
	}
	if utf8.RuneCountInString(form.Q) > maxSearchLength {
		bad["q"] = "workspace.filter.bad_search"
	}
	if form.Ordina != "" && !slices.Contains(workspace.SortKeys, form.Ordina) {
		bad["ordina"] = "workspace.filter.bad_sort"
	}
	if form.Verso != "" && form.Verso != "asc" && form.Verso != "desc" {
		bad["ordina"] = "workspace.filter.bad_sort"
	}
	page := 1
	if form.Pagina != "" {
		n, err := strconv.Atoi(form.Pagina)
		if err != nil || n < 1 {
			bad["pagina"] = "workspace.filter.bad_page"
		}
		page = n
	}
	return wq, page, form, bad
}

// query returns the filter and search as URL parameters, without the
// order and the page.
func (f workspaceForm) query() url.Values {
	q := url.Values{}
	for k, v := range map[string]string{"gestione": f.Gestione, "debito": f.Debito, "avvisi": f.Avvisi, "entro": f.Entro, "q": f.Q} {
		if v != "" {
			q.Set(k, v)
		}
	}
	return q
}

// ordered returns the filter with the order, without the page.
func (f workspaceForm) ordered() url.Values {
	q := f.query()
	if f.Ordina != "" {
		q.Set("ordina", f.Ordina)
	}
	if f.Verso != "" {
		q.Set("verso", f.Verso)
	}
	return q
}
