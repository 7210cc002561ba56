package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/codicefiscale"
)

func TestGrantWithBadInputAnswers422AndStoresNothing(t *testing.T) {
	f := newDelegationFixture(t)
	ctx := context.Background()
	selfCF := codicefiscale.Compute("Cognome", "NomeA", "M", civil.MustParse("1980-01-01"), "H501")
	noProfile := codicefiscale.Compute("Verdi", "Luca", "M", civil.MustParse("1981-05-12"), "H501")
	if _, err := f.db.W().Exec(ctx, `UPDATE persons SET codice_fiscale = ? WHERE id = ?`, selfCF, f.titolare.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.db.W().Exec(ctx, `INSERT INTO intermediaries (person_id, kind) VALUES (?, 'caf')`, f.titolare.ID); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		form map[string]string
		want string
	}{
		{"oneself", map[string]string{"cf": selfCF, "scope": "full"}, "Non puoi delegare te stesso."},
		{"no intermediary profile", map[string]string{"cf": noProfile, "scope": "full"}, "non corrisponde un intermediario abilitato"},
		{"bad codice fiscale", map[string]string{"cf": "ABC", "scope": "full"}, "16 caratteri"},
		{"end date in the past", map[string]string{"cf": f.comm.CodiceFiscale, "scope": "full", "valid_to": "2026-11-22"}, "La data di fine non può essere già passata."},
		{"no scope", map[string]string{"cf": f.comm.CodiceFiscale}, "Scegli l&#39;ambito della delega."},
		{"empty", map[string]string{}, "Indica il codice fiscale dell&#39;intermediario."},
	}
	for _, c := range cases {
		res := f.titolareC().do("POST", "/posizioni/"+f.p1.Number+"/deleghe", c.form)
		if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "is-invalid") && !strings.Contains(res.body, "scope-error") {
			t.Errorf("%s: %d, want 422 with the problem beside the field", c.name, res.status)
		}
		if c.want != "" && !strings.Contains(res.body, c.want) {
			t.Errorf("%s: the page does not say %q", c.name, c.want)
		}
	}
	if n := f.count(`SELECT COUNT(*) FROM delegations WHERE intermediary_id = ? OR intermediary_id = ?`, f.comm.ID, f.titolare.ID); n != 0 {
		t.Fatalf("%d delegations stored", n)
	}
}

func TestGrantAcceptRevokeThroughThePages(t *testing.T) {
	f := newDelegationFixture(t)
	pos := "/posizioni/" + f.p1.Number + "/"
	id := f.grant()
	if page := f.titolareC().get(pos + "deleghe?esito=conferita"); !strings.Contains(page.body, "in attesa di accettazione") ||
		!strings.Contains(page.body, "Invito inviato") {
		t.Fatalf("the titolare's page does not show the invitation")
	}
	if res := f.commC().get(pos); res.status != http.StatusNotFound {
		t.Fatalf("a pending invitation opens the position: %d", res.status)
	}
	mine := f.commC().get("/deleghe")
	if mine.status != http.StatusOK || !strings.Contains(mine.body, `action="/deleghe/accetta"`) || !strings.Contains(mine.body, f.p1.Number) {
		t.Fatalf("the intermediary's page: %d", mine.status)
	}
	if res := f.commC().do("POST", "/deleghe/accetta", map[string]string{"id": id}); res.status != http.StatusSeeOther {
		t.Fatalf("accept: %d %s", res.status, res.body)
	}
	if res := f.commC().get(pos); res.status != http.StatusOK {
		t.Fatalf("an accepted delegation does not open the position: %d", res.status)
	}
	if res := f.titolareC().do("POST", pos+"deleghe/revoca", map[string]string{"id": id, "note": "cambio consulente"}); res.status != http.StatusSeeOther {
		t.Fatalf("revoke: %d", res.status)
	}
	if res := f.commC().get(pos); res.status != http.StatusNotFound {
		t.Fatalf("a revoked delegation still opens the position: %d", res.status)
	}
	page := f.titolareC().get(pos + "deleghe")
	for _, want := range []string{"revocata", "cambio consulente", "Storico della delega"} {
		if !strings.Contains(page.body, want) {
			t.Errorf("the titolare's page does not show %q", want)
		}
	}
}

func TestTheIntermediaryRejectsAnInvitation(t *testing.T) {
	f := newDelegationFixture(t)
	id := f.grant()
	if res := f.commC().do("POST", "/deleghe/rifiuta", map[string]string{"id": id, "note": "non è mio cliente"}); res.status != http.StatusSeeOther {
		t.Fatalf("reject: %d", res.status)
	}
	if f.statusOf(id) != "rejected" {
		t.Fatal("not rejected")
	}
	if res := f.commC().get("/posizioni/" + f.p1.Number + "/"); res.status != http.StatusNotFound {
		t.Fatalf("a rejected invitation opens the position: %d", res.status)
	}
}

func TestTheIntermediaryRenounces(t *testing.T) {
	f := newDelegationFixture(t)
	id := f.grant()
	f.commC().do("POST", "/deleghe/accetta", map[string]string{"id": id})
	if res := f.commC().do("POST", "/deleghe/rinuncia", map[string]string{"id": id}); res.status != http.StatusSeeOther {
		t.Fatalf("renounce: %d", res.status)
	}
	if f.statusOf(id) != "renounced" {
		t.Fatal("not renounced")
	}
	if res := f.commC().get("/posizioni/" + f.p1.Number + "/"); res.status != http.StatusNotFound {
		t.Fatalf("a renounced delegation opens the position: %d", res.status)
	}
}

func TestAcceptingAnExpiredInvitationIsRefused(t *testing.T) {
	f := newDelegationFixture(t)
	id := f.grant()
	f.now = f.now.Add(31 * 24 * time.Hour)
	res := f.commC().do("POST", "/deleghe/accetta", map[string]string{"id": id})
	if res.status != http.StatusConflict || !strings.Contains(res.body, "L&#39;invito è scaduto") {
		t.Fatalf("accept after expiry: %d", res.status)
	}
	if f.statusOf(id) != "expired" {
		t.Fatal("the expiry was not recorded")
	}
	if res := f.commC().get("/posizioni/" + f.p1.Number + "/"); res.status != http.StatusNotFound {
		t.Fatalf("an expired invitation opens the position: %d", res.status)
	}
}

func TestOthersCannotAnswerOrRevokeADelegation(t *testing.T) {
	f := newDelegationFixture(t)
	id := f.grant()
	if res := f.as(f.interActive.ID, 0, "intermediary").do("POST", "/deleghe/accetta", map[string]string{"id": id}); res.status != http.StatusNotFound {
		t.Errorf("another intermediary accepts: %d", res.status)
	}
	if res := f.commC().do("POST", "/deleghe/accetta", map[string]string{"id": "abc"}); res.status != http.StatusUnprocessableEntity {
		t.Errorf("a bad id: %d", res.status)
	}
	if res := f.as(f.other.ID, 0, "self").do("POST", "/posizioni/"+f.p1.Number+"/deleghe/revoca", map[string]string{"id": id}); res.status != http.StatusNotFound {
		t.Errorf("another titolare revokes: %d", res.status)
	}
	if res := f.as(0, f.operator.ID, "").do("POST", "/posizioni/"+f.p1.Number+"/deleghe/revoca", map[string]string{"id": id}); res.status != http.StatusNotFound {
		t.Errorf("an operator revokes: %d", res.status)
	}
	if f.statusOf(id) != "pending" {
		t.Fatal("the invitation changed")
	}
}

func TestMenuAndHeaderLinkTheDelegationPages(t *testing.T) {
	f := newDelegationFixture(t)
	if res := f.titolareC().get("/posizioni/" + f.p1.Number + "/"); !strings.Contains(res.body, `href="/posizioni/`+f.p1.Number+`/deleghe"`) {
		t.Error("the titolare's menu has no Deleghe")
	}
	if res := f.as(f.interActive.ID, 0, "intermediary").get("/posizioni/" + f.p1.Number + "/"); strings.Contains(res.body, "/deleghe\"") &&
		strings.Contains(res.body, `/posizioni/`+f.p1.Number+`/deleghe"`) {
		t.Error("an intermediary's menu links the titolare's delegations")
	}
	if res := f.commC().get("/posizioni"); !strings.Contains(res.body, `href="/deleghe"`) {
		t.Error("the intermediary's header has no Le mie deleghe")
	}
}
