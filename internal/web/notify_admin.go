package web

import (
	"net/http"
	"strconv"

	"github.com/cassetto-dev/cassetto/internal/store"
)

// notifyTroubledLimit is how many undelivered messages the list shows.
const notifyTroubledLimit = 200

// notifyTroubledData is the administrators' list of failed and dead deliveries.
type notifyTroubledData struct {
	Rows []store.TroubledDelivery
}

func (s *Server) notifyTroubled(w http.ResponseWriter, r *http.Request) {
	s.renderTroubled(w, r, &View{Title: "notify.admin.title"}, http.StatusOK)
}

func (s *Server) renderTroubled(w http.ResponseWriter, r *http.Request, v *View, status int) {
	rows, err := s.notifications().Troubled(r.Context(), notifyTroubledLimit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if r.URL.Query().Get("esito") == "riprova" && v.Flash == "" {
		v.Flash = "notify.admin.flash_retry"
	}
	v.Data = notifyTroubledData{Rows: rows}
	s.render(w, r, status, "fascicolo_notifiche", v)
}

// notifyRetry puts one failed or dead delivery back in the queue; the
// worker tries it at its next round.
func (s *Server) notifyRetry(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PostFormValue("id"), 10, 64)
	ok := false
	if err == nil {
		if ok, err = s.notifications().Retry(r.Context(), id, s.Now()); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	if !ok {
		loc := s.catalog.Localizer(s.catalog.Lang(r))
		s.renderTroubled(w, r, &View{Title: "notify.admin.title", Errors: map[string]string{"id": loc.T("notify.admin.bad_id")}},
			http.StatusUnprocessableEntity)
		return
	}
	http.Redirect(w, r, "/fascicolo/notifiche?esito=riprova", http.StatusSeeOther)
}
