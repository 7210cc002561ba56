package web_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

var staffCaseURL = regexp.MustCompile(`^/fascicolo/pratiche/(\d+)\?esito=comunicazione$`)

func officeMessage(text string) map[string]string {
	return map[string]string{"posizione": "10000001", "ambito": "altro", "sottoambito": "altro.informazioni",
		"oggetto": "Documentazione da integrare", "testo": text}
}

func TestOfficeCommunicationReachesTheContributorWhoCanReply(t *testing.T) {
	w := newWorld(t)
	w.withBlobs()
	op := w.as(0, w.operator.ID, "")
	expect(t, op.get("/fascicolo/pratiche/nuova?posizione=10000001"), 200, "Nuova comunicazione a una posizione",
		w.titolare.CodiceFiscale, `name="posizione" value="10000001"`)
	res := op.post("/fascicolo/pratiche/nuova", officeMessage("Inviateci il modello firmato."),
		upload{"modello.zip", testZip("modello.pdf", "%PDF-1.4 modello")})
	m := staffCaseURL.FindStringSubmatch(res.location)
	if res.status != http.StatusSeeOther || m == nil {
		t.Fatalf("send: %d %s\n%.3000s", res.status, res.location, res.body)
	}
	id := m[1]
	expect(t, op.get(res.location), 200, "1300-2026-0000001", "Comunicazione inviata e protocollata", "In carico", "modello.zip")
	if n := w.count(`SELECT COUNT(*) FROM events WHERE kind = 'case.office_message' AND ref_id = ?`, id); n != 1 {
		t.Errorf("%d case.office_message events, want 1", n)
	}
	if n := w.count(`SELECT COUNT(*) FROM cases WHERE id = ? AND kind = 'comunicazione' AND assignee_id = ? AND opened_by_kind = 'staff'`,
		id, w.operator.ID); n != 1 {
		t.Error("the communication is not stored as the office's, in charge of its author")
	}
	if n := w.count(`SELECT COUNT(*) FROM audit_log WHERE action IN ('case.office_form', 'case.office_open') AND position_id = ?`, w.p1.ID); n != 3 {
		t.Errorf("%d audit entries, want 3 (form read, sending read, sending)", n)
	}
	tit := w.as(w.titolare.ID, 0, "self")
	expect(t, tit.get("/posizioni/10000001/richieste"), 200, "Documentazione da integrare", "Comunicazione della sede")
	thread := tit.get("/posizioni/10000001/richieste/" + id)
	expect(t, thread, 200, "Inviateci il modello firmato.", "Comunicazione della sede", "La sede")
	if strings.Contains(thread.body, w.operator.DisplayName) {
		t.Error("the contributor sees the operator's name: the office writes, not a person")
	}
	reply := tit.post("/posizioni/10000001/richieste/"+id+"/messaggi", map[string]string{"testo": "Ecco il modello."})
	if reply.status != http.StatusSeeOther {
		t.Fatalf("the titolare's reply: %d\n%.2000s", reply.status, reply.body)
	}
	full := w.as(w.interActive.ID, 0, "intermediary")
	expect(t, full.get("/posizioni/10000001/richieste/"+id), 200, "Ecco il modello.")
}

func TestOfficeCommunicationBadInputStoresNothing(t *testing.T) {
	w := newWorld(t)
	w.withBlobs()
	op := w.as(0, w.operator.ID, "")
	res := op.post("/fascicolo/pratiche/nuova", officeMessage("   "))
	expect(t, res, http.StatusUnprocessableEntity, `id="testo-error"`, "Scrivi il testo")
	bad := officeMessage("testo")
	bad["ambito"] = "inesistente"
	expect(t, op.post("/fascicolo/pratiche/nuova", bad), http.StatusUnprocessableEntity, `id="ambito-error"`)
	bomb := officeMessage("testo")
	expect(t, op.post("/fascicolo/pratiche/nuova", bomb, upload{"finto.zip", []byte("non uno zip")}),
		http.StatusUnprocessableEntity, `id="allegati-error"`, "finto.zip")
	for _, number := range []string{"10000002", "99999999", "abc"} { // another office's, unknown, malformed
		f := officeMessage("testo")
		f["posizione"] = number
		if res := op.post("/fascicolo/pratiche/nuova", f); res.status != http.StatusNotFound {
			t.Errorf("position %s: %d, want 404", number, res.status)
		}
		if res := op.get("/fascicolo/pratiche/nuova?posizione=" + number); res.status != http.StatusNotFound {
			t.Errorf("form for position %s: %d, want 404", number, res.status)
		}
	}
	if n := w.count(`SELECT COUNT(*) FROM cases`) + w.count(`SELECT COUNT(*) FROM events WHERE kind LIKE 'case.%'`); n != 0 {
		t.Fatalf("%d cases or events stored after refusals", n)
	}
	if res := w.as(w.titolare.ID, 0, "self").get("/fascicolo/pratiche/nuova?posizione=10000001"); res.status == http.StatusOK {
		t.Fatal("a contributor reached the office's form")
	}
}

func TestAdministratorWritesToAnyOfficeWithThatOfficesProtocol(t *testing.T) {
	w := newWorld(t)
	admin := w.as(0, w.admin.ID, "")
	expect(t, admin.get("/fascicolo/pratiche/nuova"), 200, `id="posizione"`)
	f := officeMessage("Comunicazione a Roma")
	f["posizione"] = "10000002"
	res := admin.post("/fascicolo/pratiche/nuova", f)
	if res.status != http.StatusSeeOther {
		t.Fatalf("admin send: %d\n%.2000s", res.status, res.body)
	}
	page := admin.get(res.location)
	expect(t, page, 200, "7000-2026-0000001")
	if strings.Contains(page.body, "1300-2026") {
		t.Error("the protocol is not of the position's office")
	}
}
