package web_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// upload is a file of a multipart form.
type upload struct {
	name    string
	content []byte
}

// post sends a multipart form with attachments in "allegati".
func (c *client) post(path string, fields map[string]string, files ...upload) response {
	c.w.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	for _, f := range files {
		fw, _ := mw.CreateFormFile("allegati", f.name)
		fw.Write(f.content)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", c.w.ts.URL+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := c.http.Do(req)
	if err != nil {
		c.w.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return response{status: resp.StatusCode, location: resp.Header.Get("Location"), body: string(b), header: resp.Header}
}

func (w *world) count(query string, args ...any) int {
	w.t.Helper()
	var n int
	if err := w.db.R().QueryRow(context.Background(), query, args...).Scan(&n); err != nil {
		w.t.Fatal(err)
	}
	return n
}

func expect(t *testing.T, res response, status int, contains ...string) {
	t.Helper()
	if res.status != status {
		t.Fatalf("status %d, want %d (%s)\n%.3000s", res.status, status, res.location, res.body)
	}
	for _, s := range contains {
		if !strings.Contains(res.body, s) {
			t.Fatalf("body lacks %q\n%.6000s", s, res.body)
		}
	}
}

var caseURL = regexp.MustCompile(`^/posizioni/10000001/richieste/(\d+)\?esito=inviata$`)

// openCase opens a request on p1 as c and returns its id.
func openCase(t *testing.T, c *client, text string, files ...upload) string {
	t.Helper()
	w := c.w
	w.withBlobs()
	res := c.post("/posizioni/10000001/richieste", map[string]string{"ambito": "f24", "sottoambito": "f24.rate",
		"oggetto": "Rata 2/2025", "testo": text}, files...)
	m := caseURL.FindStringSubmatch(res.location)
	if res.status != http.StatusSeeOther || m == nil {
		t.Fatalf("open: %d %s\n%.3000s", res.status, res.location, res.body)
	}
	return m[1]
}

func TestTheWholeLoopOpenTakeReplyCloseReopen(t *testing.T) {
	w := newWorld(t)
	tit, op := w.as(w.titolare.ID, 0, "self"), w.as(0, w.operator.ID, "")
	id := openCase(t, tit, "Riga uno\n<script>alert(1)</script>", upload{"quietanza.zip", testZip("q.pdf", "%PDF-1.7")})
	page := "/posizioni/10000001/richieste/" + id
	expect(t, tit.get(page+"?esito=inviata"), 200, "1300-2026-0000001", "Riga uno<br>&lt;script&gt;alert(1)&lt;/script&gt;",
		"quietanza.zip", "Richiesta inviata e protocollata.")
	expect(t, op.get("/fascicolo/pratiche?stato=aperta"), 200, "1300-2026-0000001", "Rata 2/2025")

	staffPage := "/fascicolo/pratiche/" + id
	steps := []struct {
		path   string
		fields map[string]string
		files  []upload
	}{
		{"/presa-in-carico", map[string]string{"assegnatario": "me", "testo": "La prendo io"}, nil},
		{"/nota", map[string]string{"testo": "SEGRETO: verificare la codeline"}, []upload{{"interno.zip", testZip("n.txt", "riservato")}}},
		{"/risposta", map[string]string{"testo": "Ecco il modello corretto"}, []upload{{"f24.zip", testZip("f24.pdf", "%PDF-1.4")}}},
	}
	for _, s := range steps {
		res := op.post(staffPage+s.path, s.fields, s.files...)
		if res.status != http.StatusSeeOther {
			t.Fatalf("%s: %d\n%.3000s", s.path, res.status, res.body)
		}
	}
	expect(t, op.get(staffPage), 200, "SEGRETO: verificare la codeline", "Solo ufficio", "interno.zip", "La prendo io")
	res := tit.get(page)
	expect(t, res, 200, "Ecco il modello corretto", "f24.zip", "La prendo io", "In carico")
	if strings.Contains(res.body, "SEGRETO") || strings.Contains(res.body, "interno.zip") {
		t.Fatal("the contributor sees an internal note")
	}

	// Closing without an esito is refused beside the field and stores nothing.
	before := w.count(`SELECT COUNT(*) FROM case_messages`)
	expect(t, op.post(staffPage+"/chiusura", map[string]string{"testo": "Fatto"}), 422, `id="chiusura-esito-error"`,
		"Scegli l&#39;esito dall&#39;elenco")
	if w.count(`SELECT COUNT(*) FROM case_messages`) != before {
		t.Fatal("a refused close stored a message")
	}
	if res := op.post(staffPage+"/chiusura", map[string]string{"esito": "informazioni_fornite", "testo": "Risolto"}); res.status != 303 {
		t.Fatalf("close: %d %.2000s", res.status, res.body)
	}
	expect(t, tit.get(page), 200, "Chiusa", "Informazioni fornite", "Risolto", "Riapri la richiesta")

	// Reopening: within the window it works; after it, 422 and nothing stored.
	w.now = w.now.AddDate(0, 0, 31)
	tit = w.as(w.titolare.ID, 0, "self") // a new login: the old session has ended
	expect(t, tit.post(page+"/riapertura", map[string]string{"testo": "Non basta"}), 422, "Il termine per riaprire")
	w.now = w.now.AddDate(0, 0, -2)
	tit = w.as(w.titolare.ID, 0, "self")
	if res := tit.post(page+"/riapertura", map[string]string{"testo": "Non basta"}); res.status != 303 {
		t.Fatalf("reopen: %d %.2000s", res.status, res.body)
	}
	expect(t, tit.get(page), 200, "Riaperta dal richiedente", "Non basta", "Aperta")
	for kind, want := range map[string]int{"case.registered": 1, "case.routed": 0, "case.taken": 1, "case.reply": 1,
		"case.closed": 1, "case.reopened": 1} { // routed only on a transfer: the registration already routes
		if n := w.count(`SELECT COUNT(*) FROM events WHERE kind = ? AND ref_id = ?`, kind, id); n != want {
			t.Errorf("%d events %s, want %d", n, kind, want)
		}
	}
	if n := w.count(`SELECT COUNT(*) FROM audit_log WHERE action = 'case.view' AND actor_kind = 'staff'`); n < 2 {
		t.Errorf("staff reads audited %d times", n)
	}
}

func TestAttachmentsAreDownloadedAsAttachmentsAndNotesStayInternal(t *testing.T) {
	w := newWorld(t)
	tit, op := w.as(w.titolare.ID, 0, "self"), w.as(0, w.operator.ID, "")
	id := openCase(t, tit, "testo", upload{"a.zip", testZip("a.txt", "ciao")})
	op.post("/fascicolo/pratiche/"+id+"/nota", map[string]string{"testo": "nota"}, upload{"n.zip", testZip("n.txt", "x")})
	var public, internal int64
	w.db.R().QueryRow(context.Background(), `SELECT a.id FROM case_attachments a JOIN case_messages m ON m.id = a.message_id
		WHERE m.kind = 'message'`).Scan(&public)
	w.db.R().QueryRow(context.Background(), `SELECT a.id FROM case_attachments a JOIN case_messages m ON m.id = a.message_id
		WHERE m.kind = 'note'`).Scan(&internal)
	res := tit.get(fmt.Sprintf("/posizioni/10000001/richieste/%s/allegati/%d", id, public))
	if res.status != 200 || res.header.Get("Content-Disposition") != `attachment; filename="a.zip"` ||
		res.header.Get("X-Content-Type-Options") != "nosniff" || res.header.Get("Content-Type") != "application/zip" {
		t.Fatalf("download: %d %v", res.status, res.header)
	}
	if res := tit.get(fmt.Sprintf("/posizioni/10000001/richieste/%s/allegati/%d", id, internal)); res.status != 404 {
		t.Fatalf("a note's attachment reached the contributor: %d", res.status)
	}
	if res := op.get(fmt.Sprintf("/fascicolo/pratiche/%s/allegati/%d", id, internal)); res.status != 200 {
		t.Fatalf("the office cannot read its note's attachment: %d", res.status)
	}
}

func TestCasesAreSeenOnlyByThoseAllowed(t *testing.T) {
	w := newWorld(t)
	id := openCase(t, w.as(w.titolare.ID, 0, "self"), "mia richiesta")
	page := "/posizioni/10000001/richieste/" + id
	if res := w.as(w.other.ID, 0, "self").get(page); res.status != 404 {
		t.Fatalf("another titolare: %d", res.status)
	}
	if res := w.as(w.other.ID, 0, "self").get("/posizioni/10000002/richieste/" + id); res.status != 404 {
		t.Fatalf("a case through another position's URL: %d", res.status)
	}
	if res := w.as(0, w.operatorElsewhere.ID, "").get("/fascicolo/pratiche/" + id); res.status != 404 {
		t.Fatalf("operator of another office: %d", res.status)
	}
	if res := w.as(0, w.operatorElsewhere.ID, "").get("/fascicolo/pratiche"); strings.Contains(res.body, "mia richiesta") ||
		strings.Contains(res.body, "Rata 2/2025") {
		t.Fatal("the other office's queue lists the case")
	}
	expect(t, w.as(0, w.admin.ID, "").get("/fascicolo/pratiche/"+id), 200, "mia richiesta")

	consult := w.as(w.interConsult.ID, 0, "intermediary")
	res := consult.get(page)
	expect(t, res, 200, "mia richiesta", "serve una delega completa")
	if strings.Contains(res.body, "/messaggi") {
		t.Fatal("a consultation-only intermediary is offered the reply form")
	}
	for _, path := range []string{"/posizioni/10000001/richieste/nuova"} {
		if res := consult.get(path); res.status != 404 {
			t.Fatalf("consultation-only GET %s: %d", path, res.status)
		}
	}
	if res := consult.post(page+"/messaggi", map[string]string{"testo": "ciao"}); res.status != 404 {
		t.Fatalf("consultation-only reply: %d", res.status)
	}
	full := w.as(w.interActive.ID, 0, "intermediary")
	if res := full.post(page+"/messaggi", map[string]string{"testo": "scrivo io per il cliente"}); res.status != 303 {
		t.Fatalf("full intermediary reply: %d", res.status)
	}
}

func TestBadInputIsRefusedBesideTheFieldAndNothingIsStored(t *testing.T) {
	w := newWorld(t)
	w.withBlobs()
	tit := w.as(w.titolare.ID, 0, "self")
	good := upload{"ok.zip", testZip("a.txt", "ciao")}
	form := func(text string) map[string]string {
		return map[string]string{"ambito": "altro", "sottoambito": "altro.informazioni", "oggetto": "Domanda", "testo": text}
	}
	cases := []struct {
		name   string
		fields map[string]string
		files  []upload
		want   []string
	}{
		{"empty text", form("  "), nil, []string{`id="testo-error"`, "non può essere vuoto"}},
		{"fourth attachment", form("x"), []upload{good, good, good, {"quarto.zip", good.content}}, []string{`id="allegati-error"`, "quarto.zip"}},
		{"renamed non-zip", form("x"), []upload{{"finto.zip", []byte("%PDF-1.7 pdf")}}, []string{"finto.zip", "non è un file .zip valido"}},
		{"exe inside", form("x"), []upload{{"prog.zip", testZip("setup.exe", "MZ")}}, []string{"prog.zip", "setup.exe", "tipo di file non ammesso"}},
		{"traversal", form("x"), []upload{{"evil.zip", testZip("../../x.txt", "a")}}, []string{"evil.zip", "../../x.txt"}},
		{"no topic", map[string]string{"oggetto": "x", "testo": "y"}, nil, []string{`id="ambito-error"`}},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			expect(t, tit.post("/posizioni/10000001/richieste", tt.fields, tt.files...), 422, tt.want...)
		})
	}
	if n := w.count(`SELECT COUNT(*) FROM cases`); n != 0 {
		t.Fatalf("%d cases stored", n)
	}
	expect(t, tit.get("/posizioni/10000001/richieste?aperta_dal=ieri"), 422, `id="aperta_dal-error"`)
}

func TestNewRequestIsPrefilledFromItsContext(t *testing.T) {
	w := newWorld(t)
	res := w.as(w.titolare.ID, 0, "self").get("/posizioni/10000001/richieste/nuova?ambito=dilazione&oggetto=Avviso+2025%2F1")
	expect(t, res, 200, `<option value="recupero" selected>`, `<option value="recupero.dilazione" selected>`, `value="Avviso 2025/1"`)
}

func TestHistorySearchFindsByEveryField(t *testing.T) {
	w := newWorld(t)
	tit := w.as(w.titolare.ID, 0, "self")
	openCase(t, tit, "uno")
	w.now = w.now.AddDate(0, 0, 3)
	tit = w.as(w.titolare.ID, 0, "self")
	openCase(t, tit, "due")
	base := "/posizioni/10000001/richieste?"
	expect(t, tit.get(base+"q=0000002"), 200, "1300-2026-0000002", "Richieste trovate: 1")
	expect(t, tit.get(base+"q=rata&stato=aperta&aperta_dal=2026-11-24"), 200, "Richieste trovate: 1")
	expect(t, tit.get(base+"aggiornata_al=23/11/2026"), 200, "1300-2026-0000001", "Richieste trovate: 1")
	expect(t, tit.get(base+"stato=chiusa"), 200, "Nessuna richiesta corrisponde ai filtri")
	res := tit.get(base + "ordina=protocol")
	if strings.Index(res.body, "1300-2026-0000001") > strings.Index(res.body, "1300-2026-0000002") {
		t.Fatal("sort by protocol")
	}
}

func TestATransferMovesTheCaseToTheOtherOfficesQueue(t *testing.T) {
	w := newWorld(t)
	id := openCase(t, w.as(w.titolare.ID, 0, "self"), "per Roma")
	op, rome := w.as(0, w.operator.ID, ""), w.as(0, w.operatorElsewhere.ID, "")
	expect(t, op.post("/fascicolo/pratiche/"+id+"/trasferimento", map[string]string{"sede": "7000"}), 422,
		`id="trasferimento-testo-error"`)
	res := op.post("/fascicolo/pratiche/"+id+"/trasferimento", map[string]string{"sede": "7000", "testo": "Competenza di Roma"})
	if res.status != 303 || res.location != "/fascicolo/pratiche?esito=trasferita" {
		t.Fatalf("transfer: %d %s", res.status, res.location)
	}
	if res := op.get("/fascicolo/pratiche/" + id); res.status != 404 {
		t.Fatalf("the first office still sees the case: %d", res.status)
	}
	expect(t, rome.get("/fascicolo/pratiche/"+id), 200, "Competenza di Roma", "Trasferita ad altra sede")
	expect(t, w.as(w.titolare.ID, 0, "self").get("/posizioni/10000001/richieste/"+id), 200, "Competenza di Roma", "7000")
}
