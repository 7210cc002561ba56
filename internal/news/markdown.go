package news

import (
	"bytes"
	"html/template"
	"net/url"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Renderer turns Markdown bodies into safe HTML: raw HTML is dropped (the
// goldmark default), links and images keep only http, https, mailto and
// relative destinations, and headings start at level 2 (the page's title
// is the level 1 heading).
type Renderer struct{ md goldmark.Markdown }

// NewRenderer returns a renderer; it holds no state between calls.
func NewRenderer() *Renderer {
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(safety{}, 100))),
	)
	return &Renderer{md: md}
}

// HTML renders body. The result is safe to put in a page as it is.
func (r *Renderer) HTML(body string) (template.HTML, error) {
	var buf bytes.Buffer
	if err := r.md.Convert([]byte(body), &buf); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil //nolint:gosec // goldmark without WithUnsafe escapes; safety{} filters links
}

// safety is the AST pass that shifts headings and removes unsafe links.
type safety struct{}

// Transform implements parser.ASTTransformer.
func (safety) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	source := reader.Source()
	var unsafe []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch v := n.(type) {
		case *ast.Heading:
			v.Level = min(v.Level+1, 6)
		case *ast.Link:
			if !SafeURL(string(v.Destination)) {
				unsafe = append(unsafe, n)
			}
		case *ast.Image:
			if !SafeURL(string(v.Destination)) {
				unsafe = append(unsafe, n)
			}
		case *ast.AutoLink:
			if v.AutoLinkType == ast.AutoLinkURL && !SafeURL(string(v.URL(source))) {
				v.AppendChild(v, ast.NewString(v.Label(source))) // kept as text when unwrapped
				unsafe = append(unsafe, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range unsafe {
		unwrap(n)
	}
}

// unwrap replaces n by its children: the text of an unsafe link stays,
// without the link.
func unwrap(n ast.Node) {
	parent := n.Parent()
	if parent == nil {
		return
	}
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		n.RemoveChild(n, c)
		parent.InsertBefore(parent, n, c)
		c = next
	}
	parent.RemoveChild(parent, n)
}

// SafeURL reports whether a link destination may be followed: a relative
// reference, or an absolute URL with scheme http, https or mailto.
func SafeURL(s string) bool {
	clean := strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1 // browsers ignore control characters and spaces inside schemes
		}
		return r
	}, s)
	u, err := url.Parse(clean)
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "", "http", "https", "mailto":
		return !strings.Contains(strings.ToLower(clean), "script:")
	}
	return false
}
