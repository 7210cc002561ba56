// Package vectortest gives tests the RULES.md test vectors: the copy kept in
// internal/contrib/testdata/vectors, so tests pass on a fresh clone, and the
// latest ones in ../shared/vectors beside the repository when that folder
// exists (CI has it). It also compares JSON and shows a diff.
package vectortest

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// Dirs returns the vector folders that exist: the testdata copy first, then
// the shared folder.
func Dirs() []string {
	_, file, _, _ := runtime.Caller(0)
	contrib := filepath.Join(filepath.Dir(file), "..")
	var out []string
	for _, d := range []string{
		filepath.Join(contrib, "testdata", "vectors"),
		filepath.Join(contrib, "..", "..", "..", "shared", "vectors"),
	} {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			out = append(out, filepath.Clean(d))
		}
	}
	return out
}

// Each runs fn as a subtest for every copy of the vector file name (such as
// "contributions.json"), named after its folder, with the file decoded into a
// new value of type T. The testdata copy must exist.
func Each[T any](t *testing.T, name string, fn func(t *testing.T, v T)) {
	t.Helper()
	dirs := Dirs()
	if len(dirs) == 0 {
		t.Fatal("vectortest: no vector folder found")
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(filepath.Dir(dir))+"/"+name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			var v T
			if err := json.Unmarshal(data, &v); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			fn(t, v)
		})
	}
}

// Equal reports whether two JSON documents hold the same values.
func Equal(a, b []byte) bool {
	var x, y any
	return json.Unmarshal(a, &x) == nil && json.Unmarshal(b, &y) == nil && reflect.DeepEqual(x, y)
}

// Diff returns a line diff of two JSON documents after indenting them alike:
// lines only in want start with "-", lines only in got with "+".
func Diff(want, got []byte) string {
	w, g := lines(want), lines(got)
	// Longest common subsequence of lines, then walk it.
	lcs := make([][]int, len(w)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(g)+1)
	}
	for i := len(w) - 1; i >= 0; i-- {
		for j := len(g) - 1; j >= 0; j-- {
			if w[i] == g[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var b strings.Builder
	i, j := 0, 0
	for i < len(w) || j < len(g) {
		switch {
		case i < len(w) && j < len(g) && w[i] == g[j]:
			b.WriteString("  " + w[i] + "\n")
			i, j = i+1, j+1
		case i < len(w) && (j == len(g) || lcs[i+1][j] >= lcs[i][j+1]):
			b.WriteString("- " + w[i] + "\n")
			i++
		default:
			b.WriteString("+ " + g[j] + "\n")
			j++
		}
	}
	return b.String()
}

func lines(doc []byte) []string {
	var v any
	if err := json.Unmarshal(doc, &v); err != nil {
		return strings.Split(string(doc), "\n")
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
	return strings.Split(strings.TrimRight(buf.String(), "\n"), "\n")
}
