package web

import (
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// catalogue merges the message files of lang (LANG.json and every
// AREA.LANG.json); an id defined in two files is an error.
func catalogue(t *testing.T, lang string) map[string]string {
	t.Helper()
	files, err := fs.Glob(localeFS, "locales/*.json")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, f := range files {
		base := path.Base(f)
		if base != lang+".json" && !strings.HasSuffix(base, "."+lang+".json") {
			continue
		}
		b, err := localeFS.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		one := map[string]string{}
		if err := json.Unmarshal(b, &one); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for id, text := range one {
			if _, dup := m[id]; dup {
				t.Errorf("%s: message %s is defined twice", f, id)
			}
			m[id] = text
		}
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

func TestCountOfOneUsesTheOtherFormWhenThereIsNoOne(t *testing.T) {
	c, err := NewCatalog()
	if err != nil {
		t.Fatal(err)
	}
	got := c.Localizer("it").T("tools.calc.part_fixed", "Count", 1)
	if got != "Contributo fisso sul minimale (1 mesi)" {
		t.Errorf("count 1 gave %q, want the message's only form", got)
	}
}
