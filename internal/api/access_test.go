package api_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/registry"
)

// caller is one kind of API caller and whether he may read position p1.
type caller struct {
	name    string
	person  func(w *world) registry.Person
	seesP1  bool
	audited bool // his reads of p1 are written to the access log
}

func callers() []caller {
	return []caller{
		{"titolare", func(w *world) registry.Person { return w.titolare }, true, false},
		{"intermediary, active delegation", func(w *world) registry.Person { return w.interActive }, true, true},
		{"intermediary, consultation only", func(w *world) registry.Person { return w.interConsult }, true, true},
		{"intermediary, expired delegation", func(w *world) registry.Person { return w.interExpired }, false, false},
		{"intermediary, revoked delegation", func(w *world) registry.Person { return w.interRev }, false, false},
		{"titolare of another position", func(w *world) registry.Person { return w.other }, false, false},
		{"stranger", func(w *world) registry.Person { return w.stranger }, false, false},
	}
}

// concrete turns a route pattern into a path on position p1.
func (w *world) concrete(pattern string) string {
	_, path, _ := strings.Cut(pattern, " ")
	path = "/api/v1" + strings.ReplaceAll(path, "{number}", w.p1.Number)
	if strings.HasSuffix(path, "/f24") {
		path += fmt.Sprintf("?due=%d", w.dueOf(2026, "rata4"))
	}
	return path
}

func (w *world) auditCount(positionID int64) int {
	w.t.Helper()
	var n int
	w.must(w.db.R().QueryRow(context.Background(), `SELECT COUNT(*) FROM audit_log WHERE position_id = ?`, positionID).Scan(&n))
	return n
}

// TestEveryEndpointAsEveryCaller calls every route of the API as every
// kind of caller: a position route answers 200 to whom the access policy
// allows and 404 to anyone else; every allowed read by an intermediary is
// in the access log, the titolare's reads are not; routes not tied to a
// position answer every person. Requests and responses are validated
// against the OpenAPI document.
func TestEveryEndpointAsEveryCaller(t *testing.T) {
	w := newWorld(t, 10000)
	routes := w.api.Routes()
	if len(routes) < 10 {
		t.Fatalf("only %d routes", len(routes))
	}
	for _, c := range callers() {
		token := w.reader(c.person(w))
		for pattern, act := range routes {
			path := w.concrete(pattern)
			before := w.auditCount(w.p1.ID)
			res := w.get(path, token)
			where := c.name + " " + pattern
			want := http.StatusOK
			if act.OnPosition() && !c.seesP1 {
				want = http.StatusNotFound
			}
			if res.status != want {
				t.Errorf("%s: got %d, want %d: %s", where, res.status, want, res.body)
			}
			logged := w.auditCount(w.p1.ID) - before
			if act.OnPosition() && c.audited && logged != 1 || (!act.OnPosition() || !c.audited) && logged != 0 {
				t.Errorf("%s: %d access-log entries, want one for an intermediary's read, none otherwise", where, logged)
			}
		}
	}
}

// TestIntermediaryReadIsAuditedAsThePages checks the access-log entry of an
// intermediary's read: who, acting as what, which action and detail.
func TestIntermediaryReadIsAuditedAsThePages(t *testing.T) {
	w := newWorld(t, 1000)
	if res := w.get("/api/v1/positions/10000001", w.reader(w.interActive)); res.status != http.StatusOK {
		t.Fatalf("got %d", res.status)
	}
	var label, actingAs, action, detail string
	w.must(w.db.R().QueryRow(context.Background(), `SELECT actor_label, acting_as, action, detail FROM audit_log
		WHERE position_id = ? ORDER BY id DESC`, w.p1.ID).Scan(&label, &actingAs, &action, &detail))
	if !strings.Contains(label, w.interActive.CodiceFiscale) || actingAs != "intermediary" ||
		action != string(access.ViewPosition) || detail != "API: anagrafica" {
		t.Errorf("entry %q %q %q %q", label, actingAs, action, detail)
	}
}
