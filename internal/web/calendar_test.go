package web_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

var feedURLRe = regexp.MustCompile(`id="feed-url" value="[^"]*/calendario/([A-Za-z0-9_-]{43})"`)

// newFeed creates a feed as c and returns its token.
func newFeed(t *testing.T, c *client) string {
	t.Helper()
	res := c.do("POST", "/calendario", map[string]string{})
	m := feedURLRe.FindStringSubmatch(res.body)
	if res.status != http.StatusOK || m == nil {
		t.Fatalf("creating a feed: status %d, no address shown", res.status)
	}
	return m[1]
}

// icsEvents checks the structure of an iCalendar body and returns its
// events as maps of property (with parameters) to value.
func icsEvents(t *testing.T, body string) []map[string]string {
	t.Helper()
	if !strings.HasSuffix(body, "\r\n") || strings.Contains(strings.ReplaceAll(body, "\r\n", ""), "\n") {
		t.Fatal("lines do not all end with CRLF")
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSuffix(body, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line longer than 75 octets: %q", l)
		}
		if strings.HasPrefix(l, " ") && len(lines) > 0 {
			lines[len(lines)-1] += l[1:]
			continue
		}
		lines = append(lines, l)
	}
	if lines[0] != "BEGIN:VCALENDAR" || lines[len(lines)-1] != "END:VCALENDAR" || lines[1] != "VERSION:2.0" {
		t.Fatalf("not a VCALENDAR: %q … %q", lines[:2], lines[len(lines)-1])
	}
	var events []map[string]string
	var cur map[string]string
	for _, l := range lines {
		switch {
		case l == "BEGIN:VEVENT":
			cur = map[string]string{}
		case l == "END:VEVENT":
			for _, p := range []string{"UID", "DTSTAMP", "DTSTART;VALUE=DATE", "SUMMARY"} {
				if cur[p] == "" {
					t.Errorf("event without %s: %v", p, cur)
				}
			}
			events, cur = append(events, cur), nil
		case cur != nil:
			k, v, _ := strings.Cut(l, ":")
			cur[k] = icsUnescape(v)
		}
	}
	return events
}

// icsUnescape reads a TEXT value (RFC 5545 3.3.11).
func icsUnescape(v string) string {
	return strings.NewReplacer(`\\`, `\`, `\,`, ",", `\;`, ";", `\n`, "\n", `\N`, "\n").Replace(v)
}

func TestCalendarFeedServesTheDeadlinesAndRevokesAtOnce(t *testing.T) {
	w := newWorld(t)
	f := w.withLedger()
	c := w.as(w.titolare.ID, 0, "self")
	token := newFeed(t, c)
	res := w.anonymous().get("/calendario/" + token)
	if res.status != http.StatusOK || !strings.HasPrefix(res.header.Get("Content-Type"), "text/calendar") {
		t.Fatalf("feed: status %d, type %q", res.status, res.header.Get("Content-Type"))
	}
	events := icsEvents(t, res.body)
	if len(events) != 2 {
		t.Fatalf("%d events, want the two fourth rates of 2026", len(events))
	}
	rate := f.rates["2026:10:rata4"]
	e := events[0]
	if e["DTSTART;VALUE=DATE"] != "20270216" || e["DTEND;VALUE=DATE"] != "20270217" {
		t.Errorf("event dates %s–%s", e["DTSTART;VALUE=DATE"], e["DTEND;VALUE=DATE"])
	}
	if want := "Rata 4/2026 contributi fissi – " + rate.Amount.Italian(); !strings.HasPrefix(e["SUMMARY"], want) {
		t.Errorf("summary %q, want it to start with %q", e["SUMMARY"], want)
	}
	if !strings.Contains(e["DESCRIPTION"], rate.Codeline) || !strings.Contains(e["DESCRIPTION"], "10000001") {
		t.Errorf("description %q lacks the position or the codice INPS", e["DESCRIPTION"])
	}
	again := icsEvents(t, w.anonymous().get("/calendario/"+token).body)
	if again[0]["UID"] != e["UID"] || e["UID"] == events[1]["UID"] {
		t.Errorf("UIDs not stable and unique: %s, %s, %s", e["UID"], again[0]["UID"], events[1]["UID"])
	}

	var hashes []string
	rows, err := w.db.R().Query(context.Background(), `SELECT token_hash FROM calendar_feeds`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var h string
		_ = rows.Scan(&h)
		hashes = append(hashes, h)
	}
	rows.Close()
	sum := sha256.Sum256([]byte(token))
	if len(hashes) != 1 || hashes[0] != hex.EncodeToString(sum[:]) {
		t.Errorf("stored %v, want only the SHA-256 of the token", hashes)
	}
	if page := c.get("/calendario"); strings.Contains(page.body, token) {
		t.Error("the page shows the address again")
	}

	second := newFeed(t, c)
	if res := w.anonymous().get("/calendario/" + token); res.status != http.StatusNotFound {
		t.Errorf("the old address after a new one: %d, want 404", res.status)
	}
	if res := w.anonymous().get("/calendario/" + second); res.status != http.StatusOK {
		t.Errorf("the new address: %d", res.status)
	}
	if res := c.do("POST", "/calendario/revoca", map[string]string{}); res.status != http.StatusSeeOther {
		t.Fatalf("revoke: %d", res.status)
	}
	if res := w.anonymous().get("/calendario/" + second); res.status != http.StatusNotFound {
		t.Errorf("a revoked address: %d, want 404", res.status)
	}
}

func TestCalendarFeedOfAnIntermediaryIsAudited(t *testing.T) {
	w := newWorld(t)
	w.withLedger()
	count := func(detail string) int {
		var n int
		if err := w.db.R().QueryRow(context.Background(), `SELECT COUNT(*) FROM audit_log WHERE position_id = ?
			AND detail = ? AND acting_as = 'intermediary' AND actor_id = ?`, w.p1.ID, detail, w.interActive.ID).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	token := newFeed(t, w.as(w.interActive.ID, 0, "intermediary"))
	before := count("scadenze (calendario iCal)")
	res := w.anonymous().get("/calendario/" + token)
	if res.status != http.StatusOK || len(icsEvents(t, res.body)) != 2 {
		t.Fatalf("intermediary feed: status %d", res.status)
	}
	if !strings.Contains(res.body, w.titolare.GivenName) {
		t.Errorf("an intermediary's events do not name the titolare")
	}
	if after := count("scadenze (calendario iCal)"); after != before+1 {
		t.Errorf("audit entries %d → %d, want one more per read", before, after)
	}

	// The titolare's own feed is not an access by someone else.
	var n0, n1 int
	_ = w.db.R().QueryRow(context.Background(), `SELECT COUNT(*) FROM audit_log`).Scan(&n0)
	w.anonymous().get("/calendario/" + newFeed(t, w.as(w.titolare.ID, 0, "self")))
	_ = w.db.R().QueryRow(context.Background(), `SELECT COUNT(*) FROM audit_log`).Scan(&n1)
	if n1 != n0 {
		t.Errorf("the titolare's feed wrote %d audit entries", n1-n0)
	}

	// An expired delegation shows nothing.
	res = w.anonymous().get("/calendario/" + newFeed(t, w.as(w.interExpired.ID, 0, "intermediary")))
	if len(icsEvents(t, res.body)) != 0 {
		t.Errorf("an expired delegation's feed shows events")
	}
}

func TestCalendarFeedRefusesMalformedTokens(t *testing.T) {
	w := newWorld(t)
	for _, tok := range []string{"x", strings.Repeat("a", 43), strings.Repeat("a", 42) + "%21"} {
		if res := w.anonymous().get("/calendario/" + tok); res.status != http.StatusNotFound {
			t.Errorf("%q: %d, want 404", tok, res.status)
		}
	}
}
