package web

import (
	"regexp"
	"strings"
)

var (
	betweenTags = regexp.MustCompile(`>\s+<`)
	blankRun    = regexp.MustCompile(`\s+`)
)

// normHTML is s with the whitespace between tags dropped, every other run
// of whitespace made one space, and html/template's "&#43;" written "+":
// what the tests of the rows written in Go compare with the templates
// they replaced.
func normHTML(s string) string {
	s = strings.ReplaceAll(s, "&#43;", "+")
	return strings.TrimSpace(blankRun.ReplaceAllString(betweenTags.ReplaceAllString(s, "><"), " "))
}
