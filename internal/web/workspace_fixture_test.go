package web_test

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/registry"
)

// clientPosition creates position number (gestione g) with a new titolare
// and returns it.
func (w *world) clientPosition(number string, g registry.Gestione, cf, given, family string) registry.PositionView {
	w.t.Helper()
	ctx := context.Background()
	p := person(cf, given, family)
	if err := w.reg.CreatePerson(ctx, &p); err != nil {
		w.t.Fatal(err)
	}
	pos := registry.Position{Number: number, Gestione: g, TitolareID: p.ID, OfficeCode: "1300",
		ActivityStart: civil.MustParse("2015-01-01"), Status: registry.StatusActive, Reduction: registry.ReductionNone}
	if err := w.reg.CreatePosition(ctx, &pos); err != nil {
		w.t.Fatal(err)
	}
	v, err := w.reg.PositionByNumber(ctx, number)
	if err != nil {
		w.t.Fatal(err)
	}
	return v
}

// withClients makes interActive the intermediary of p1 (already, full
// scope) and p2 (consultation, ending 30/06/2027), and gives him
// delegations that grant nothing today: revoked, expired, not started,
// pending. It returns the numbers of the positions he must not see.
func (w *world) withClients() []string {
	w.t.Helper()
	w.delegate(w.p2.ID, w.interActive.ID, "consultation", "active", "2024-01-01", "2027-06-30")
	hidden := map[string]string{"revoked": "10000003", "expired": "10000004", "future": "10000005", "pending": "10000006"}
	cfs := map[string]string{"revoked": "VRDGNN80A01F205X", "expired": "VRDGNN80A01F206X", "future": "VRDGNN80A01F207X", "pending": "VRDGNN80A01F208X"}
	var out []string
	for _, kind := range []string{"revoked", "expired", "future", "pending"} {
		p := w.clientPosition(hidden[kind], registry.Artigiani, cfs[kind], "Giovanni", "Verdi"+kind)
		status, from, to := "active", "2024-01-01", ""
		switch kind {
		case "revoked":
			status = "revoked"
		case "expired":
			to = "2025-12-31"
		case "future":
			from = "2027-01-01"
		case "pending":
			status = "pending"
		}
		w.delegate(p.ID, w.interActive.ID, "full", status, from, to)
		out = append(out, hidden[kind])
	}
	return out
}

var (
	wsRowRe  = regexp.MustCompile(`(?s)<tr id="cliente-(\d{8})">(.*?)</tr>`)
	wsCellRe = regexp.MustCompile(`(?s)data-col="([a-z_]+)">(.*?)</td>`)
)

// wsRow is one row of the workspace's table: its number and cells by column.
type wsRow struct {
	number string
	cells  map[string]string
}

// workspaceRows reads the rows of the workspace's table, in order.
func workspaceRows(body string) []wsRow {
	var out []wsRow
	for _, m := range wsRowRe.FindAllStringSubmatch(body, -1) {
		r := wsRow{number: m[1], cells: map[string]string{}}
		for _, c := range wsCellRe.FindAllStringSubmatch(m[2], -1) {
			r.cells[c[1]] = strings.TrimSpace(c[2])
		}
		out = append(out, r)
	}
	return out
}

func numbers(rows []wsRow) string {
	var out []string
	for _, r := range rows {
		out = append(out, r.number)
	}
	return fmt.Sprint(out)
}

// countQueries runs GET path with c's session and returns the statements
// it ran; any status but 200 fails the test.
func (w *world) countQueries(c *client, path string) int64 {
	w.t.Helper()
	n, code := w.queriesAndStatus(c, path)
	if code != http.StatusOK {
		w.t.Fatalf("%s: status %d", path, code)
	}
	return n
}
