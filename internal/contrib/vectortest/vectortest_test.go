package vectortest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDirsStartWithTheTestdataCopy(t *testing.T) {
	dirs := Dirs()
	if len(dirs) == 0 || !strings.HasSuffix(filepath.ToSlash(dirs[0]), "internal/contrib/testdata/vectors") {
		t.Fatalf("dirs %v", dirs)
	}
	if len(dirs) == 2 {
		for _, name := range []string{"contributions.json", "codelines.json", "due_dates.json", "sanctions.json", "months.json"} {
			a, _ := os.ReadFile(filepath.Join(dirs[0], name))
			b, _ := os.ReadFile(filepath.Join(dirs[1], name))
			if !Equal(a, b) {
				t.Logf("%s: the testdata copy differs from the shared vectors; copy the new ones in", name)
			}
		}
	}
}

func TestEqualComparesValuesNotLayout(t *testing.T) {
	if !Equal([]byte(`{"a": "1.00", "b": [1, 2]}`), []byte("{\"b\":[1,2],\n\"a\":\"1.00\"}")) {
		t.Error("same values, other layout: not equal")
	}
	if Equal([]byte(`{"a": "1.00"}`), []byte(`{"a": "1.0"}`)) || Equal([]byte(`{"a": 1}`), []byte(`not json`)) {
		t.Error("different documents equal")
	}
}

func TestDiffMarksChangedLines(t *testing.T) {
	d := Diff([]byte(`{"n": 1, "amount": "1137.43", "due": "2025-05-16"}`), []byte(`{"n": 1, "amount": "1137.41", "due": "2025-05-16"}`))
	want := "  {\n-   \"amount\": \"1137.43\",\n+   \"amount\": \"1137.41\",\n    \"due\": \"2025-05-16\",\n    \"n\": 1\n  }\n"
	if d != want {
		t.Fatalf("diff:\n%s", d)
	}
}
