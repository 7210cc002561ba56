package news

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

// Kind is the kind of an item.
type Kind string

// The kinds, in the order the filters offer them.
const (
	Circolare Kind = "circolare" // an INPS circular
	Messaggio Kind = "messaggio" // an INPS message
	Notizia   Kind = "notizia"   // news of the portal
)

// Kinds lists the kinds.
var Kinds = []Kind{Circolare, Messaggio, Notizia}

// Audience is the gestione an item is for.
type Audience string

// The audiences: artigiani, commercianti, or both.
const (
	Artigiani    Audience = "AR"
	Commercianti Audience = "CO"
	Both         Audience = "ALL"
)

// Audiences lists the audiences.
var Audiences = []Audience{Both, Artigiani, Commercianti}

// Limits of the fields.
const (
	MaxTitle = 200    // characters
	MaxBody  = 50_000 // characters
)

// Item is one circolare, messaggio or notizia.
type Item struct {
	ID         int64
	NaturalKey string // "" for items written in the back office; the demo seed's key otherwise
	Title      string
	Body       string // Markdown
	Date       civil.Date
	Gestione   Audience
	Kind       Kind
	Published  bool
	UpdatedBy  string
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// Normalize trims the title and the body's trailing space.
func (it *Item) Normalize() {
	it.Title = strings.TrimSpace(it.Title)
	it.Body = strings.TrimRight(it.Body, " \t\r\n")
}

// Validate reports the field problems of it as an errs.Invalid error whose
// messages are ids of the tools area (tools.news.err_*).
func (it Item) Validate() error {
	var v errs.Validation
	switch n := utf8.RuneCountInString(it.Title); {
	case n == 0:
		v.Add("title", "tools.news.err_title_required")
	case n > MaxTitle:
		v.Add("title", "tools.news.err_title_long")
	}
	switch n := utf8.RuneCountInString(it.Body); {
	case strings.TrimSpace(it.Body) == "":
		v.Add("body", "tools.news.err_body_required")
	case n > MaxBody:
		v.Add("body", "tools.news.err_body_long")
	}
	if it.Date.IsZero() || it.Date.Year < 2000 || it.Date.Year > 2999 {
		v.Add("date", "tools.news.err_date")
	}
	if !validAudience(it.Gestione) {
		v.Add("gestione", "tools.news.err_gestione")
	}
	if !validKind(it.Kind) {
		v.Add("kind", "tools.news.err_kind")
	}
	return v.Err()
}

func validKind(k Kind) bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}

func validAudience(a Audience) bool {
	for _, x := range Audiences {
		if x == a {
			return true
		}
	}
	return false
}

// ParseKind returns the kind named s, or "" when s names none.
func ParseKind(s string) Kind {
	if validKind(Kind(s)) {
		return Kind(s)
	}
	return ""
}

// ParseAudience returns the audience named s, or "" when s names none.
func ParseAudience(s string) Audience {
	if validAudience(Audience(s)) {
		return Audience(s)
	}
	return ""
}

// Filter selects published items for the public list; zero fields match
// everything. Gestione AR matches the items for AR and those for both.
type Filter struct {
	Gestione Audience
	Kind     Kind
	Page     int // from 1
	PerPage  int
}

// Page is one page of items, newest first.
type Page struct {
	Items   []Item
	Page    int
	HasNext bool
}

// Store is the storage of the news. Get methods return an errs.NotFound
// error when nothing matches.
type Store interface {
	// Create inserts it and sets its ID.
	Create(ctx context.Context, it *Item) error
	// Update replaces the fields of the item it.ID (not its publication).
	Update(ctx context.Context, it Item) error
	// SetPublished publishes or withdraws item id.
	SetPublished(ctx context.Context, id int64, published bool, by string) error
	// Get returns item id, published or not.
	Get(ctx context.Context, id int64) (Item, error)
	// All returns a page of every item, newest first (the back office).
	All(ctx context.Context, page, perPage int) (Page, error)
	// Published returns a page of the published items matching f.
	Published(ctx context.Context, f Filter) (Page, error)
}
