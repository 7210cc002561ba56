package web

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/http"

	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// calendarData is the page where a person manages the secret address of
// his deadlines feed.
type calendarData struct {
	Feed      store.CalendarFeed
	HasFeed   bool
	NewURL    string // the address just created: shown this once only
	Own       []registry.PositionView
	Delegated []registry.PositionView
}

// feedPositions returns the positions a person's feed covers: those he is
// the titolare of, and those delegated to him today.
func (s *Server) feedPositions(r *http.Request, personID int64) (own, delegated []registry.PositionView, err error) {
	if own, err = s.Registry.PositionsOfTitolare(r.Context(), personID); err != nil {
		return nil, nil, err
	}
	delegated, err = s.Delegations.DelegatedPositions(r.Context(), personID, s.today())
	return own, delegated, err
}

func (s *Server) calendarPage(w http.ResponseWriter, r *http.Request) {
	v := &View{Title: "tools.cal.title"}
	if r.URL.Query().Get("esito") == "calendario-revocato" {
		v.Flash = "tools.cal.flash_revoked"
	}
	s.renderCalendar(w, r, v, "")
}

func (s *Server) renderCalendar(w http.ResponseWriter, r *http.Request, v *View, newURL string) {
	st := stateOf(r)
	data := calendarData{NewURL: newURL}
	var err error
	if data.Own, data.Delegated, err = s.feedPositions(r, st.actor.PersonID); err != nil {
		s.fail(w, r, err)
		return
	}
	if data.Feed, data.HasFeed, err = s.calendarFeeds().Active(r.Context(), st.actor.PersonID); err != nil {
		s.fail(w, r, err)
		return
	}
	v.Data = data
	s.render(w, r, http.StatusOK, "calendario", v)
}

// calendarCreate makes a new secret address (revoking the old one) and
// shows it once: only its SHA-256 is stored.
func (s *Server) calendarCreate(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	token, hash, err := newFeedToken()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if _, err := s.calendarFeeds().Create(r.Context(), st.actor.PersonID, hash, s.catalog.Lang(r)); err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderCalendar(w, r, &View{Title: "tools.cal.title", Flash: "tools.cal.flash_created"}, s.absURL(r, "/calendario/"+token))
}

// calendarRevoke revokes the address in force: it answers 404 at once.
func (s *Server) calendarRevoke(w http.ResponseWriter, r *http.Request) {
	if _, err := s.calendarFeeds().Revoke(r.Context(), stateOf(r).actor.PersonID); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/calendario?esito=calendario-revocato", http.StatusSeeOther)
}

// newFeedToken returns a random token (256 bits, base64url) and its SHA-256.
func newFeedToken() (token, hash string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", err
	}
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, feedTokenHash(token), nil
}

// feedTokenHash is the stored form of a token: its SHA-256 in hex.
func feedTokenHash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
