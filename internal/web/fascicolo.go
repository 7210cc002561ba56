package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/audit"
	"github.com/cassetto-dev/cassetto/internal/codicefiscale"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/registry"
)

// fascicoloData is the office's home: a search and the positions of the office.
type fascicoloData struct {
	Query     string
	Results   []registry.PositionView
	Searched  bool
	Positions []registry.PositionView
	NextAfter int64
}

// officeOf returns the office an actor is limited to: the operator's own,
// "" (every office) for administrators.
func officeOf(a access.Actor) string {
	if a.Role == access.RoleAdmin {
		return ""
	}
	return a.OfficeCode
}

func (s *Server) fascicoloHome(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	ctx := r.Context()
	office := officeOf(st.actor)
	data := fascicoloData{Query: codicefiscale.Normalize(r.URL.Query().Get("q"))}
	status, problems := http.StatusOK, map[string]string{}
	if data.Query != "" && !positionNumberRe.MatchString(data.Query) {
		if err := codicefiscale.Validate(data.Query); err != nil {
			problems["q"] = s.catalog.Localizer(s.catalog.Lang(r)).T(errs.MessageOf(err))
			status = http.StatusUnprocessableEntity
		}
	}
	if data.Query != "" && len(problems) == 0 {
		data.Searched = true
		found, err := s.searchPositions(r, data.Query)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		for _, p := range found {
			if office == "" || p.OfficeCode == office {
				data.Results = append(data.Results, p)
			}
		}
		if err := s.recordSearch(r, data.Results); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	after, _ := strconv.ParseInt(r.URL.Query().Get("dopo"), 10, 64)
	list, err := s.Registry.Positions(ctx, registry.ListFilter{OfficeCode: office, AfterID: after, Limit: 25})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data.Positions = list
	if len(list) == 25 {
		data.NextAfter = list[len(list)-1].ID
	}
	s.render(w, r, status, "fascicolo", &View{Title: "fascicolo.title", Errors: problems, Data: data})
}

// searchPositions finds positions by 8-digit number or by the titolare's codice fiscale.
func (s *Server) searchPositions(r *http.Request, q string) ([]registry.PositionView, error) {
	if positionNumberRe.MatchString(q) {
		p, err := s.Registry.PositionByNumber(r.Context(), q)
		if errs.Is(err, errs.NotFound) {
			return nil, nil
		}
		return []registry.PositionView{p}, err
	}
	person, err := s.Registry.PersonByCF(r.Context(), q)
	if errs.Is(err, errs.NotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return s.Registry.PositionsOfTitolare(r.Context(), person.ID)
}

// auditData is the staff's search of the access log.
type auditData struct {
	Position, Actor, From, To string
	Entries                   []audit.Entry
	NextBefore                int64
}

func (s *Server) auditSearch(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	q := r.URL.Query()
	data := auditData{Position: strings.TrimSpace(q.Get("posizione")), Actor: strings.TrimSpace(q.Get("chi")),
		From: q.Get("dal"), To: q.Get("al")}
	f := audit.Filter{PositionNumber: data.Position, ActorLabel: data.Actor, OfficeCode: officeOf(st.actor), Limit: 50}
	problems := map[string]string{}
	loc := s.catalog.Localizer(s.catalog.Lang(r))
	if data.Position != "" && !positionNumberRe.MatchString(data.Position) {
		problems["posizione"] = loc.T("audit.position_invalid")
	}
	var err error
	if f.From, err = parseDay(data.From, 0); err != nil {
		problems["dal"] = loc.T("audit.date_invalid")
	}
	if f.To, err = parseDay(data.To, 1); err != nil {
		problems["al"] = loc.T("audit.date_invalid")
	}
	f.BeforeID, _ = strconv.ParseInt(q.Get("prima"), 10, 64)
	status := http.StatusOK
	if len(problems) == 0 {
		if data.Entries, err = s.Audit.Search(r.Context(), f); err != nil {
			s.fail(w, r, err)
			return
		}
		if len(data.Entries) == f.Limit {
			data.NextBefore = data.Entries[len(data.Entries)-1].ID
		}
	} else {
		status = http.StatusUnprocessableEntity
	}
	s.render(w, r, status, "audit", &View{Title: "audit.title", Errors: problems, Data: data})
}

// parseDay reads an optional YYYY-MM-DD date as the start of that day plus
// addDays days, in Europe/Rome.
func parseDay(s string, addDays int) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation("2006-01-02", s, rome)
	if err != nil {
		return time.Time{}, err
	}
	return t.AddDate(0, 0, addDays), nil
}

// recordSearch records, for each position a staff search found, that it was
// looked up: a targeted read of a position's data. The office's plain list
// of positions is not recorded per row (docs/decisions.md).
func (s *Server) recordSearch(r *http.Request, found []registry.PositionView) error {
	st := stateOf(r)
	es := make([]audit.Entry, 0, len(found))
	for _, p := range found {
		es = append(es, audit.Entry{At: s.Now(), ActorKind: string(st.actor.Kind), ActorID: st.actor.StaffID, ActorLabel: st.actor.Label,
			ActingAs: st.actor.Role, PositionID: p.ID, Action: string(access.StaffOnly), Detail: "ricerca nel Fascicolo", IP: clientIP(r)})
	}
	return s.Audit.AppendAll(r.Context(), es)
}
