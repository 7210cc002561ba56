package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/contrib/codeline"
	"github.com/cassetto-dev/cassetto/internal/money"
	"github.com/cassetto-dev/cassetto/internal/store"
)

func TestF24PDFOfAnOpenRate(t *testing.T) {
	w := newWorld(t)
	f := w.withLedger()
	r3 := f.rates["2025:10:rata3"]
	res := w.as(w.titolare.ID, 0, "self").get(fmt.Sprintf("/posizioni/%s/f24.pdf?due=%d", w.p1.Number, r3.ID))
	text := pdfText(t, res, "F24_10000001_2025_rata3.pdf")
	textHas(t, text, w.titolare.CodiceFiscale, "SEZIONE INPS", "1300")
	// with its sanction charged by the notice, the code is re-generated for the whole residual
	lines := strings.Fields(text)
	found := false
	for _, l := range lines {
		if _, err := codeline.Parse(l); err == nil && len(l) == 17 && strings.HasPrefix(l, "1000000110") {
			found = true
		}
	}
	if text != "" && !found {
		t.Errorf("no codice INPS of position 10000001 in:\n%s", text)
	}
	part := w.as(w.titolare.ID, 0, "self").get(fmt.Sprintf("/posizioni/%s/f24.pdf?due=%d&importo=100.00", w.p1.Number, r3.ID))
	text = pdfText(t, part, "F24_10000001_2025_rata3.pdf")
	code, _ := codeline.Parse(r3.Codeline)
	code.Seq++
	want, err := codeline.Make(code, "1300", money.Cents(10000))
	if err != nil {
		t.Fatal(err)
	}
	textHas(t, text, want, "100,00")
}

func TestF24RefusesBadInputWithAClearPage(t *testing.T) {
	w := newWorld(t)
	f := w.withLedger()
	r3, paid := f.rates["2025:10:rata3"], f.rates["2025:10:rata1"]
	var foreign int64
	if err := w.db.R().QueryRow(context.Background(), `SELECT id FROM dues WHERE position_id = ? LIMIT 1`, w.p2.ID).Scan(&foreign); err != nil {
		t.Fatal(err)
	}
	c := w.as(w.titolare.ID, 0, "self")
	base := "/posizioni/" + w.p1.Number + "/f24.pdf"
	cases := []struct {
		query  string
		status int
		text   string
	}{
		{"", 422, "Indichi da una a 24 rate"},
		{fmt.Sprintf("?due=%d", foreign), 404, "non è una rata di questa posizione"},
		{"?due=abc", 404, "non è una rata di questa posizione"},
		{fmt.Sprintf("?due=%d", paid.ID), 422, "già pagata"},
		{fmt.Sprintf("?due=%d&importo=12,3x", r3.ID), 422, "maggiore di zero"},
		{fmt.Sprintf("?due=%d&importo=0", r3.ID), 422, "maggiore di zero"},
		{fmt.Sprintf("?due=%d&importo=99999.00", r3.ID), 422, "non superiore a quanto resta"},
		{fmt.Sprintf("?due=%d&due=%d&importo=10", r3.ID, paid.ID), 422, "una sola rata"},
	}
	for _, cs := range cases {
		res := c.get(base + cs.query)
		if res.status != cs.status || !strings.Contains(res.body, cs.text) || strings.HasPrefix(res.body, "%PDF") {
			t.Errorf("%s: %d, want %d with %q", cs.query, res.status, cs.status, cs.text)
		}
	}
}

func TestLetterNoticeStatementAndDossierPDFs(t *testing.T) {
	w := newWorld(t)
	f := w.withLedger()
	n := w.p1.Number
	op := w.as(0, w.operator.ID, "")
	textHas(t, pdfText(t, op.get("/posizioni/"+n+"/lettera/2025"), "Lettera_10000001_2025.pdf"),
		"Lettera informativa", f.rates["2025:11:rata4"].Codeline, "Istituto di prova")
	if res := op.get("/posizioni/" + n + "/lettera/20x5"); res.status != 404 {
		t.Errorf("a malformed year: %d", res.status)
	}
	notice := op.get(fmt.Sprintf("/posizioni/%s/avvisi/%d/pdf", n, f.notice))
	text := pdfText(t, notice, notice.header.Get("Content-Disposition")[len(`attachment; filename="`):len(notice.header.Get("Content-Disposition"))-1])
	textHas(t, text, "Avviso bonario n.", f.rates["2025:10:rata3"].Codeline, "Prescrizione")
	if res := op.get(fmt.Sprintf("/posizioni/%s/avvisi/%d/pdf", n, f.notice+1000)); res.status != 404 {
		t.Errorf("an unknown notice: %d", res.status)
	}
	textHas(t, pdfText(t, op.get("/posizioni/"+n+"/fascicolo.pdf"), "Fascicolo_10000001.pdf"),
		"Anagrafica", w.member.CodiceFiscale, "Versamenti", "Avvisi", "Pagina 1 di")
	own := pdfText(t, w.as(w.member.ID, 0, "self").get("/posizioni/"+n+"/estratto-conto.pdf"), "Estratto_conto_10000001.pdf")
	textHas(t, own, w.member.CodiceFiscale, "Mesi accreditati")
	if strings.Contains(own, w.titolare.CodiceFiscale) {
		t.Errorf("a collaboratore's estratto conto shows the titolare:\n%s", own)
	}
	all := pdfText(t, w.as(w.titolare.ID, 0, "self").get("/posizioni/"+n+"/estratto-conto.pdf"), "Estratto_conto_10000001.pdf")
	textHas(t, all, w.member.CodiceFiscale, w.titolare.CodiceFiscale)
}

func TestAttiAreMarkedReadByTheTitolareNotByStaff(t *testing.T) {
	w := newWorld(t)
	w.withLedger()
	docID := w.noticeDocument()
	page := "/posizioni/" + w.p1.Number + "/atti"
	list := w.as(w.titolare.ID, 0, "self").get(page)
	if list.status != 200 || !strings.Contains(list.body, "Avviso bonario n.") || !strings.Contains(list.body, "Da leggere") ||
		!strings.Contains(list.body, fmt.Sprintf("%s/%d", page, docID)) {
		t.Fatalf("atti: %d\n%s", list.status, list.body)
	}
	docs := store.NewDocuments(w.db)
	read := func() bool {
		d, err := docs.Get(context.Background(), w.p1.ID, docID)
		if err != nil {
			t.Fatal(err)
		}
		return !d.ReadAt.IsZero()
	}
	pdfText(t, w.as(0, w.operator.ID, "").get(fmt.Sprintf("%s/%d", page, docID)), noticeFile(w))
	if read() {
		t.Fatal("an operator's download marked the atto read")
	}
	pdfText(t, w.as(w.interActive.ID, 0, "intermediary").get(fmt.Sprintf("%s/%d", page, docID)), noticeFile(w))
	if !read() {
		t.Fatal("a delegated intermediary's download did not mark the atto read")
	}
	if !strings.Contains(w.as(w.titolare.ID, 0, "self").get(page).body, "Letto") {
		t.Error("the list does not show the atto read")
	}
	if res := w.as(w.other.ID, 0, "self").get(fmt.Sprintf("/posizioni/%s/atti/%d", w.p2.Number, docID)); res.status != 404 {
		t.Errorf("another position's atto: %d", res.status)
	}
}

func TestAttiEmptyStateSaysWhatHappens(t *testing.T) {
	w := newWorld(t)
	res := w.as(w.titolare.ID, 0, "self").get("/posizioni/" + w.p1.Number + "/atti")
	if res.status != 200 || !strings.Contains(res.body, "Non ci sono atti emessi") {
		t.Fatalf("empty atti: %d", res.status)
	}
}

// noticeFile is the file name of p1's avviso bonario.
func noticeFile(w *world) string {
	var number string
	if err := w.db.R().QueryRow(context.Background(), `SELECT number FROM notices WHERE position_id = ?`, w.p1.ID).Scan(&number); err != nil {
		w.t.Fatal(err)
	}
	return "Avviso_bonario_" + w.p1.Number + "_" + number + ".pdf"
}
