package web

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/workspace"
)

// TestWorkspaceMessagesAreTranslated checks the message ids the
// workspace's Go code uses (the catalogue test scans templates only for
// this area): the literal ids, every column and every delegation scope.
func TestWorkspaceMessagesAreTranslated(t *testing.T) {
	it, en := catalogue(t, "it"), catalogue(t, "en")
	ids := []string{"workspace.scope." + access.ScopeConsultation, "workspace.scope." + access.ScopeFull}
	for _, key := range workspace.SortKeys {
		ids = append(ids, "workspace.col."+key)
	}
	files, _ := filepath.Glob("workspace_*.go")
	re := regexp.MustCompile(`"(workspace\.[a-z_]+\.[a-z_.]+)"`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			ids = append(ids, m[1])
		}
	}
	if len(ids) < 25 {
		t.Fatalf("found only %d ids: the scan is broken", len(ids))
	}
	for _, id := range ids {
		if it[id] == "" || en[id] == "" {
			t.Errorf("%s is not in both workspace.it.json and workspace.en.json", id)
		}
	}
}
