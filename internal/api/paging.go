package api

import (
	"encoding/base64"
	"net/http"
	"net/url"
	"strconv"
)

// Page sizes of the lists.
const (
	defaultLimit = 50
	maxLimit     = 100
)

// params collects the problems of a request's query parameters.
type params struct {
	q        url.Values
	problems []fieldError
}

func newParams(r *http.Request) *params { return &params{q: r.URL.Query()} }

func (p *params) bad(name, reason string) {
	p.problems = append(p.problems, fieldError{Name: name, Reason: reason})
}

// limit reads ?limit= (1–100, default 50).
func (p *params) limit() int {
	s := p.q.Get("limit")
	if s == "" {
		return defaultLimit
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > maxLimit {
		p.bad("limit", "an integer from 1 to 100")
		return defaultLimit
	}
	return n
}

// cursor reads the opaque ?cursor= into its plain text.
func (p *params) cursor() string {
	s := p.q.Get("cursor")
	if s == "" {
		return ""
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(b) == 0 || len(s) > 200 {
		p.bad("cursor", "not a cursor of this API: use the next link of the previous page")
		return ""
	}
	return string(b)
}

// year reads ?anno= (1990–2100; 0 when absent).
func (p *params) year() int {
	s := p.q.Get("anno")
	if s == "" {
		return 0
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 1990 || y > 2100 {
		p.bad("anno", "a year from 1990 to 2100")
		return 0
	}
	return y
}

// ok answers 422 with the problems found, if any, and reports whether
// there were none.
func (p *params) ok(a *API, w http.ResponseWriter, r *http.Request) bool {
	if len(p.problems) == 0 {
		return true
	}
	a.problem(w, r, problemInvalid, "", p.problems)
	return false
}

// nextLink returns the link to the page after cursor (plain text), keeping
// the other parameters; nil when there is none.
func nextLink(r *http.Request, cursor string) *string {
	if cursor == "" {
		return nil
	}
	q := r.URL.Query()
	q.Set("cursor", base64.RawURLEncoding.EncodeToString([]byte(cursor)))
	s := r.URL.Path + "?" + q.Encode()
	return &s
}
