package cli_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/demo"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

// documentsDB is the demo registry (its fixed identities, 10000002 the
// commerciante with two collaboratori) with the 2025 imposition.
func documentsDB(t *testing.T) string {
	t.Helper()
	url := storetest.Prepared(t, func(ctx context.Context, db *store.DB) error {
		_, err := demo.Load(ctx, db, demo.Options{Seed: 1, Positions: 1})
		return err
	})
	if _, errOut, code := runWith(t, url, "impose", "--year", "2025"); code != 0 {
		t.Fatalf("impose: %s", errOut)
	}
	return url
}

// pdftotext returns the text of a PDF file; skips without poppler-utils
// except in CI.
func pdftotext(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext (poppler-utils) is needed")
		}
		t.Skip("pdftotext not installed")
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// codelineOf returns the codice INPS of the titolare's rate of 2025.
func codelineOf(t *testing.T, url, number, kind string) (code, cf string) {
	t.Helper()
	db, err := store.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.R().QueryRow(context.Background(), `SELECT d.codeline, pe.codice_fiscale FROM dues d
		JOIN positions p ON p.id = d.position_id JOIN persons pe ON pe.id = p.titolare_id
		WHERE p.number = ? AND d.year = 2025 AND d.kind = ? AND d.subject_code = 10`, number, kind).Scan(&code, &cf)
	if err != nil {
		t.Fatal(err)
	}
	return code, cf
}

func TestDocumentsF24AndLetterToFiles(t *testing.T) {
	url := documentsDB(t)
	dir := t.TempDir()
	f24 := filepath.Join(dir, "f24.pdf")
	if _, errOut, code := runWith(t, url, "documents", "f24", "--position", "10000002", "--year", "2025", "--rata", "2",
		"--as-of", "2025-06-01", "-o", f24); code != 0 {
		t.Fatalf("f24: exit %d: %s", code, errOut)
	}
	codeline, cf := codelineOf(t, url, "10000002", "rata2")
	text := pdftotext(t, f24)
	for _, want := range []string{cf, codeline, "SEZIONE INPS", "04/2025", "06/2025"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q missing from the F24:\n%s", want, text)
		}
	}
	for _, subject := range []string{"1000000210", "1000000211", "1000000212"} { // the titolare and both collaboratori
		if !strings.Contains(text, subject+"2") {
			t.Errorf("no rate 2 of subject %s:\n%s", subject[8:], text)
		}
	}
	letter := filepath.Join(dir, "letter.pdf")
	if _, errOut, code := runWith(t, url, "documents", "letter", "--position", "10000002", "--year", "2025", "-o", letter); code != 0 {
		t.Fatalf("letter: exit %d: %s", code, errOut)
	}
	if text := pdftotext(t, letter); !strings.Contains(text, "Lettera informativa") || !strings.Contains(text, codeline) {
		t.Errorf("letter:\n%s", text)
	}
}

func TestDocumentsToStandardOutput(t *testing.T) {
	url := documentsDB(t)
	for _, kind := range []string{"statement", "dossier"} {
		out, errOut, code := runWith(t, url, "documents", kind, "--position", "10000001", "-o", "-")
		if code != 0 || !strings.HasPrefix(out, "%PDF-") || !strings.Contains(out, "%%EOF") {
			t.Errorf("%s: exit %d, %d bytes: %s", kind, code, len(out), errOut)
		}
	}
}

func TestDocumentsBadInput(t *testing.T) {
	url := documentsDB(t)
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"documents"}, 2, "say f24, letter, statement or dossier"},
		{[]string{"documents", "poster"}, 2, "unknown document"},
		{[]string{"documents", "f24", "--position", "123", "--year", "2025", "--rata", "1", "-o", "-"}, 2, "--position wants"},
		{[]string{"documents", "f24", "--position", "10000002", "--rata", "1", "-o", "-"}, 2, "--year wants"},
		{[]string{"documents", "f24", "--position", "10000002", "--year", "2025", "--rata", "5", "-o", "-"}, 2, "--rata wants"},
		{[]string{"documents", "letter", "--position", "10000002", "--year", "2025"}, 2, "-o wants"},
		{[]string{"documents", "dossier", "--position", "10000002", "-o", "-", "--as-of", "x"}, 2, "--as-of wants"},
		{[]string{"documents", "dossier", "--position", "10000002", "--bogus", "-o", "-"}, 2, "bogus"},
		{[]string{"documents", "dossier", "--position", "99999999", "-o", "-"}, 1, "position 99999999: not found"},
		{[]string{"documents", "f24", "--position", "10000002", "--year", "2025", "--rata", "saldo", "-o", "-"}, 1, "no saldo of 2025"},
	}
	for _, c := range cases {
		out, errOut, code := runWith(t, url, c.args...)
		if code != c.code || !strings.Contains(errOut, c.want) || strings.Count(strings.TrimSpace(errOut), "\n") > 0 || out != "" {
			t.Errorf("%v: exit %d (want %d), stderr %q (want %q)", c.args, code, c.code, errOut, c.want)
		}
	}
}
