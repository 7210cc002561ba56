package documents_test

import (
	"bytes"
	"context"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/documents"
)

func TestF24OfNineDuesTakesThreeForms(t *testing.T) {
	var buf bytes.Buffer
	if err := documents.WriteF24(&buf, sampleF24(9), meta("F24")); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, "f24-3.pdf", buf.Bytes())
	if !strings.Contains(pdfInfo(t, buf.Bytes()), "Pages:           3") {
		t.Errorf("not three pages")
	}
	wantInOrder(t, text, "Modello 1 di 3", "+4549,72", "Modello 2 di 3", "+4549,72", "Modello 3 di 3", "+1137,43")
}

func TestPDFsCarryLanguageAndMetadata(t *testing.T) {
	var buf bytes.Buffer
	if err := documents.WriteF24(&buf, sampleF24(1), meta("Modello F24 — posizione 10000002")); err != nil {
		t.Fatal(err)
	}
	pdf := buf.Bytes()
	if !bytes.Contains(pdf, []byte("/Lang (it-IT)")) || !bytes.Contains(pdf, []byte("/CreationDate(D:20260316093000")) {
		t.Errorf("language or creation date missing")
	}
	info := pdfInfo(t, pdf)
	for _, want := range []string{"Title:           Modello F24 — posizione 10000002", "Subject:         prova", "Author:          Istituto di prova"} {
		if !strings.Contains(info, want) {
			t.Errorf("%q missing from\n%s", want, info)
		}
	}
	again := bytes.Buffer{}
	if err := documents.WriteF24(&again, sampleF24(1), meta("Modello F24 — posizione 10000002")); err != nil || !bytes.Equal(pdf, again.Bytes()) {
		t.Errorf("the same form twice differs: the PDF is not deterministic (%v)", err)
	}
}

func TestLetterPDF(t *testing.T) {
	b := newBook(t)
	l, err := b.asm.Letter(context.Background(), b.pos, 2025, asOf)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := documents.WriteLetter(&buf, l, meta("Lettera informativa 2025")); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, "lettera.pdf", buf.Bytes())
	wantInOrder(t, text, "Istituto di prova", "Sede di Milano", "Laura Colombo", "Via Dante 12",
		"Lettera informativa sui contributi dovuti per l'anno 2025", "10000002", "Gestione Commercianti")
	for _, want := range []string{b.rates["10:1"].Codeline, b.rates["11:4"].Codeline, "1.137,43 €", "9.099,44 €", "16/05/2025",
		"Rata 4", "art. 116", "Dal 2012", "home banking", "Pagina 1 di 1"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q missing from the letter:\n%s", want, text)
		}
	}
}

func TestNoticePDF(t *testing.T) {
	b := newBook(t)
	n, err := b.asm.Notice(context.Background(), b.pos, 9, asOf)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := documents.WriteNotice(&buf, n, meta(n.Title())); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, "avviso.pdf", buf.Bytes())
	for _, want := range []string{"Avviso bonario n. AB-2026-0000001 del 16/01/2026", "15/02/2026", b.rates["10:3"].Codeline,
		"1.137,43 €", "21,00 €", "1.158,43 €", "rateazione", "Prescrizione", "interrompe la prescrizione"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q missing from the notice:\n%s", want, text)
		}
	}
}

func TestStatementAndDossierPDFs(t *testing.T) {
	b := newBook(t)
	ctx := context.Background()
	own, err := b.asm.Statement(ctx, b.pos, asOf, 2)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := documents.WriteStatement(&buf, own, meta("Estratto conto")); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, "estratto.pdf", buf.Bytes())
	if !strings.Contains(text, "Paolo Colombo") || strings.Contains(text, "CLMLRA75M41F205X") || strings.Contains(text, "Laura") || !strings.Contains(text, "Mesi accreditati") {
		t.Errorf("own statement:\n%s", text)
	}
	d, err := b.asm.Dossier(ctx, b.pos, asOf)
	if err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if err := documents.WriteDossier(&buf, d, meta("Fascicolo")); err != nil {
		t.Fatal(err)
	}
	text = pdfText(t, "fascicolo.pdf", buf.Bytes())
	wantInOrder(t, text, "Fascicolo della posizione 10000002", "Anagrafica", "CLMLRA75M41F205X", "Collaboratori", "Paolo Colombo",
		"Situazione debitoria e creditoria", "Estratto conto previdenziale", "Versamenti", "2.274,86 €", "Avvisi", "AB-2026-0000001")
	if !strings.Contains(text, "Pagina 1 di ") {
		t.Errorf("no page numbers:\n%s", text)
	}
}

// BenchmarkF24Page draws one F24 form of four lines. Besides the wall
// time it reports the process's CPU time per form (user and system, with
// the garbage collector's share), steadier on a shared machine.
func BenchmarkF24Page(b *testing.B) {
	f := sampleF24(4)
	var buf bytes.Buffer
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		buf.Reset()
		if err := documents.WriteF24(&buf, f, meta("F24")); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(buf.Len()), "bytes/pdf")
}

// cpuTime is the process's user and system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
