package web

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/news"
)

// TestToolMessagesAreTranslated checks the tools' message ids the Go code
// asks for (the template scan does not see them) and those built from a
// value in the templates (months, kinds, audiences, reductions, rate
// digits) in both languages.
func TestToolMessagesAreTranslated(t *testing.T) {
	it, en := catalogue(t, "it"), catalogue(t, "en")
	ids := map[string]bool{}
	re := regexp.MustCompile(`"(tools\.[a-z0-9_.-]+[a-z0-9_])"`)
	var files []string
	for _, pat := range []string{"tools_*.go", "news_*.go", "calendar_*.go", "../news/*.go"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			ids[m[1]] = true
		}
	}
	for m := 1; m <= 12; m++ {
		ids[fmt.Sprintf("tools.month.%d", m)] = true
	}
	for r := 1; r <= 9; r++ {
		ids[fmt.Sprintf("tools.code.rata.%d", r)] = true
	}
	for _, k := range news.Kinds {
		ids["tools.news.kind."+string(k)] = true
	}
	for _, a := range news.Audiences {
		ids["tools.news.audience."+string(a)] = true
	}
	for _, r := range calcReductions {
		ids["tools.calc.reduction."+r] = true
	}
	ids["tools.calc.role.titolare"], ids["tools.calc.role.collaboratore"] = true, true
	if len(ids) < 60 {
		t.Fatalf("found only %d ids: the scan is broken", len(ids))
	}
	for id := range ids {
		if it[id] == "" || en[id] == "" {
			t.Errorf("%s: it %q, en %q", id, it[id], en[id])
		}
	}
}
