package web

import (
	"html"
	"html/template"
	"strings"
)

// PositionMenuHTML is the whole position menu of PositionMenu as HTML,
// written here rather than by a template: its fifty-odd actions cost
// about a hundred microseconds a page, a sixth of a dashboard. Every
// text and attribute is HTML-escaped; the links are paths made of the
// position number and fixed segments.
func (v *View) PositionMenuHTML() template.HTML {
	var b strings.Builder
	b.Grow(3072)
	b.WriteString(`<div class="row g-2">`)
	for _, g := range v.PositionMenu() {
		id := html.EscapeString(g.ID)
		b.WriteString("\n<div class=\"col-12 " + html.EscapeString(g.Width) + "\">\n<p class=\"menu-group mb-1\" id=\"" + id + "\">")
		b.WriteString(html.EscapeString(g.Label))
		b.WriteString("</p>\n<ul class=\"nav flex-wrap\" aria-labelledby=\"" + id + "\">")
		for _, it := range g.Items {
			writeMenuItem(&b, it)
		}
		b.WriteString("\n</ul>\n</div>")
	}
	b.WriteString("\n</div>")
	return template.HTML(b.String())
}

// writeMenuItem writes one entry as the template "menu_item" does.
func writeMenuItem(b *strings.Builder, it menuItem) {
	b.WriteString("\n<li class=\"nav-item\"><a class=\"nav-link")
	if it.Active {
		b.WriteString(` active" aria-current="page`)
	}
	b.WriteString(`" href="` + html.EscapeString(normalizeURL(it.Href)) + `">` + html.EscapeString(it.Label) + "</a></li>")
}

// normalizeURL percent-encodes the bytes of a URL that html/template's
// normalizer encodes in an attribute (it keeps the unreserved and
// reserved characters of RFC 3986 but the single quote and the
// parentheses, and valid escapes).
func normalizeURL(s string) string {
	const hex = "0123456789abcdef"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("-._~!#$&*+,/:;=?@[]", c) >= 0:
			b.WriteByte(c)
		case c == '%' && i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2]):
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
