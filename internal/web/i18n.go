package web

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"strings"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

//go:embed locales/*.json
var localeFS embed.FS

// Languages are the languages of the user interface, Italian first.
var Languages = []string{"it", "en"}

const langCookie = "cassetto_lang"

// Catalog holds the translated messages.
type Catalog struct {
	bundle *i18n.Bundle
	byLang map[string]*Localizer // one shared translator per language of Languages
}

// NewCatalog loads the embedded message files: locales/LANG.json and one
// file per area of the portal, locales/AREA.LANG.json.
func NewCatalog() (*Catalog, error) {
	b := i18n.NewBundle(language.Italian)
	b.RegisterUnmarshalFunc("json", json.Unmarshal)
	files, err := fs.Glob(localeFS, "locales/*.json")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		if _, err := b.LoadMessageFileFS(localeFS, f); err != nil {
			return nil, fmt.Errorf("web: messages %s: %w", f, err)
		}
	}
	c := &Catalog{bundle: b, byLang: map[string]*Localizer{}}
	for _, lang := range Languages {
		c.byLang[lang] = c.newLocalizer(lang)
	}
	return c, nil
}

// Lang picks the language of r: the one chosen with the language switch
// (a cookie), else Italian. The interface is Italian first: the browser's
// Accept-Language is not followed, so every user starts from the same page.
func (c *Catalog) Lang(r *http.Request) string {
	if ck, err := r.Cookie(langCookie); err == nil && contains(Languages, ck.Value) {
		return ck.Value
	}
	return "it"
}

// Localizer translates message ids into one language. It is safe for
// concurrent use: the pages of a language share one.
type Localizer struct {
	lang  string
	loc   *i18n.Localizer
	plain sync.Map // id -> text of the messages found, asked without arguments
}

// Localizer returns the translator for lang.
func (c *Catalog) Localizer(lang string) *Localizer {
	if l, ok := c.byLang[lang]; ok {
		return l
	}
	return c.newLocalizer(lang)
}

func (c *Catalog) newLocalizer(lang string) *Localizer {
	return &Localizer{lang: lang, loc: i18n.NewLocalizer(c.bundle, lang)}
}

// T translates id; args are key/value pairs for the message template, and
// an int "Count" selects the plural form. A missing id shows the id itself,
// which the catalogue test catches. The text of an id found in the
// catalogue and asked without arguments is kept: a page asks for hundreds
// of them, and the catalogue bounds what is kept.
func (l *Localizer) T(id string, args ...any) string {
	if len(args) == 0 {
		if s, ok := l.plain.Load(id); ok {
			return s.(string)
		}
		s, err := l.loc.Localize(&i18n.LocalizeConfig{MessageID: id})
		if err != nil || s == "" {
			return id
		}
		l.plain.Store(id, s)
		return s
	}
	data := map[string]any{}
	var count any
	for i := 0; i+1 < len(args); i += 2 {
		k := fmt.Sprint(args[i])
		data[k] = args[i+1]
		if k == "Count" {
			count = args[i+1]
		}
	}
	s, err := l.loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: count})
	if err != nil && count != nil {
		// A message without a "one" form serves every count with its
		// "other" text rather than showing its id.
		s, err = l.loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data})
	}
	if err != nil || s == "" {
		return id
	}
	return s
}

// Has reports whether id is in the catalogue of l's language.
func (l *Localizer) Has(id string) bool {
	_, err := l.loc.Localize(&i18n.LocalizeConfig{MessageID: id})
	return err == nil
}

// otherLang returns the language the switch offers.
func otherLang(lang string) string {
	if strings.HasPrefix(lang, "en") {
		return "it"
	}
	return "en"
}
