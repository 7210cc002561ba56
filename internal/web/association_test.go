package web_test

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/codicefiscale"
	"github.com/cassetto-dev/cassetto/internal/registry"
)

// associationFixture adds to the delegation fixture a trade association
// and a person who works for it (not on its staff yet).
type associationFixture struct {
	*delegationFixture
	assoc, emp registry.Person
}

func newAssociationFixture(t *testing.T) *associationFixture {
	t.Helper()
	f := &associationFixture{delegationFixture: newDelegationFixture(t)}
	mk := func(family, given, sex, born string) registry.Person {
		p := registry.Person{GivenName: given, FamilyName: family, Sex: sex, BirthDate: civil.MustParse(born), BirthplaceCode: "F205"}
		p.CodiceFiscale = codicefiscale.Compute(family, given, sex, p.BirthDate, "F205")
		if err := f.reg.CreatePerson(context.Background(), &p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	f.assoc, f.emp = mk("Ferri", "Paolo", "M", "1968-04-12"), mk("Galli", "Sara", "F", "1990-06-30")
	if _, err := f.db.W().Exec(context.Background(), `INSERT INTO intermediaries (person_id, kind, registration_number, firm)
		VALUES (?, 'associazione', '', 'Confartigianato Milano')`, f.assoc.ID); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *associationFixture) assocC() *client { return f.as(f.assoc.ID, 0, "intermediary") }
func (f *associationFixture) empC() *client   { return f.as(f.emp.ID, 0, "intermediary") }

// id runs a query returning one id, as text for the forms.
func (f *associationFixture) id(query string, args ...any) string {
	f.t.Helper()
	var id int64
	if err := f.db.R().QueryRow(context.Background(), query, args...).Scan(&id); err != nil {
		f.t.Fatal(err)
	}
	return strconv.FormatInt(id, 10)
}

func (f *associationFixture) register() string {
	f.t.Helper()
	res := f.assocC().multipart("/associazione/deleghe", map[string]string{"position": f.p1.Number,
		"titolare_cf": strings.ToLower(f.titolare.CodiceFiscale), "scope": "consultation"}, "mandato.pdf", []byte("%PDF-1.7 mandato"))
	if res.status != http.StatusSeeOther {
		f.t.Fatalf("register: %d %s", res.status, res.body)
	}
	return f.id(`SELECT id FROM delegations WHERE intermediary_id = ? AND origin = 'association'`, f.assoc.ID)
}

func (f *associationFixture) post(path string, form map[string]string) {
	f.t.Helper()
	if res := f.assocC().do("POST", path, form); res.status != http.StatusSeeOther {
		f.t.Fatalf("POST %s: %d %s", path, res.status, res.body)
	}
}

func (f *associationFixture) empStatus() int {
	f.t.Helper()
	return f.empC().get("/posizioni/" + f.p1.Number + "/anagrafica").status
}

func TestAssociationStaffAccessThroughTheGate(t *testing.T) {
	f := newAssociationFixture(t)
	did := f.register()
	f.post("/associazione/personale", map[string]string{"cf": f.emp.CodiceFiscale})
	if got := f.empStatus(); got != http.StatusNotFound {
		t.Fatalf("staff member, not assigned: %d, want 404", got)
	}
	sid := f.id(`SELECT id FROM association_staff WHERE person_id = ? AND removed_at IS NULL`, f.emp.ID)
	f.post("/associazione/deleghe/assegna", map[string]string{"id": did, "staff": sid})
	if got := f.empStatus(); got != http.StatusOK {
		t.Fatalf("assigned staff member: %d, want 200", got)
	}
	if res := f.empC().get("/posizioni"); !strings.Contains(res.body, f.p1.Number) {
		t.Error("the assigned client is not in the staff member's positions")
	}
	if res := f.assocC().get("/associazione/attivita"); !strings.Contains(res.body, "anagrafica") {
		t.Error("the association does not see what its staff member read")
	}
	aid := f.id(`SELECT id FROM association_assignments WHERE staff_id = ? AND removed_at IS NULL`, sid)
	f.post("/associazione/deleghe/disassegna", map[string]string{"id": aid})
	if got := f.empStatus(); got != http.StatusNotFound {
		t.Fatalf("after the unassignment: %d, want 404", got)
	}
	f.post("/associazione/deleghe/assegna", map[string]string{"id": did, "staff": sid})
	f.post("/associazione/personale/rimuovi", map[string]string{"id": sid})
	if got := f.empStatus(); got != http.StatusNotFound {
		t.Fatalf("after the removal from the staff: %d, want 404", got)
	}
	if got := f.assocC().get("/posizioni/" + f.p1.Number + "/anagrafica").status; got != http.StatusOK {
		t.Errorf("the association itself: %d, want 200", got)
	}
}

func TestAssociationRegisterBadInputStoresNothing(t *testing.T) {
	f := newAssociationFixture(t)
	res := f.assocC().multipart("/associazione/deleghe", map[string]string{"position": f.p1.Number,
		"titolare_cf": f.other.CodiceFiscale, "scope": "everything"}, "mandato.txt", []byte("not a mandate"))
	if res.status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", res.status)
	}
	for _, want := range []string{`id="position-error"`, `id="scope-error"`, `id="document-error"`, "PDF"} {
		if !strings.Contains(res.body, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if n := f.count(`SELECT COUNT(*) FROM delegations WHERE intermediary_id = ?`, f.assoc.ID); n != 0 {
		t.Errorf("%d delegations stored", n)
	}
	res = f.assocC().do("POST", "/associazione/personale", map[string]string{"cf": "BNCGVN80A01F205X"})
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, `id="cf-error"`) {
		t.Errorf("unknown staff cf: %d", res.status)
	}
}

func TestAssociationMandateIsAnAttachmentForTheAssociationOnly(t *testing.T) {
	f := newAssociationFixture(t)
	did := f.register()
	res := f.assocC().get("/associazione/deleghe/" + did + "/mandato")
	if res.status != http.StatusOK || res.body != "%PDF-1.7 mandato" {
		t.Fatalf("download: %d %q", res.status, res.body)
	}
	if !strings.HasPrefix(res.header.Get("Content-Disposition"), "attachment") || res.header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("headers %v", res.header)
	}
	if res := f.commC().get("/associazione/deleghe/" + did + "/mandato"); strings.Contains(res.body, "%PDF") {
		t.Error("another intermediary downloaded the mandate")
	}
}

func TestAssociationPagesShowAnEmptyStateToOthers(t *testing.T) {
	f := newAssociationFixture(t)
	res := f.titolareC().get("/associazione")
	if res.status != http.StatusOK || !strings.Contains(res.body, "non è un&#39;associazione") {
		t.Errorf("a titolare on /associazione: %d", res.status)
	}
	res = f.titolareC().do("POST", "/associazione/personale", map[string]string{"cf": f.emp.CodiceFiscale})
	if n := f.count(`SELECT COUNT(*) FROM association_staff`); n != 0 {
		t.Errorf("a titolare added staff (%d, status %d)", n, res.status)
	}
	for _, p := range []string{"/associazione", "/associazione/deleghe", "/associazione/attivita"} {
		if res := f.assocC().get(p); res.status != http.StatusOK {
			t.Errorf("%s: %d", p, res.status)
		}
	}
}

// TestOnlyAnAssociationHasTheAssociationLink: the header links
// /associazione for an association acting as intermediary, not for any
// other intermediary.
func TestOnlyAnAssociationHasTheAssociationLink(t *testing.T) {
	f := newAssociationFixture(t)
	link := `href="/associazione"`
	if res := f.assocC().get("/intermediario"); !strings.Contains(res.body, link) {
		t.Error("the association's header lacks the link to its page")
	}
	if res := f.empC().get("/intermediario"); strings.Contains(res.body, link) {
		t.Error("an intermediary who is not an association sees the association link")
	}
}
