package web_test

import (
	"strings"
	"testing"
)

// TestSessionOwnerIsReadWithTheSession shows what the session's one query
// gives every request: the citizen's and the staff member's names in the
// header and their labels in the access log, the staff member's role and
// office in the access decision; and that a staff member deactivated, or a
// session whose owner row is gone, ends the session at the next request.
func TestSessionOwnerIsReadWithTheSession(t *testing.T) {
	w := newWorld(t)
	inter := w.as(w.interActive.ID, 0, "intermediary")
	page := inter.get("/posizioni/" + w.p1.Number + "/")
	name := w.interActive.GivenName + " " + w.interActive.FamilyName
	if page.status != 200 || !strings.Contains(page.body, name) {
		t.Fatalf("intermediary's dashboard: status %d, name %q shown: %v", page.status, name, strings.Contains(page.body, name))
	}
	op := w.as(0, w.operator.ID, "")
	if r := op.get("/posizioni/" + w.p1.Number + "/"); r.status != 200 || !strings.Contains(r.body, w.operator.DisplayName) {
		t.Fatalf("operator of the position's office: status %d", r.status)
	}
	if r := op.get("/posizioni/" + w.p2.Number + "/"); r.status != 404 {
		t.Errorf("operator of another office: status %d, want 404 (office read with the session)", r.status)
	}
	for label, kind := range map[string]string{
		name + " (" + w.interActive.CodiceFiscale + ")":           "citizen",
		w.operator.DisplayName + " (" + w.operator.Username + ")": "staff",
	} {
		var n int
		err := w.db.R().QueryRow(t.Context(), `SELECT COUNT(*) FROM audit_log WHERE actor_kind = ? AND actor_label = ?`,
			kind, label).Scan(&n)
		if err != nil || n == 0 {
			t.Errorf("no access-log entry by %s %q (%v)", kind, label, err)
		}
	}
	if _, err := w.db.W().Exec(t.Context(), `UPDATE staff SET active = ? WHERE id = ?`, false, w.operator.ID); err != nil {
		t.Fatal(err)
	}
	if r := op.get("/fascicolo/"); r.status != 303 || !strings.Contains(r.location, "scaduta=1") {
		t.Errorf("deactivated staff member: status %d to %q, want the login page saying the session ended", r.status, r.location)
	}
	if r := op.get("/fascicolo/"); r.status != 303 || strings.Contains(r.location, "scaduta=1") {
		t.Errorf("deactivated staff member, again: status %d to %q, want the login page (the cookie was cleared)", r.status, r.location)
	}
}
