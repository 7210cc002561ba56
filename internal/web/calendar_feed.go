package web

import (
	"bytes"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/audit"
	"github.com/cassetto-dev/cassetto/internal/deadlines"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// feedTokenRe is the shape of a feed token (32 bytes in base64url).
var feedTokenRe = regexp.MustCompile(`^[A-Za-z0-9_-]{43}$`)

// feedAuditDetail is what the access log says of a feed read.
const feedAuditDetail = "scadenze (calendario iCal)"

// calendarFeed serves the deadlines of a person's positions as an
// iCalendar feed. The secret address is the only credential: an unknown
// or revoked token is a 404. A calendar application reads it without a
// session, so the gate's access log does not run: every position the feed
// shows to someone who is not its titolare (an intermediary's delegated
// positions) is written to the access log here, on every read, before the
// feed is sent; if the log cannot be written nothing is sent.
func (s *Server) calendarFeed(w http.ResponseWriter, r *http.Request) {
	token := r.PathValue("token")
	if !feedTokenRe.MatchString(token) {
		s.renderError(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	feed, ok, err := s.calendarFeeds().Use(r.Context(), feedTokenHash(token))
	if err == nil && !ok {
		s.renderError(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	body, err := s.feedBody(r, feed)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", `inline; filename="scadenze.ics"`)
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(body)
}

// feedBody builds the calendar of feed's person and audits the reads of
// positions he is not the titolare of.
func (s *Server) feedBody(r *http.Request, feed store.CalendarFeed) ([]byte, error) {
	person, err := s.Registry.Person(r.Context(), feed.PersonID)
	if err != nil {
		return nil, err
	}
	own, delegated, err := s.feedPositions(r, feed.PersonID)
	if err != nil {
		return nil, err
	}
	delegated = withoutOwn(delegated, own)
	if err := s.auditFeed(r, person, delegated); err != nil {
		return nil, err
	}
	positions := append(append([]registry.PositionView{}, own...), delegated...)
	ids := make([]int64, len(positions))
	titolari := map[string]string{}
	for i, p := range positions {
		ids[i], titolari[p.Number] = p.ID, p.Titolare.FullName()
	}
	list, _, err := s.upcomingOf(r.Context(), ids, s.today())
	if err != nil {
		return nil, err
	}
	loc := s.catalog.Localizer(feed.Lang)
	cal := deadlines.Calendar{ProdID: "-//" + s.site.Institution + "//Cassetto//IT", Stamp: s.Now(),
		Name: loc.T("tools.cal.feed_name", "Name", person.FullName())}
	host := feedHost(s.absURL(r, "/"))
	for _, d := range list {
		cal.Events = append(cal.Events, s.feedEvent(r, loc, d, host, titolari, own))
	}
	var buf bytes.Buffer
	err = cal.WriteICS(&buf)
	return buf.Bytes(), err
}

// feedEvent is the calendar event of one deadline.
func (s *Server) feedEvent(r *http.Request, loc *Localizer, d deadlines.Deadline, host string,
	titolari map[string]string, own []registry.PositionView) deadlines.Event {
	row := newDeadlineRow(loc, d)
	summary := row.Label + " – " + d.Amount.Italian()
	who := d.PersonName
	if who == "" {
		who = titolari[d.PositionNumber]
	}
	if !ownsPosition(own, d.PositionNumber) || d.SubjectCode > 10 {
		summary += " – " + who
	}
	desc := []string{loc.T("tools.cal.ev_position", "Number", d.PositionNumber, "Name", who)}
	if d.Codeline != "" {
		desc = append(desc, loc.T("tools.cal.ev_code", "Code", d.Codeline))
	}
	desc = append(desc, loc.T("tools.cal.ev_amount", "Amount", d.Amount.Italian()),
		loc.T("tools.cal.ev_pay", "URL", s.absURL(r, row.F24URL)))
	return deadlines.Event{UID: d.UID() + "@" + host, Date: d.Date, Summary: summary,
		Description: strings.Join(desc, "\n"), URL: s.absURL(r, "/posizioni/"+d.PositionNumber+"/scadenze")}
}

// auditFeed writes one access-log entry for each delegated position the
// feed shows.
func (s *Server) auditFeed(r *http.Request, person registry.Person, delegated []registry.PositionView) error {
	es := make([]audit.Entry, 0, len(delegated))
	for _, p := range delegated {
		es = append(es, audit.Entry{At: s.Now(), ActorKind: string(access.Citizen), ActorID: person.ID,
			ActorLabel: person.FullName() + " (" + person.CodiceFiscale + ")", ActingAs: "intermediary",
			PositionID: p.ID, Action: string(access.ViewPosition), Detail: feedAuditDetail, IP: clientIP(r)})
	}
	return s.Audit.AppendAll(r.Context(), es)
}

// withoutOwn drops from delegated the positions of own.
func withoutOwn(delegated, own []registry.PositionView) []registry.PositionView {
	var out []registry.PositionView
	for _, p := range delegated {
		if !ownsPosition(own, p.Number) {
			out = append(out, p)
		}
	}
	return out
}

func ownsPosition(own []registry.PositionView, number string) bool {
	for _, p := range own {
		if p.Number == number {
			return true
		}
	}
	return false
}

// feedHost returns the host of base, for the events' UIDs.
func feedHost(base string) string {
	if u, err := url.Parse(base); err == nil && u.Hostname() != "" {
		return u.Hostname()
	}
	return "cassetto.invalid"
}
