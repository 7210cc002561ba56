package documents_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/documents"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// created is the fixed clock of the documents' metadata.
var created = time.Date(2026, 3, 16, 9, 30, 0, 0, time.UTC)

func meta(title string) documents.Meta {
	return documents.Meta{Title: title, Subject: "prova", Author: "Istituto di prova", Created: created}
}

// pdfText returns the text of a PDF with pdftotext, and keeps the file in
// $CASSETTO_DOCS_KEEP when set (to look at it). Without pdftotext the test
// is skipped, except in CI.
func pdfText(t *testing.T, name string, pdf []byte) string {
	t.Helper()
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("%s is not a PDF", name)
	}
	dir := t.TempDir()
	if keep := os.Getenv("CASSETTO_DOCS_KEEP"); keep != "" {
		dir = keep
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext (poppler-utils) is needed")
		}
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", name, err)
	}
	return string(out)
}

// pdfInfo returns pdfinfo's output for the file pdfText kept.
func pdfInfo(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "info.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	return string(out)
}

// wantInOrder fails unless every string of want is in text, in that order.
func wantInOrder(t *testing.T, text string, want ...string) {
	t.Helper()
	at := 0
	for _, w := range want {
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Errorf("%q not found (in order) in:\n%s", w, text)
			return
		}
		at += i + len(w)
	}
}

func ym(y int, m time.Month) contrib.YearMonth { return contrib.YearMonth{Year: y, Month: m} }

// sampleF24 is a form with n lines of a commerciante's fixed rates.
func sampleF24(n int) documents.F24 {
	f := documents.F24{Position: "10000002", Contribuente: documents.Contribuente{CodiceFiscale: "CLMLRA75M41F205X",
		FamilyName: "Colombo", GivenName: "Laura", BirthDate: civil.MustParse("1975-08-01"), Sex: "F",
		BirthPlace: "Milano", BirthProvince: "MI",
		Domicilio: documents.Address{Street: "Via Dante 12", PostalCode: "20121", City: "Milano", Province: "MI"}}}
	for i := 0; i < n; i++ {
		q := i%4 + 1
		l := documents.F24Line{DueID: int64(i + 1), Year: 2025, Kind: ledger.FixedRate(q), Sede: "1300", Causale: "CF",
			CodiceINPS: "10000002101250" + string(rune('0'+i%10)) + "17", From: ym(2025, time.Month(3*q-2)), To: ym(2025, time.Month(3*q)),
			Debit: money.Cents(113743)}
		f.Lines = append(f.Lines, l)
		f.Total += l.Debit
	}
	return f
}
