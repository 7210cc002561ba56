package web

import (
	"fmt"
	"html"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"strings"
)

// parsePages parses, for each language of the interface, the layout with
// every page under templates/pages, the text of the messages without
// arguments written into the templates (inlineMessages). It fails at
// start on any template error, and executes nothing.
func parsePages(assets Assets, c *Catalog) (pages, error) {
	out := pages{}
	for _, lang := range Languages {
		set, err := parseLanguage(assets, c.Localizer(lang))
		if err != nil {
			return nil, fmt.Errorf("web: templates (%s): %w", lang, err)
		}
		out[lang] = set
	}
	return out, nil
}

// parseLanguage parses the pages with the messages of l written in; with
// a nil l, the templates as they are.
func parseLanguage(assets Assets, l *Localizer) (map[string]*template.Template, error) {
	base := template.New("layout").Funcs(funcs(assets))
	shared, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	for _, n := range shared {
		if err := parseFile(base, n, l); err != nil {
			return nil, fmt.Errorf("layout: %w", err)
		}
	}
	names, err := fs.Glob(templateFS, "templates/pages/*.html")
	if err != nil {
		return nil, err
	}
	out := map[string]*template.Template{}
	for _, n := range names {
		t := template.Must(base.Clone())
		if err := parseFile(t, n, l); err != nil {
			return nil, fmt.Errorf("page %s: %w", n, err)
		}
		out[strings.TrimSuffix(path.Base(n), ".html")] = t
	}
	return out, nil
}

// parseFile adds the templates of the embedded file name to t.
func parseFile(t *template.Template, name string, l *Localizer) error {
	src, err := fs.ReadFile(templateFS, name)
	if err != nil {
		return err
	}
	text := string(src)
	if l != nil {
		text = inlineMessages(text, l)
	}
	_, err = t.New(path.Base(name)).Parse(text)
	return err
}

// staticMessage is an action that prints a message without arguments:
// {{.T "id"}} or {{$.T "id"}}.
var staticMessage = regexp.MustCompile(`\{\{\$?\.T "([A-Za-z0-9_.\-]+)"\}\}`)

// inlineMessages replaces in the source of a template each action that
// prints a message without arguments with the message's text in l's
// language, HTML-escaped. A page prints hundreds of such messages, and
// each action costs two reflective calls at every execution (the
// method, then html/template's escaper); written in once per language,
// they cost nothing. The escaped text is what html/template would print
// in the contexts these actions stand in — element text and quoted
// attribute values (TestInlinedMessagesStandOnlyInTextAndAttributes
// keeps them out of URLs, scripts and styles) — apart from the "+" sign,
// which html/template also escapes. Messages missing from the catalogue,
// or whose text holds template delimiters, stay actions.
func inlineMessages(src string, l *Localizer) string {
	return staticMessage.ReplaceAllStringFunc(src, func(action string) string {
		id := staticMessage.FindStringSubmatch(action)[1]
		if !l.Has(id) {
			return action
		}
		text := l.T(id)
		if strings.Contains(text, "{{") || strings.Contains(text, "}}") {
			return action
		}
		return html.EscapeString(text)
	})
}
