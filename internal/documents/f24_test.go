package documents_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/documents"
)

func TestF24PageShowsContribuenteAndSezioneINPS(t *testing.T) {
	var buf bytes.Buffer
	f := sampleF24(2)
	if err := documents.WriteF24(&buf, f, meta("F24 posizione 10000002")); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, "f24.pdf", buf.Bytes())
	wantInOrder(t, text, "MODELLO DI PAGAMENTO UNIFICATO", "DELEGA IRREVOCABILE", "CONTRIBUENTE")
	for _, want := range []string{"CLMLRA75M41F205X", "Colombo", "Laura", "01/08/1975", "Milano", "Via Dante 12",
		"SEZIONE ERARIO", "SEZIONE INPS", f.Lines[0].CodiceINPS, f.Lines[1].CodiceINPS, "01/2025", "06/2025", "1137,43",
		"2274,86", "SEZIONE REGIONI", "SEZIONE IMU", "SEZIONE ALTRI ENTI", "SALDO FINALE", "+2274,86", "FIRMA"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q missing from the F24:\n%s", want, text)
		}
	}
	info := pdfInfo(t, buf.Bytes())
	for _, want := range []string{"Title:           F24 posizione 10000002", "Author:          Istituto di prova", "Pages:           1"} {
		if !strings.Contains(info, want) {
			t.Errorf("%q missing from pdfinfo:\n%s", want, info)
		}
	}
}
