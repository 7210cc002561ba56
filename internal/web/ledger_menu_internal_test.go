package web

import (
	"bytes"
	"html/template"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/registry"
)

// menuTemplate is the position menu as the layout rendered it before
// PositionMenuHTML: the reference the Go rendering must equal.
const menuTemplate = `{{define "menu_item"}}<li class="nav-item"><a class="nav-link{{if .Active}} active{{end}}"{{if .Active}} aria-current="page"{{end}} href="{{.Href}}">{{.Label}}</a></li>{{end}}` +
	`<div class="row g-2">{{range .PositionMenu}}<div class="col-12 {{.Width}}"><p class="menu-group mb-1" id="{{.ID}}">{{.Label}}</p>` +
	`<ul class="nav flex-wrap" aria-labelledby="{{.ID}}">{{range .Items}}{{template "menu_item" .}}{{end}}</ul></div>{{end}}</div>`

// TestPositionMenuHTMLIsWhatTheTemplateRendered renders the menu of a
// titolare and of an intermediary, on every section, in both languages,
// with a label that needs escaping, by the template and by Go: the same
// HTML but for line breaks.
func TestPositionMenuHTMLIsWhatTheTemplateRendered(t *testing.T) {
	c, err := NewCatalog()
	if err != nil {
		t.Fatal(err)
	}
	ref := template.Must(template.New("menu").Parse(menuTemplate))
	pos := &registry.PositionView{Position: registry.Position{Number: "10000001", TitolareID: 7}}
	actors := []access.Actor{{Kind: access.Citizen, PersonID: 7, Profile: access.Self},
		{Kind: access.Citizen, PersonID: 9, Profile: access.Intermediary}}
	navs := []string{"dashboard", "accessi", "situazione", "scadenze", "fascicolo.pdf", "altro"}
	compared := 0
	for _, lang := range Languages {
		for _, actor := range actors {
			for _, nav := range navs {
				v := &View{Localizer: c.Localizer(lang), Lang: lang, Actor: actor, Position: pos, Nav: nav}
				var want bytes.Buffer
				if err := ref.Execute(&want, v); err != nil {
					t.Fatal(err)
				}
				got := strings.ReplaceAll(string(v.PositionMenuHTML()), "\n", "")
				if got != want.String() {
					t.Errorf("%s, %s, %s:\n%s", lang, actor.Profile, nav, firstDifference(want.String(), got))
				}
				compared++
			}
		}
	}
	escaped := menuItem{Active: true, Href: `/posizioni/1/"x" (è)?a=1&b=%41%zz'`, Label: `<b>Tom & "Jerry"</b>`}
	var want bytes.Buffer
	if err := ref.ExecuteTemplate(&want, "menu_item", escaped); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	writeMenuItem(&b, escaped)
	if got := strings.TrimPrefix(b.String(), "\n"); got != want.String() {
		t.Errorf("an entry that needs escaping:\n%s", firstDifference(want.String(), got))
	}
	if compared != 24 {
		t.Fatalf("%d menus compared", compared)
	}
}
