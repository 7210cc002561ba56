package web

import (
	"net/http"
	"strconv"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/workspace"
)

// workspaceCSV sends the clients the workspace's filter keeps, in its
// order, every page at once (the format of ledger_csv.go). A bad filter is
// the page with its problems (422); a person not acting as intermediary
// gets the header only.
func (s *Server) workspaceCSV(w http.ResponseWriter, r *http.Request) {
	st := stateOf(r)
	wq, _, form, bad := parseWorkspaceQuery(r.URL.Query())
	if len(bad) > 0 {
		data := workspaceData{Form: form, Filtered: true, Zip: zipForm{Anno: strconv.Itoa(s.today().Year)}}
		s.showWorkspace(w, r, &data, wq, 1, bad)
		return
	}
	var rows []workspace.Row
	if st.actor.Profile == access.Intermediary {
		ws, err := s.loadWorkspace(r)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		rows = wq.Filter(ws.Rows, s.today())
		if err := s.auditClients(r, rows, "area intermediario (esportazione CSV)"); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	s.writeCSV(w, r, "clienti_"+s.today().String()+".csv", workspaceCSVRows(s.localizer(r), rows))
}

// workspaceCSVRows returns the header and one line per client.
func workspaceCSVRows(loc *Localizer, rows []workspace.Row) [][]string {
	var head []string
	for _, key := range workspace.SortKeys {
		head = append(head, loc.T("workspace.col."+key))
		if key == workspace.ByNotices {
			head = append(head, loc.T("workspace.csv.notices_owed"))
		}
	}
	out := [][]string{head}
	for _, r := range rows {
		validTo, next := "", ""
		if !r.ValidTo.IsZero() {
			validTo = r.ValidTo.Italian()
		}
		if !r.NextDate.IsZero() {
			next = r.NextDate.Italian()
		}
		out = append(out, []string{r.Number, csvText(r.TitolareName()), r.CodiceFiscale, r.Gestione,
			loc.T("workspace.scope." + r.Scope), validTo, csvAmount(r.Debt), csvAmount(r.Overdue), next,
			csvAmount(r.NextAmount), strconv.Itoa(r.OpenNotices), csvAmount(r.NoticesOwed), strconv.Itoa(r.Unread)})
	}
	return out
}
