package web

import (
	"bytes"
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/web/static"
)

// TestInlinedMessagesRenderAsTheActionsDid renders every page that needs
// no page data, in each language, from the templates with the messages
// written in and from the templates as they are: the two pages are the
// same but for html/template's escaping of "+".
func TestInlinedMessagesRenderAsTheActionsDid(t *testing.T) {
	assets, err := static.New()
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewCatalog()
	if err != nil {
		t.Fatal(err)
	}
	plain, err := parseLanguage(assets, nil)
	if err != nil {
		t.Fatal(err)
	}
	compared := 0
	for _, lang := range Languages {
		inlined, err := parseLanguage(assets, c.Localizer(lang))
		if err != nil {
			t.Fatal(err)
		}
		for name, tmpl := range plain {
			v := &View{Localizer: c.Localizer(lang), Lang: lang, OtherLang: otherLang(lang), Path: "/", Title: "home.title",
				Actor: access.Actor{Kind: access.Anonymous}, Site: Site{Institution: "Istituto", SupportEmail: "a@b.it", LoginEnabled: true}}
			var want, got bytes.Buffer
			errWant := tmpl.ExecuteTemplate(&want, "layout", v)
			errGot := inlined[name].ExecuteTemplate(&got, "layout", v)
			if (errWant == nil) != (errGot == nil) {
				t.Fatalf("%s (%s): as they are: %v; inlined: %v", name, lang, errWant, errGot)
			}
			if errWant != nil {
				continue // the page needs its data
			}
			if w := strings.ReplaceAll(want.String(), "&#43;", "+"); w != got.String() {
				t.Errorf("%s (%s) differs:\n%s", name, lang, firstDifference(w, got.String()))
			}
			compared++
		}
	}
	t.Logf("%d pages compared", compared)
	if compared < 6 {
		t.Fatalf("only %d pages rendered without data: the comparison covers too little", compared)
	}
}

// firstDifference shows where a and b first differ.
func firstDifference(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return "as they are: …" + a[max(0, i-60):min(len(a), i+60)] + "\ninlined:      …" + b[max(0, i-60):min(len(b), i+60)]
}

// TestInlinedMessagesStandOnlyInTextAndAttributes keeps the messages that
// inlineMessages writes in out of the contexts where html/template would
// escape them otherwise than as HTML: URLs, scripts, styles and event
// handlers.
func TestInlinedMessagesStandOnlyInTextAndAttributes(t *testing.T) {
	forbidden := []*regexp.Regexp{
		regexp.MustCompile(`(?i)\s(href|src|action|formaction|style|on[a-z]+)="[^"]*\{\{\$?\.T "`),
		regexp.MustCompile(`(?is)<(script|style)[^>]*>[^<]*\{\{\$?\.T "`),
		regexp.MustCompile(`=\{\{\$?\.T "`), // an unquoted attribute value
	}
	files := 0
	err := fs.WalkDir(templateFS, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := fs.ReadFile(templateFS, p)
		if err != nil {
			return err
		}
		files++
		for _, re := range forbidden {
			if m := re.Find(src); m != nil {
				t.Errorf("%s: a message in a context html/template escapes otherwise: %s", p, m)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 40 {
		t.Fatalf("walked %d template files", files)
	}
}

func TestInlineMessagesWritesTextEscapedAndKeepsTheRest(t *testing.T) {
	c, err := NewCatalog()
	if err != nil {
		t.Fatal(err)
	}
	src := `<h1>{{.T "admin.topics.edit_title"}}</h1><p title="{{$.T "admin.topics.edit_title"}}">` +
		`{{.T "no.such.message"}} {{.T "ledger.dash.next_text" "N" 2}} {{.T .Title}}</p>`
	want := `<h1>Modifica dell&#39;ambito</h1><p title="Modifica dell&#39;ambito">` +
		`{{.T "no.such.message"}} {{.T "ledger.dash.next_text" "N" 2}} {{.T .Title}}</p>`
	if got := inlineMessages(src, c.Localizer("it")); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got := inlineMessages(`{{.T "admin.topics.edit_title"}}`, c.Localizer("en")); strings.Contains(got, "{{") || strings.Contains(got, "ambito") {
		t.Errorf("English: %s", got)
	}
}
