package web

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

func catalogue(t *testing.T, lang string) map[string]string {
	t.Helper()
	b, err := localeFS.ReadFile("locales/" + lang + ".json")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// usedIDs collects the message ids the templates ask for with T "…" and
// the ids the domain packages return in their errors.
func usedIDs(t *testing.T) []string {
	t.Helper()
	ids := map[string]bool{}
	tmplRe := regexp.MustCompile(`\.T "([a-z_.-]+)"`)
	err := fs.WalkDir(templateFS, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := templateFS.ReadFile(p)
		for _, m := range tmplRe.FindAllStringSubmatch(string(b), -1) {
			ids[m[1]] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	goRe := regexp.MustCompile(`"((?:contact|cf|person|staff\.login|profile|login|error|totp|audit|flash)\.[a-z_.-]+)"`)
	for _, dir := range []string{".", "../registry", "../codicefiscale"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			b, _ := os.ReadFile(f)
			for _, m := range goRe.FindAllStringSubmatch(string(b), -1) {
				ids[m[1]] = true
			}
		}
	}
	for _, f := range flashes {
		ids["flash."+f] = true
	}
	out := make([]string, 0, len(ids))
	for id := range ids {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

func TestEveryMessageIsTranslated(t *testing.T) {
	it, en := catalogue(t, "it"), catalogue(t, "en")
	used := usedIDs(t)
	if len(used) < 100 {
		t.Fatalf("found only %d message ids: the scan is broken", len(used))
	}
	for _, id := range used {
		if it[id] == "" {
			t.Errorf("%s has no Italian text", id)
		}
		if en[id] == "" {
			t.Errorf("%s has no English text", id)
		}
	}
	for id := range it {
		if _, ok := en[id]; !ok {
			t.Errorf("%s is in Italian only", id)
		}
	}
	for id := range en {
		if _, ok := it[id]; !ok {
			t.Errorf("%s is in English only", id)
		}
	}
}
