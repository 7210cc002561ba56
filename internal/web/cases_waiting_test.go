package web_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/access"
)

func TestTheOfficeAsksTheContributorAndHisAnswerResumesTheCase(t *testing.T) {
	w := newWorld(t)
	tit, op := w.as(w.titolare.ID, 0, "self"), w.as(0, w.operator.ID, "")
	id := openCase(t, tit, "Non trovo la rata")
	staffPage, page := "/fascicolo/pratiche/"+id, "/posizioni/10000001/richieste/"+id

	expect(t, op.post(staffPage+"/attesa", map[string]string{"testo": " "}), 422, `id="attesa-testo-error"`)
	const question = "Ci manda la quietanza del pagamento?"
	if res := op.post(staffPage+"/attesa", map[string]string{"testo": question}); res.status != http.StatusSeeOther ||
		res.location != staffPage+"?esito=attesa" {
		t.Fatalf("wait: %d %s\n%.2000s", res.status, res.location, res.body)
	}
	expect(t, op.get(staffPage+"?esito=attesa"), 200, "In attesa del contribuente", "Orologio di servizio", "fermo dal",
		`action="`+staffPage+`/ripresa"`, "Assegnata a")
	expect(t, op.get("/fascicolo/pratiche?stato=attesa"), 200, "Rata 2/2025", "fermo")
	if res := op.get("/fascicolo/pratiche?stato=in_carico"); strings.Contains(res.body, "Rata 2/2025") {
		t.Fatal("the in-charge filter lists a case in attesa")
	}
	expect(t, tit.get(page), 200, question, "In attesa del contribuente", "La sede attende una tua risposta")
	if n := w.count(`SELECT COUNT(*) FROM events WHERE kind = 'case.waiting' AND ref_id = ?`, id); n != 1 {
		t.Fatalf("%d case.waiting events, want 1", n)
	}

	if res := tit.post(page+"/messaggi", map[string]string{"testo": "Eccola in allegato."}); res.status != http.StatusSeeOther {
		t.Fatalf("the answer: %d\n%.2000s", res.status, res.body)
	}
	expect(t, op.get(staffPage), 200, "Eccola in allegato.", "Ripresa in carico dopo la risposta del richiedente",
		`action="`+staffPage+`/attesa"`)
	if n := w.count(`SELECT COUNT(*) FROM cases WHERE id = ? AND state = 'in_carico' AND waiting_since IS NULL`, id); n != 1 {
		t.Fatal("the answer did not take the case back in charge")
	}

	// Asked again, then taken back by hand.
	op.post(staffPage+"/attesa", map[string]string{"testo": "E il modello firmato?"})
	if res := op.post(staffPage+"/ripresa", map[string]string{"testo": "Arrivato per posta."}); res.status != http.StatusSeeOther {
		t.Fatalf("resume: %d\n%.2000s", res.status, res.body)
	}
	expect(t, tit.get(page), 200, "Ripresa in carico", "Arrivato per posta.", "In carico")
	expect(t, op.post(staffPage+"/ripresa", map[string]string{"testo": "di nuovo"}), 422, "non è in attesa del contribuente")
}

// typed finds the text area id holding text: the form kept what was typed.
func typed(t *testing.T, res response, id, text string) {
	t.Helper()
	re := regexp.MustCompile(`id="` + id + `"[^>]*>` + regexp.QuoteMeta(text) + `</textarea>`)
	if !re.MatchString(res.body) {
		t.Fatalf("#%s does not hold %q\n%.6000s", id, text, res.body)
	}
	if n := strings.Count(res.body, ">"+text+"</textarea>"); n != 1 {
		t.Fatalf("%q is in %d text areas, want the one of its form", text, n)
	}
}

func TestStaffFormsKeepTheTypedTextOnARefusal(t *testing.T) {
	w := newWorld(t)
	tit, op := w.as(w.titolare.ID, 0, "self"), w.as(0, w.operator.ID, "")
	id := openCase(t, tit, "Domanda")
	staffPage := "/fascicolo/pratiche/" + id
	notZip := upload{"finto.zip", []byte("non uno zip")}
	long := strings.Repeat("lunga ", 2000)
	tests := []struct {
		path, form, text string
		fields           map[string]string
		files            []upload
		want             string
	}{
		{"/presa-in-carico", "presa", "Me ne occupo io", map[string]string{"assegnatario": "987654"}, nil, `id="presa-assegnatario-error"`},
		{"/risposta", "risposta", "Ecco la risposta", nil, []upload{notZip}, "finto.zip"},
		{"/nota", "nota", "Nota da tenere", nil, []upload{notZip}, "finto.zip"},
		{"/chiusura", "chiusura", "Motivazione della chiusura", nil, nil, `id="chiusura-esito-error"`},
		{"/trasferimento", "trasferimento", "Competenza della sede di Roma", map[string]string{"sede": "1300"}, nil, `id="trasferimento-sede-error"`},
		{"/attesa", "attesa", strings.TrimSpace(long), nil, nil, `id="attesa-testo-error"`},
	}
	for _, tt := range tests {
		t.Run(tt.form, func(t *testing.T) {
			fields := map[string]string{"testo": tt.text}
			for k, v := range tt.fields {
				fields[k] = v
			}
			res := op.post(staffPage+tt.path, fields, tt.files...)
			expect(t, res, http.StatusUnprocessableEntity, tt.want)
			typed(t, res, tt.form+"-testo", tt.text)
		})
	}
	// The choices of a select come back too: the esito of a close without text.
	res := op.post(staffPage+"/chiusura", map[string]string{"esito": "respinta", "testo": ""})
	expect(t, res, http.StatusUnprocessableEntity, `<option value="respinta" selected>`, `id="chiusura-testo-error"`)
	if n := w.count(`SELECT COUNT(*) FROM case_messages WHERE case_id = ?`, id); n != 1 {
		t.Fatalf("%d messages after the refusals, want the opening one only", n)
	}
}

func TestContributorAndCommunicationFormsKeepTheTypedText(t *testing.T) {
	w := newWorld(t)
	tit, op := w.as(w.titolare.ID, 0, "self"), w.as(0, w.operator.ID, "")
	id := openCase(t, tit, "Domanda")
	notZip := upload{"finto.zip", []byte("non uno zip")}
	res := tit.post("/posizioni/10000001/richieste/"+id+"/messaggi", map[string]string{"testo": "Il mio messaggio"}, notZip)
	expect(t, res, http.StatusUnprocessableEntity, "finto.zip")
	typed(t, res, "testo", "Il mio messaggio")
	res = tit.post("/posizioni/10000001/richieste", map[string]string{"ambito": "nessuno", "oggetto": "Oggetto scritto",
		"testo": "Richiesta scritta"})
	expect(t, res, http.StatusUnprocessableEntity, `id="ambito-error"`, `value="Oggetto scritto"`)
	typed(t, res, "testo", "Richiesta scritta")
	f := officeMessage("Comunicazione scritta")
	f["ambito"] = "nessuno"
	res = op.post("/fascicolo/pratiche/nuova", f)
	expect(t, res, http.StatusUnprocessableEntity, `id="ambito-error"`, `value="Documentazione da integrare"`)
	typed(t, res, "testo", "Comunicazione scritta")
}

// TestWaitingRoutesAreTheOfficesOnly: the two new routes are declared for
// staff (the access matrix then calls them as every actor), and an
// operator of another office neither sees nor changes the case.
func TestWaitingRoutesAreTheOfficesOnly(t *testing.T) {
	w := newWorld(t)
	routes := w.srv.Routes()
	for _, p := range []string{"POST /fascicolo/pratiche/{id}/attesa", "POST /fascicolo/pratiche/{id}/ripresa"} {
		if act, ok := routes[p]; !ok || act != access.StaffOnly {
			t.Errorf("%s: declared %q (registered %v), want %q", p, act, ok, access.StaffOnly)
		}
	}
	id := openCase(t, w.as(w.titolare.ID, 0, "self"), "Domanda")
	elsewhere := w.as(0, w.operatorElsewhere.ID, "")
	for _, path := range []string{"/attesa", "/ripresa"} {
		if res := elsewhere.post("/fascicolo/pratiche/"+id+path, map[string]string{"testo": "x"}); res.status != http.StatusNotFound {
			t.Errorf("operator of another office on %s: %d, want 404", path, res.status)
		}
	}
	tit := w.as(w.titolare.ID, 0, "self")
	if res := tit.post("/fascicolo/pratiche/"+id+"/attesa", map[string]string{"testo": "x"}); res.status == http.StatusSeeOther {
		t.Error("a contributor put a case in attesa")
	}
	if n := w.count(`SELECT COUNT(*) FROM cases WHERE id = ? AND state = 'aperta'`, id); n != 1 {
		t.Fatal("the case changed")
	}
}
