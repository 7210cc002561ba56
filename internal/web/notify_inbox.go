package web

import (
	"fmt"
	"net/http"
	"time"

	"github.com/cassetto-dev/cassetto/internal/notify"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// notifyInboxLimit is how many notifications the list shows.
const notifyInboxLimit = 100

// notifyItem is one notification of the list, rendered in the reader's language.
type notifyItem struct {
	Title, Body, Position, Link string
	At                          time.Time
	Unread                      bool
}

// notifyInboxData is the list with its unread count.
type notifyInboxData struct {
	Items  []notifyItem
	Unread int
}

func (s *Server) notifications() *store.Notifications { return store.NewNotifications(s.DB) }

func (s *Server) notifyInbox(w http.ResponseWriter, r *http.Request) {
	list, err := s.notifications().Inbox(r.Context(), stateOf(r).actor.PersonID, notifyInboxLimit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	lang := s.catalog.Lang(r)
	var data notifyInboxData
	for _, n := range list {
		it := notifyItem{Title: notify.Title(n.Kind, n.PositionNumber, n.Payload, lang),
			Body: notify.Body(n.Kind, n.PositionNumber, n.Payload, lang), Position: n.PositionNumber,
			Link: notifyLink(n), At: n.CreatedAt, Unread: n.ReadAt.IsZero()}
		if it.Unread {
			data.Unread++
		}
		data.Items = append(data.Items, it)
	}
	v := &View{Title: "notify.title", Data: data}
	if r.URL.Query().Get("esito") == "lette" {
		v.Flash = "notify.flash_read"
	}
	s.render(w, r, http.StatusOK, "notifiche", v)
}

// notifyLink is the page a notification points to.
func notifyLink(n store.InAppNotification) string {
	if n.PositionNumber == "" {
		return ""
	}
	p := "/posizioni/" + n.PositionNumber + "/"
	switch {
	case notify.IsCase(n.Kind):
		return p + fmt.Sprintf("richieste/%d", n.RefID)
	case n.Kind == notify.NoticeIssued:
		return p + "avvisi"
	}
	return p
}

func (s *Server) notifyMarkRead(w http.ResponseWriter, r *http.Request) {
	if err := s.notifications().MarkAllRead(r.Context(), stateOf(r).actor.PersonID, s.Now()); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/notifiche?esito=lette", http.StatusSeeOther)
}
