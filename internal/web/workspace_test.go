package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/deadlines"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// TestWorkspaceListsTheActiveDelegationsWithTheFiguresOfEachSituazione:
// the workspace lists exactly the positions delegated to the
// intermediary today, and each row's debt, overdue part, next deadline
// and open notices are those of the position's own pages.
func TestWorkspaceListsTheActiveDelegationsWithTheFiguresOfEachSituazione(t *testing.T) {
	w := newWorld(t)
	hidden := w.withClients()
	w.withLedger()
	c := w.as(w.interActive.ID, 0, "intermediary")
	res := c.get("/intermediario")
	if res.status != http.StatusOK {
		t.Fatalf("workspace %d", res.status)
	}
	rows := workspaceRows(res.body)
	if got := numbers(rows); got != "[10000001 10000002]" {
		t.Fatalf("workspace lists %s, want the two active delegations (not %v)", got, hidden)
	}
	mustContain(t, "workspace", res.body, "Inviti di delega in attesa della tua risposta: 1", `href="/deleghe"`, `href="/posizioni/10000002/"`,
		"completa", "30/06/2027", "Area intermediario")
	reader := store.NewLedgerReader(w.db)
	today := civil.Of(w.now)
	for _, r := range rows {
		pos, _ := w.reg.PositionByNumber(context.Background(), r.number)
		rec, err := reader.Records(context.Background(), pos.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		sit := ledger.NewSituation(rec, ledger.SituationOptions{AsOf: today})
		if sit.Debt <= 0 {
			t.Fatalf("%s: the fixture should leave a debt", r.number)
		}
		up := deadlines.Upcoming(sit, rec.Persons, today)
		var amount money.Cents
		for _, d := range up {
			if d.Date == up[0].Date {
				amount += d.Amount
			}
		}
		var open int
		for _, n := range ledger.NoticeSummaries(sit) {
			if n.Status() == ledger.NoticeOpen {
				open++
			}
		}
		want := map[string]string{"debito": sit.Debt.Italian(), "scaduto": sit.Overdue.Italian(), "scadenza": up[0].Date.Italian(),
			"importo_scadenza": amount.Italian()}
		for col, v := range want {
			if r.cells[col] != v {
				t.Errorf("%s %s: %q, want %q", r.number, col, r.cells[col], v)
			}
		}
		if !strings.HasPrefix(r.cells["avvisi"], fmt.Sprint(open)) || open == 0 || r.cells["comunicazioni"] != "0" {
			t.Errorf("%s: notices %q (want %d open), communications %q", r.number, r.cells["avvisi"], open, r.cells["comunicazioni"])
		}
		dash := c.get("/posizioni/" + r.number + "/")
		mustContain(t, "dashboard "+r.number, dash.body, fmt.Sprintf(`id="dash-debt">%s<`, sit.Debt.Italian()))
	}
}

// TestWorkspaceSortsFiltersSearchesAndPages checks each control on the
// positions of withClients and withLedger, then on 55 more clients.
func TestWorkspaceSortsFiltersSearchesAndPages(t *testing.T) {
	w := newWorld(t)
	w.withClients()
	w.withLedger()
	c := w.as(w.interActive.ID, 0, "intermediary")
	first := workspaceRows(c.get("/intermediario").body)
	debt := map[string]string{}
	for _, r := range first {
		debt[r.number] = r.cells["debito"]
	}
	cases := map[string]string{
		"?ordina=numero&verso=desc":   "[10000002 10000001]",
		"?ordina=gestione&verso=desc": "[10000002 10000001]",
		"?ordina=delega":              "[10000002 10000001]", // consultation before full
		"?gestione=CO":                "[10000002]",
		"?gestione=ar":                "[10000001]",
		"?q=cognome":                  "[10000001 10000002]",
		"?q=" + w.other.CodiceFiscale: "[10000002]",
		"?q=00001":                    "[10000001]",
		"?q=nessuno":                  "[]",
		"?debito=1":                   "[10000001 10000002]",
		"?avvisi=1&gestione=CO":       "[10000002]",
		"?entro=1":                    "[]",
		"?entro=366":                  "[10000001 10000002]",
	}
	for query, want := range cases {
		res := c.get("/intermediario" + query)
		if got := numbers(workspaceRows(res.body)); res.status != http.StatusOK || got != want {
			t.Errorf("%s: %d %s, want %s", query, res.status, got, want)
		}
	}
	byDebt := workspaceRows(c.get("/intermediario?ordina=debito&verso=desc").body)
	if len(byDebt) != 2 || parseEuro(t, byDebt[0].cells["debito"]) < parseEuro(t, byDebt[1].cells["debito"]) {
		t.Errorf("by debt, descending: %v", byDebt)
	}
	if res := c.get("/intermediario?q=nessuno"); !strings.Contains(res.body, "Nessun cliente corrisponde ai filtri") {
		t.Error("an empty search does not say what to do")
	}
	for i := range 55 {
		p := w.clientPosition(fmt.Sprintf("2%07d", i), registry.Commercianti, fmt.Sprintf("BNCLRA80A01H%03dZ", i), "Laura", fmt.Sprintf("Bianchi%02d", i))
		w.delegate(p.ID, w.interActive.ID, "consultation", "active", "2024-01-01", "")
	}
	page1 := c.get("/intermediario?gestione=CO")
	page2 := c.get("/intermediario?gestione=CO&pagina=2")
	r1, r2 := workspaceRows(page1.body), workspaceRows(page2.body)
	if len(r1) != 50 || len(r2) != 6 || r2[5].number != "20000054" {
		t.Fatalf("pages of 56 clients: %d and %d rows", len(r1), len(r2))
	}
	mustContain(t, "page 1", page1.body, "Clienti mostrati: 56 su 57.", `href="/intermediario?gestione=CO&amp;pagina=2"`, "Pagina 1 di 2")
	mustContain(t, "page 2", page2.body, `href="/intermediario?gestione=CO"`, "Pagina 2 di 2")
}

func parseEuro(t *testing.T, s string) float64 {
	t.Helper()
	var v float64
	s = strings.NewReplacer(".", "", ",", ".", " €", "", "\u00a0€", "").Replace(s)
	if _, err := fmt.Sscan(s, &v); err != nil {
		t.Fatalf("amount %q: %v", s, err)
	}
	return v
}

// TestWorkspaceCSVHoldsThePagesFilteredRows: same filter, same rows, same
// order, same figures, in the export format.
func TestWorkspaceCSVHoldsThePagesFilteredRows(t *testing.T) {
	w := newWorld(t)
	w.withClients()
	w.withLedger()
	c := w.as(w.interActive.ID, 0, "intermediary")
	for _, q := range []string{"?ordina=debito&verso=desc", "?gestione=CO", "?q=nessuno"} {
		page := workspaceRows(c.get("/intermediario" + q).body)
		res := c.get("/intermediario.csv" + q)
		if res.status != http.StatusOK || !strings.HasPrefix(res.body, "\ufeff") || !strings.HasPrefix(res.header.Get("Content-Type"), "text/csv") {
			t.Fatalf("%s: CSV %d %q", q, res.status, res.header.Get("Content-Type"))
		}
		cr := csv.NewReader(strings.NewReader(strings.TrimPrefix(res.body, "\ufeff")))
		cr.Comma = ';'
		lines, err := cr.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if lines[0][0] != "Posizione" || len(lines)-1 != len(page) {
			t.Fatalf("%s: CSV has %d rows, the page %d", q, len(lines)-1, len(page))
		}
		plain := strings.NewReplacer(".", "", " €", "", "\u00a0€", "")
		for i, r := range page {
			line := lines[i+1]
			if line[0] != r.number {
				t.Errorf("%s row %d: %v, want %s", q, i, line, r.number)
			}
			for col, at := range map[string]int{"debito": 6, "scaduto": 7, "scadenza": 8, "importo_scadenza": 9, "comunicazioni": 12} {
				want := r.cells[col]
				if col != "scadenza" {
					want = plain.Replace(want)
				}
				if line[at] != want {
					t.Errorf("%s %s %s: CSV %q, page %q", q, r.number, col, line[at], want)
				}
			}
		}
	}
}

// TestWorkspaceZipHoldsOneF24PerOwingClientAndAuditsEach: the first rate
// of 2025 is paid on p1, not on p2; the fourth of 2026 is owed by both.
func TestWorkspaceZipHoldsOneF24PerOwingClientAndAuditsEach(t *testing.T) {
	w := newWorld(t)
	w.withClients()
	w.withLedger()
	c := w.as(w.interActive.ID, 0, "intermediary")
	for query, want := range map[string][]string{
		"anno=2025&rata=1": {"F24_10000002_2025_rata1.pdf"},
		"anno=2026&rata=4": {"F24_10000001_2026_rata4.pdf", "F24_10000002_2026_rata4.pdf"},
	} {
		res := c.get("/intermediario/f24.zip?" + query)
		if res.status != http.StatusOK || res.header.Get("Content-Type") != "application/zip" {
			t.Fatalf("%s: %d %s\n%.300s", query, res.status, res.header.Get("Content-Type"), res.body)
		}
		zr, err := zip.NewReader(bytes.NewReader([]byte(res.body)), int64(len(res.body)))
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, f := range zr.File {
			names = append(names, f.Name)
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			_, _ = buf.ReadFrom(rc)
			rc.Close()
			if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) || !bytes.Contains(buf.Bytes(), []byte("%%EOF")) {
				t.Errorf("%s is not a whole PDF", f.Name)
			}
		}
		if !slices.Equal(names, want) {
			t.Errorf("%s: zip holds %v, want %v", query, names, want)
		}
	}
	audits := map[int64]int{}
	for _, p := range []registry.PositionView{w.p1, w.p2} {
		entries, _ := store.NewAudit(w.db).ForPosition(context.Background(), p.ID, 0, 100)
		for _, e := range entries {
			if strings.Contains(e.Detail, "zip") && e.ActingAs == "intermediary" && e.ActorID == w.interActive.ID {
				audits[p.ID]++
			}
		}
	}
	if audits[w.p1.ID] != 1 || audits[w.p2.ID] != 2 {
		t.Errorf("zip reads audited %v, want p1 once and p2 twice", audits)
	}
}

// TestWorkspaceBadInputIs422WithTheMessageBesideTheField.
func TestWorkspaceBadInputIs422WithTheMessageBesideTheField(t *testing.T) {
	w := newWorld(t)
	w.withClients()
	c := w.as(w.interActive.ID, 0, "intermediary")
	for path, want := range map[string]string{
		"/intermediario?entro=abc":                     `id="entro-error">Scrivi un numero di giorni`,
		"/intermediario?entro=0":                       `id="entro-error">Scrivi un numero di giorni`,
		"/intermediario?gestione=XX":                   `id="gestione-error">Scegli una gestione`,
		"/intermediario?ordina=colore":                 `id="ordina-error">Ordinamento non valido`,
		"/intermediario?pagina=-1":                     `id="pagina-error">Numero di pagina non valido`,
		"/intermediario?q=" + strings.Repeat("a", 101): `id="q-error">La ricerca`,
		"/intermediario.csv?entro=abc":                 `id="entro-error">`,
		"/intermediario/f24.zip":                       `id="anno-error">Scrivi un anno`,
		"/intermediario/f24.zip?anno=2026&rata=9":      `id="rata-error">Scegli una rata`,
		"/intermediario/f24.zip?anno=2026&rata=1":      `id="rata-error">Nessun cliente deve ancora pagare`,
	} {
		res := c.get(path)
		if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, want) {
			t.Errorf("%s: %d, want 422 with %s", path, res.status, want)
		}
	}
}

// TestWorkspaceIsForTheIntermediaryProfile: a titolare acting for himself
// is told what the page is for (no clients, no figures), a person who has
// not chosen a profile chooses one first, staff are refused (CitizenOnly),
// and an intermediary-only person lands on the workspace after login.
func TestWorkspaceIsForTheIntermediaryProfile(t *testing.T) {
	w := newWorld(t)
	w.delegate(w.p2.ID, w.titolare.ID, "full", "active", "2024-01-01", "")
	self := w.as(w.titolare.ID, 0, "self")
	res := self.get("/intermediario")
	if res.status != http.StatusOK || len(workspaceRows(res.body)) != 0 || !strings.Contains(res.body, "Quest&#39;area è per gli intermediari") {
		t.Fatalf("self profile: %d %d rows", res.status, len(workspaceRows(res.body)))
	}
	if csvRes := self.get("/intermediario.csv"); strings.Count(csvRes.body, "\n") != 1 {
		t.Errorf("self profile CSV should hold the header only: %q", csvRes.body)
	}
	if zipRes := self.get("/intermediario/f24.zip?anno=2026&rata=4"); zipRes.status != http.StatusUnprocessableEntity {
		t.Errorf("self profile zip: %d", zipRes.status)
	}
	if strings.Contains(res.body, `href="/intermediario"`) {
		t.Error("the header link is for the intermediary profile only")
	}
	if r := w.as(w.titolare.ID, 0, "").get("/intermediario"); r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/profilo?next=") {
		t.Errorf("no profile: %d %s", r.status, r.location)
	}
	for _, id := range []int64{w.operator.ID, w.admin.ID} {
		if r := w.as(0, id, "").get("/intermediario"); r.status != http.StatusForbidden {
			t.Errorf("staff: %d", r.status)
		}
	}
	w.oidc.identity.CodiceFiscale = w.interActive.CodiceFiscale
	c := w.anonymous()
	login := c.get("/auth/login")
	back := c.get(login.location)
	if back.location != "/intermediario" {
		t.Errorf("an intermediary lands on %q", back.location)
	}
	choose := w.as(w.titolare.ID, 0, "").do("POST", "/profilo", map[string]string{"profile": "intermediary"})
	if choose.location != "/intermediario" {
		t.Errorf("choosing the intermediary profile lands on %q", choose.location)
	}
}

// TestWorkspaceRunsTheSameQueriesForMoreClients: the figures of every
// client come from a bounded set of queries, not from one per client.
func TestWorkspaceRunsTheSameQueriesForMoreClients(t *testing.T) {
	w := newWorld(t)
	w.withClients()
	w.withLedger()
	c := w.as(w.interActive.ID, 0, "intermediary")
	few := w.countQueries(c, "/intermediario")
	for i := range 30 {
		p := w.clientPosition(fmt.Sprintf("3%07d", i), registry.Artigiani, fmt.Sprintf("NRIPLA80A01H%03dZ", i), "Paola", "Neri")
		w.delegate(p.ID, w.interActive.ID, "full", "active", "2024-01-01", "")
	}
	if many := w.countQueries(c, "/intermediario"); many != few {
		t.Errorf("the workspace runs %d statements for 2 clients, %d for 32", few, many)
	}
}

// TestWorkspaceListAndCSVAuditEveryClientShown: the list shows each
// client's figures, so each view writes one access-log entry per client on
// the page, and the CSV one per client exported; a titolare's own access
// log then shows the intermediary's reads.
func TestWorkspaceListAndCSVAuditEveryClientShown(t *testing.T) {
	w := newWorld(t)
	w.withClients()
	c := w.as(w.interActive.ID, 0, "intermediary")
	count := func(detail string) map[int64]int {
		out := map[int64]int{}
		for _, p := range []registry.PositionView{w.p1, w.p2} {
			entries, err := store.NewAudit(w.db).ForPosition(context.Background(), p.ID, 0, 100)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				if e.Detail == detail && e.ActorID == w.interActive.ID && e.ActingAs == "intermediary" {
					out[p.ID]++
				}
			}
		}
		return out
	}
	if res := c.get("/intermediario"); res.status != http.StatusOK {
		t.Fatalf("workspace: %d", res.status)
	}
	if got := count("area intermediario (elenco clienti)"); got[w.p1.ID] != 1 || got[w.p2.ID] != 1 {
		t.Errorf("a view of the list audited %v, want each client once", got)
	}
	if res := c.get("/intermediario?q=10000002"); res.status != http.StatusOK {
		t.Fatalf("search: %d", res.status)
	}
	if got := count("area intermediario (elenco clienti)"); got[w.p1.ID] != 1 || got[w.p2.ID] != 2 {
		t.Errorf("a search showing only p2 audited %v, want p1 once and p2 twice", got)
	}
	if res := c.get("/intermediario.csv"); res.status != http.StatusOK {
		t.Fatalf("csv: %d", res.status)
	}
	if got := count("area intermediario (esportazione CSV)"); got[w.p1.ID] != 1 || got[w.p2.ID] != 1 {
		t.Errorf("the CSV audited %v, want each client once", got)
	}
}

// TestWorkspaceDoesNotCountAnExpiredInvitation: an invitation past its
// last day is expired even before anyone records it, so it is not waiting
// for an answer.
func TestWorkspaceDoesNotCountAnExpiredInvitation(t *testing.T) {
	w := newWorld(t)
	w.withClients()
	c := w.as(w.interActive.ID, 0, "intermediary")
	if res := c.get("/intermediario"); !strings.Contains(res.body, "Inviti di delega in attesa della tua risposta: 1") {
		t.Fatalf("the open invitation is not counted:\n%.400s", res.body)
	}
	if _, err := w.db.W().Exec(context.Background(), `UPDATE delegations SET invite_expires_on = ?
		WHERE intermediary_id = ? AND status = 'pending'`, civil.MustParse("2026-11-01"), w.interActive.ID); err != nil {
		t.Fatal(err)
	}
	if res := c.get("/intermediario"); !strings.Contains(res.body, "Nessun invito di delega in attesa") {
		t.Errorf("an invitation that expired on 01/11/2026 is still counted on 23/11/2026")
	}
}
