package batch

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/money"
)

func TestSummaryLine(t *testing.T) {
	s := Summary{Name: "impose 2025", Read: 1234567, Created: 4938268, Skipped: 0, Rejected: 3,
		Amount: money.Cents(123456789), Elapsed: 2 * time.Second}
	want := "impose 2025: 1,234,567 read, 4,938,268 created, 0 already present, 3 rejected; amount 1234567.89 € in 2.0 s (617,283/s)"
	if s.String() != want {
		t.Fatalf("got  %q\nwant %q", s.String(), want)
	}
}

func TestProgressIsSilentOffATerminal(t *testing.T) {
	var b bytes.Buffer
	p := NewProgress(&b, "import", 10)
	p.Add(5)
	p.Finish()
	if b.Len() != 0 {
		t.Fatalf("progress written to a non-terminal: %q", b.String())
	}
}

func TestProgressBarOnATerminal(t *testing.T) {
	var b bytes.Buffer
	p := &Progress{w: &b, tty: true, label: "import", total: 200, now: time.Now}
	p.Add(100)
	if !strings.Contains(b.String(), "import [===============               ]  50% 100/200") {
		t.Fatalf("bar: %q", b.String())
	}
}
