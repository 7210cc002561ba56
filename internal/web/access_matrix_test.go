package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/access"
)

// actorCase is one kind of actor of the access matrix.
type actorCase struct {
	name string
	c    func(w *world) *client
	// position tells which actions on position p1 the actor may do.
	position map[access.Action]bool
	kind     access.Kind
	role     string
}

func matrixActors() []actorCase {
	all := map[access.Action]bool{access.ViewPosition: true, access.EditContacts: true, access.ViewOwnStatement: true, access.ViewAccessLog: true, access.SendRequests: true}
	staffAll := map[access.Action]bool{access.ViewPosition: true, access.EditContacts: true, access.ViewOwnStatement: true}
	return []actorCase{
		{"anonymous", func(w *world) *client { return w.anonymous() }, nil, access.Anonymous, ""},
		{"titolare", func(w *world) *client { return w.as(w.titolare.ID, 0, "self") }, all, access.Citizen, ""},
		{"titolare of another position", func(w *world) *client { return w.as(w.other.ID, 0, "self") }, nil, access.Citizen, ""},
		{"collaboratore", func(w *world) *client { return w.as(w.member.ID, 0, "self") },
			map[access.Action]bool{access.ViewOwnStatement: true}, access.Citizen, ""},
		{"intermediary, active delegation", func(w *world) *client { return w.as(w.interActive.ID, 0, "intermediary") }, withAction(staffAll, access.SendRequests), access.Citizen, ""},
		{"intermediary, consultation only", func(w *world) *client { return w.as(w.interConsult.ID, 0, "intermediary") },
			map[access.Action]bool{access.ViewPosition: true, access.ViewOwnStatement: true}, access.Citizen, ""},
		{"intermediary, expired delegation", func(w *world) *client { return w.as(w.interExpired.ID, 0, "intermediary") }, nil, access.Citizen, ""},
		{"intermediary, revoked delegation", func(w *world) *client { return w.as(w.interRev.ID, 0, "intermediary") }, nil, access.Citizen, ""},
		{"intermediary, pending invitation", func(w *world) *client { return w.intermediaryWith("pending") }, nil, access.Citizen, ""},
		{"intermediary, rejected invitation", func(w *world) *client { return w.intermediaryWith("rejected") }, nil, access.Citizen, ""},
		{"intermediary, renounced delegation", func(w *world) *client { return w.intermediaryWith("renounced") }, nil, access.Citizen, ""},
		{"operator of the office", func(w *world) *client { return w.as(0, w.operator.ID, "") }, staffAll, access.Staff, access.RoleOperator},
		{"operator of another office", func(w *world) *client { return w.as(0, w.operatorElsewhere.ID, "") }, nil, access.Staff, access.RoleOperator},
		{"administrator", func(w *world) *client { return w.as(0, w.admin.ID, "") }, staffAll, access.Staff, access.RoleAdmin},
	}
}

// intermediaryWith returns a client logged in as an intermediary whose one
// delegation on p1 has status (pending, rejected, renounced: none grants
// anything); the person is made on first use.
func (w *world) intermediaryWith(status string) *client {
	w.t.Helper()
	if w.byStatus == nil {
		w.byStatus = map[string]int64{}
	}
	id, ok := w.byStatus[status]
	if !ok {
		cf := map[string]string{"pending": "BNCLRA80A41F205K", "rejected": "BNCLRA80A41F206K", "renounced": "BNCLRA80A41F207K"}[status]
		p := person(cf, "Laura", "Bianchi "+status)
		if err := w.reg.CreatePerson(w.t.Context(), &p); err != nil {
			w.t.Fatalf("intermediary %s: %v", status, err)
		}
		w.delegate(w.p1.ID, p.ID, "full", status, "2024-01-01", "")
		id, w.byStatus[status] = p.ID, p.ID
	}
	return w.as(id, 0, "intermediary")
}

// concrete turns a route pattern into a method and a path on position p1.
func concrete(pattern, number string) (string, string) {
	method, path, _ := strings.Cut(pattern, " ")
	path = strings.ReplaceAll(path, "{num}", number)
	path = strings.ReplaceAll(path, "{lang}", "en")
	return method, strings.ReplaceAll(path, "{$}", "")
}

// globalAllowed says whether an actor may use a route not tied to a position.
func globalAllowed(act access.Action, a actorCase) bool {
	actor := access.Actor{Kind: a.kind, Role: a.role, PersonID: 1, StaffID: 1, OfficeCode: "1300"}
	return access.Allow(actor, act, access.Facts{}, today())
}

func TestEveryRouteDeclaresAKnownAction(t *testing.T) {
	w := newWorld(t)
	routes := w.srv.Routes()
	if len(routes) < 20 {
		t.Fatalf("only %d routes registered", len(routes))
	}
	for pattern, act := range routes {
		if !act.Known() {
			t.Errorf("route %s declares no known action (%q)", pattern, act)
		}
	}
}

// TestAccessMatrix calls every registered route as every kind of actor and
// checks that the gate allows or denies as the policy says: denied position
// routes answer 404 (never 403), anonymous visitors are sent to log in.
func TestAccessMatrix(t *testing.T) {
	w := newWorld(t)
	for _, a := range matrixActors() {
		for pattern, act := range w.srv.Routes() {
			method, path := concrete(pattern, w.p1.Number)
			path = w.fillPathIDs(path) // ledger_fixture_test.go: real ids for {id}, {anno}, f24.pdf
			var form map[string]string
			if method == http.MethodPost {
				form = map[string]string{"email": "nuova@example.it", "profile": "self"}
			}
			res := a.c(w).do(method, path, form)
			where := a.name + " " + pattern
			switch {
			case act == access.Public:
				if isLoginRedirect(res) || strings.Contains(res.body, "Non hai i permessi per questa funzione") {
					t.Errorf("%s: public route refused: %d %s", where, res.status, res.location)
				}
			case a.kind == access.Anonymous:
				if method == http.MethodGet && !isLoginRedirect(res) || method == http.MethodPost && res.status != http.StatusUnauthorized {
					t.Errorf("%s: anonymous got %d %s, want the login", where, res.status, res.location)
				}
			case act.OnPosition():
				checkPositionRoute(t, where, method, res, a.position[act])
			default:
				checkGlobalRoute(t, where, res, globalAllowed(act, a))
			}
		}
	}
}

func checkPositionRoute(t *testing.T, where, method string, res response, allowed bool) {
	t.Helper()
	if !allowed {
		if res.status != http.StatusNotFound {
			t.Errorf("%s: got %d, want 404 (denied)", where, res.status)
		}
		return
	}
	ok := res.status == http.StatusOK || method == http.MethodPost && (res.status == http.StatusSeeOther || res.status == http.StatusUnprocessableEntity)
	if !ok {
		t.Errorf("%s: got %d %s, want it allowed", where, res.status, res.location)
	}
}

func checkGlobalRoute(t *testing.T, where string, res response, allowed bool) {
	t.Helper()
	denied := res.status == http.StatusForbidden || isLoginRedirect(res)
	if allowed == denied {
		t.Errorf("%s: got %d %s, want allowed=%v", where, res.status, res.location, allowed)
	}
}

func isLoginRedirect(res response) bool {
	return res.status == http.StatusSeeOther && (strings.HasPrefix(res.location, "/accesso") || strings.HasPrefix(res.location, "/fascicolo/accesso"))
}

// TestTopicAdministrationIsAdminOnly: the topics and routing rules page
// and its forms are declared for administrators (the matrix above then
// checks operators get 403 and administrators get through).
func TestTopicAdministrationIsAdminOnly(t *testing.T) {
	w := newWorld(t)
	routes := w.srv.Routes()
	for _, p := range []string{"GET /fascicolo/ambiti", "POST /fascicolo/ambiti", "POST /fascicolo/ambiti/modifica", "POST /fascicolo/ambiti/stato"} {
		if act, ok := routes[p]; !ok || act != access.AdminOnly {
			t.Errorf("%s: declared %q (registered %v), want %q", p, act, ok, access.AdminOnly)
		}
	}
}
