package web_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/store"
)

// noticeDocument returns the id of p1's document of its avviso bonario,
// writing the ledger on first use.
func (w *world) noticeDocument() int64 {
	w.t.Helper()
	q := `SELECT id FROM documents WHERE position_id = ? AND kind = 'avviso_bonario'`
	var id int64
	err := w.db.R().QueryRow(context.Background(), q, w.p1.ID).Scan(&id)
	if store.IsNoRows(err) {
		w.withLedger()
		err = w.db.R().QueryRow(context.Background(), q, w.p1.ID).Scan(&id)
	}
	if err != nil {
		w.t.Fatal(err)
	}
	return id
}

// pdfText checks a PDF response and returns its text (pdftotext); without
// pdftotext the text checks are skipped, except in CI.
func pdfText(t *testing.T, res response, filename string) string {
	t.Helper()
	if res.status != 200 || res.header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(res.body, "%PDF-") {
		t.Fatalf("not a PDF: %d %s\n%.400s", res.status, res.header.Get("Content-Type"), res.body)
	}
	if got := res.header.Get("Content-Disposition"); got != `attachment; filename="`+filename+`"` {
		t.Errorf("Content-Disposition %q, want the file %s", got, filename)
	}
	if cc := res.header.Get("Cache-Control"); !strings.Contains(cc, "private") || !strings.Contains(cc, "no-store") {
		t.Errorf("Cache-Control %q", cc)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext (poppler-utils) is needed")
		}
		return ""
	}
	path := filepath.Join(t.TempDir(), filename)
	if err := os.WriteFile(path, []byte(res.body), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// textHas fails unless the PDF's text holds every want (no check without
// pdftotext).
func textHas(t *testing.T, text string, wants ...string) {
	t.Helper()
	if text == "" {
		return
	}
	for _, want := range wants {
		if !bytes.Contains([]byte(text), []byte(want)) {
			t.Errorf("%q missing from the PDF text:\n%s", want, text)
		}
	}
}
