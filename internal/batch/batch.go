// Package batch holds what every batch (imposition, imports, notices) shares:
// a progress bar when the output is a terminal, and the one-line summary
// every batch ends with.
package batch

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/cassetto-dev/cassetto/internal/money"
)

// Progress draws a progress bar on a terminal and nothing elsewhere (logs
// and pipes get only the summary).
type Progress struct {
	mu    sync.Mutex
	w     io.Writer
	tty   bool
	label string
	total int64
	done  int64
	start time.Time
	drawn time.Time
	now   func() time.Time
}

// NewProgress returns a progress bar for total units of work (0 when
// unknown) written to w when w is a terminal.
func NewProgress(w io.Writer, label string, total int64) *Progress {
	return &Progress{w: w, tty: IsTerminal(w), label: label, total: total, start: time.Now(), now: time.Now}
}

// IsTerminal reports whether w is a character device (an interactive terminal).
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// Add records n more units done, redrawing at most ten times a second.
func (p *Progress) Add(n int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += n
	if !p.tty || p.now().Sub(p.drawn) < 100*time.Millisecond {
		return
	}
	p.drawn = p.now()
	fmt.Fprint(p.w, "\r"+p.line())
}

// Finish clears the bar.
func (p *Progress) Finish() {
	if p.tty {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

func (p *Progress) line() string {
	if p.total <= 0 {
		return fmt.Sprintf("%s: %s", p.label, thousands(p.done))
	}
	const width = 30
	frac := float64(p.done) / float64(p.total)
	if frac > 1 {
		frac = 1
	}
	full := int(frac * width)
	return fmt.Sprintf("%s [%s%s] %3.0f%% %s/%s", p.label, strings.Repeat("=", full), strings.Repeat(" ", width-full),
		frac*100, thousands(p.done), thousands(p.total))
}

// Summary is the last line of every batch.
type Summary struct {
	Name     string // e.g. "impose 2025"
	Read     int64  // input units read (persons, lines)
	Created  int64  // records written
	Skipped  int64  // already present: written by an earlier run
	Rejected int64  // refused input (see the error report)
	Amount   money.Cents
	Elapsed  time.Duration
}

// String formats the summary as one line.
func (s Summary) String() string {
	rate := ""
	if secs := s.Elapsed.Seconds(); secs > 0 && s.Read > 0 {
		rate = fmt.Sprintf(" (%s/s)", thousands(int64(float64(s.Read)/secs)))
	}
	return fmt.Sprintf("%s: %s read, %s created, %s already present, %s rejected; amount %s € in %.1f s%s",
		s.Name, thousands(s.Read), thousands(s.Created), thousands(s.Skipped), thousands(s.Rejected),
		s.Amount.String(), s.Elapsed.Seconds(), rate)
}

// thousands formats n with "," every three digits.
func thousands(n int64) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
