package deadlines

import (
	"bufio"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cassetto-dev/cassetto/internal/civil"
)

// Event is one all-day event of a calendar.
type Event struct {
	UID         string // globally unique and stable: "due-12@host"
	Date        civil.Date
	Summary     string
	Description string
	URL         string // absolute, optional
}

// Calendar is an iCalendar object with its events.
type Calendar struct {
	ProdID string // "-//Institution//Cassetto//IT"
	Name   string // X-WR-CALNAME: the name calendar applications show
	Stamp  time.Time
	Events []Event
}

// WriteICS writes c in the iCalendar format (RFC 5545): CRLF line ends,
// text values escaped, lines folded at 75 octets without splitting a UTF-8
// character, all-day events (DTSTART;VALUE=DATE and the next day as DTEND).
func (c Calendar) WriteICS(w io.Writer) error {
	b := bufio.NewWriter(w)
	line := func(name, value string) { writeFolded(b, name+":"+value) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", escapeText(c.ProdID))
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	if c.Name != "" {
		line("X-WR-CALNAME", escapeText(c.Name))
	}
	stamp := c.Stamp.UTC().Format("20060102T150405Z")
	for _, e := range c.Events {
		line("BEGIN", "VEVENT")
		line("UID", escapeText(e.UID))
		line("DTSTAMP", stamp)
		line("DTSTART;VALUE=DATE", icsDate(e.Date))
		line("DTEND;VALUE=DATE", icsDate(e.Date.AddDays(1)))
		line("SUMMARY", escapeText(e.Summary))
		if e.Description != "" {
			line("DESCRIPTION", escapeText(e.Description))
		}
		if e.URL != "" {
			line("URL", e.URL)
		}
		line("TRANSP", "TRANSPARENT")
		line("END", "VEVENT")
	}
	line("END", "VCALENDAR")
	return b.Flush()
}

func icsDate(d civil.Date) string {
	return d.Time().Format("20060102")
}

// escapeText escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon,
// comma and newline; other control characters are dropped.
func escapeText(s string) string {
	var b strings.Builder
	for _, r := range strings.ReplaceAll(s, "\r\n", "\n") {
		switch {
		case r == '\\' || r == ';' || r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r < ' ' || r == 0x7f:
			// dropped: control characters are not allowed in TEXT
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// writeFolded writes a content line folded at 75 octets: each continuation
// line starts with one space (RFC 5545 3.1).
func writeFolded(w *bufio.Writer, s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.WriteString(s[:cut])
		w.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	w.WriteString(s)
	w.WriteString("\r\n")
}
