package web

import (
	"html/template"
	"net/http"
	"slices"
	"strconv"

	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// noticeView is a notice of the position with what it asked and where it
// stands now.
type noticeView struct {
	ledger.NoticeSummary
	Interest money.Cents
	Total    money.Cents // capital, sanctions and interest asked
	Status   ledger.NoticeStatus
}

// noticeItem is one due a notice named: what the notice asked for it and
// what the due owes now.
type noticeItem struct {
	Item     ledger.Item
	Person   ledger.PersonInfo
	Capital  money.Cents // asked by the notice
	Sanction money.Cents // asked by the notice
}

// noticeData is the page of one notice.
type noticeData struct {
	Notice   noticeView
	Items    []noticeItem
	Pay      template.URL // the F24 of what its dues still owe, "" when nothing
	Parent   *noticeView  // the avviso bonario an avviso di addebito follows
	Followed *noticeView  // the avviso di addebito that followed it
}

// noticeViews lists the notices of the situation, newest first.
func (s *Server) noticeViews(r *http.Request, sit ledger.Situation) ([]noticeView, error) {
	interest, err := s.Ledger.NoticeInterest(r.Context(), sit.Position.ID)
	if err != nil {
		return nil, err
	}
	var out []noticeView
	for _, ns := range ledger.NoticeSummaries(sit) {
		v := noticeView{NoticeSummary: ns, Interest: interest[ns.ID], Status: ns.Status()}
		v.Total = v.Capital + v.Sanctions + v.Interest
		out = append(out, v)
	}
	return out, nil
}

func (s *Server) notices(w http.ResponseWriter, r *http.Request) {
	rec, err := s.ledgerRecords(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	list, err := s.noticeViews(r, ledger.NewSituation(rec, s.situationOptions()))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "avvisi", &View{Title: "ledger.notices.title", Nav: "avvisi", Data: list})
}

func (s *Server) notice(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.fail(w, r, errs.E(errs.NotFound, "error.not_found"))
		return
	}
	rec, err := s.ledgerRecords(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	sit := ledger.NewSituation(rec, s.situationOptions())
	list, err := s.noticeViews(r, sit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data, ok := newNoticeData(list, id, sit, rec.Persons)
	if !ok {
		s.fail(w, r, errs.E(errs.NotFound, "error.not_found"))
		return
	}
	s.render(w, r, http.StatusOK, "avviso", &View{Title: "ledger.notice.title", Nav: "avvisi", Data: data})
}

// newNoticeData gathers notice id of list with its dues; false when the
// position has no such notice.
func newNoticeData(list []noticeView, id int64, sit ledger.Situation, persons []ledger.PersonInfo) (noticeData, bool) {
	var d noticeData
	i := slices.IndexFunc(list, func(n noticeView) bool { return n.ID == id })
	if i < 0 {
		return d, false
	}
	d.Notice = list[i]
	for i := range list {
		if list[i].ID == d.Notice.ParentID {
			d.Parent = &list[i]
		}
		if d.Notice.FollowedBy != "" && list[i].Number == d.Notice.FollowedBy {
			d.Followed = &list[i]
		}
	}
	who := map[int64]ledger.PersonInfo{}
	for _, p := range persons {
		who[p.ID] = p
	}
	var open []int64
	for _, y := range sit.Years {
		for _, it := range y.Items {
			for _, l := range it.Notices {
				if l.NoticeID != id {
					continue
				}
				d.Items = append(d.Items, noticeItem{Item: it, Person: who[it.Due.PersonID], Capital: l.Capital, Sanction: l.Sanction})
				if !it.Prescribed {
					open = append(open, openDues(it)...)
				}
			}
		}
	}
	if len(open) > 0 && d.Notice.Status == ledger.NoticeOpen {
		d.Pay = f24URL(sit.Position.Number, open...)
	}
	return d, true
}
