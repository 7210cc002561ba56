//go:debug zipinsecurepath=0

package cases_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/cases"
)

// zipOf builds a zip with the given names and contents.
func zipOf(t *testing.T, files ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(files); i += 2 {
		w, err := zw.Create(files[i])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(files[i+1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func ruleOf(t *testing.T, err error) *cases.AttachmentError {
	t.Helper()
	var ae *cases.AttachmentError
	if !errors.As(err, &ae) {
		t.Fatalf("got %v, want an attachment refusal", err)
	}
	return ae
}

func TestAGoodZipIsAccepted(t *testing.T) {
	z := zipOf(t, "docs/quietanza.pdf", "%PDF-1.7 x", "scan.jpg", "\xFF\xD8\xFF\xE0", "note.txt", "ciao\nmondo",
		"dati.csv", "a;b\n1;2", "f.xml", "<?xml version=\"1.0\"?><a/>", "img.png", "\x89PNG\r\n\x1a\nxxxx", "firma.p7m", "\x30\x82\x01\x00")
	if err := cases.Check(cases.Upload{Name: "allegati.zip", Content: z}, cases.DefaultLimits); err != nil {
		t.Fatal(err)
	}
}

func TestAttachmentRefusalsNameTheRuleAndTheFile(t *testing.T) {
	bomb := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create("zeri.txt")
		w.Write(bytes.Repeat([]byte("0"), 10<<20))
		zw.Close()
		return buf.Bytes()
	}()
	tests := []struct {
		name    string
		content []byte
		rule    string
		inner   string
	}{
		{"renamed.zip", []byte("%PDF-1.7 this is a pdf renamed .zip"), cases.MsgNotZip, ""},
		{"broken.zip", append([]byte("PK\x03\x04"), bytes.Repeat([]byte{1}, 100)...), cases.MsgNotZip, ""},
		{"bomb.zip", bomb, cases.MsgRatio, "zeri.txt"},
		{"escape.zip", zipOf(t, "../../etc/passwd.txt", "root"), cases.MsgPath, "../../etc/passwd.txt"},
		{"absolute.zip", zipOf(t, "/etc/x.txt", "root"), cases.MsgPath, "/etc/x.txt"},
		{"exe.zip", zipOf(t, "setup.exe", "MZ\x90\x00"), cases.MsgType, "setup.exe"},
		{"disguised.zip", zipOf(t, "fattura.pdf", "MZ\x90\x00 an executable"), cases.MsgContent, "fattura.pdf"},
		{"binary-text.zip", zipOf(t, "a.txt", "ok\x00\x01"), cases.MsgContent, "a.txt"},
		{"empty.zip", zipOf(t), cases.MsgEmpty, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ae := ruleOf(t, cases.Check(cases.Upload{Name: tt.name, Content: tt.content}, cases.DefaultLimits))
			if ae.Rule != tt.rule || ae.File != tt.name || ae.Inner != tt.inner {
				t.Fatalf("got %+v, want rule %s inner %q", ae, tt.rule, tt.inner)
			}
		})
	}
}

func TestAttachmentCapsOnSizeEntriesAndTotal(t *testing.T) {
	lim := cases.Limits{MaxFiles: 3, MaxSize: 1 << 20, MaxEntries: 2, MaxUncompressed: 20, MaxRatio: 1000}
	big := cases.Upload{Name: "big.zip", Content: append(zipOf(t, "a.txt", "x"), make([]byte, 1<<20)...)}
	if ae := ruleOf(t, cases.Check(big, lim)); ae.Rule != cases.MsgTooBig {
		t.Fatalf("too big: %+v", ae)
	}
	many := cases.Upload{Name: "many.zip", Content: zipOf(t, "a.txt", "1", "b.txt", "2", "c.txt", "3")}
	if ae := ruleOf(t, cases.Check(many, lim)); ae.Rule != cases.MsgEntries {
		t.Fatalf("entries: %+v", ae)
	}
	total := cases.Upload{Name: "total.zip", Content: zipOf(t, "a.txt", strings.Repeat("a", 15), "b.txt", strings.Repeat("b", 15))}
	if ae := ruleOf(t, cases.Check(total, lim)); ae.Rule != cases.MsgUncompressed || ae.Inner != "b.txt" {
		t.Fatalf("total: %+v", ae)
	}
}

func TestAFourthAttachmentIsRefused(t *testing.T) {
	ok := cases.Upload{Name: "a.zip", Content: zipOf(t, "a.txt", "ciao")}
	four := []cases.Upload{ok, ok, ok, {Name: "quarto.zip", Content: ok.Content}}
	ae := ruleOf(t, cases.CheckAll(four, cases.DefaultLimits))
	if ae.Rule != cases.MsgTooManyFiles || ae.File != "quarto.zip" {
		t.Fatalf("got %+v", ae)
	}
	if err := cases.CheckAll(four[:3], cases.DefaultLimits); err != nil {
		t.Fatal(err)
	}
}

func TestCleanFileNameKeepsASafeZipName(t *testing.T) {
	for in, want := range map[string]string{
		`C:\Users\x\Quietanze 2025.zip`: "Quietanze_2025.zip", "../../evil\".zip": "evil.zip", "": "allegato.zip",
		"documenti": "documenti.zip", "<script>.zip": "script.zip",
	} {
		if got := cases.CleanFileName(in); got != want {
			t.Errorf("CleanFileName(%q) = %q, want %q", in, got, want)
		}
	}
}
