package e2e

import (
	"archive/zip"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// protocolNumber is the form of a protocol number of the office 1300.
var protocolNumber = regexp.MustCompile(`^1300-\d{4}-\d{7}$`)

// requestLoop: Marco Bianchi sends a request with a zip attachment on
// position 10000001 (after a file that is not a zip is refused); Luca
// Galli, operator of the Milano office, finds it in his queue, takes it in
// charge and replies; Marco reads the reply, and the administrator finds
// the e-mail about it in the demo's mail catcher; the operator asks Marco
// for a document (the case waits for him) and Marco's answer takes it back
// in charge; the operator closes the
// case with an esito, Marco reopens it, and the operator sees it open
// again. titolare, operator and admin are three browsers (three sessions).
func requestLoop(t *testing.T, titolare *browser, chromium, base string) {
	operator, admin := newBrowser(t, chromium, base), newBrowser(t, chromium, base)
	dir := t.TempDir()
	good := writeZip(t, filepath.Join(dir, "ricevuta-bonifico.zip"), "ricevuta.txt", "Bonifico del 16/05/2025, 1.234,56 euro.\n")
	fake := filepath.Join(dir, "non-un-zip.zip")
	if err := os.WriteFile(fake, []byte("Questo è un testo, non un archivio compresso.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Unique, so that the scenario finds its own case only.
	subject := fmt.Sprintf("Versamento di maggio non abbinato (%d)", time.Now().UnixNano()%1_000_000)
	const question = "Ho pagato la rata di maggio ma non la vedo abbinata: allego la ricevuta del bonifico."

	titolare.visit("/accesso")
	titolare.click(link("main", loginLabel))
	titolare.loginAs("titolare-ar")
	// TitolareEditsContacts changed Marco's e-mail: until he types the
	// code mailed to it, no notification is mailed there.
	admin.visit("/fascicolo/accesso")
	admin.click(link("main", loginLabel))
	admin.loginAs("admin")
	admin.at("/fascicolo/")
	verifyEmailFromCatcher(t, titolare, admin, "10000001", "marco@idraulica-bianchi.it")
	titolare.visit("/posizioni/10000001/richieste")
	titolare.see("h1", "Richieste all'ufficio")
	titolare.click(link("main", "Nuova richiesta"))
	titolare.at("/posizioni/10000001/richieste/nuova")
	titolare.see("h1", "Nuova richiesta")
	fillRequest(titolare, subject, question)

	// A text file renamed .zip: refused beside the field, nothing stored.
	titolare.upload("#allegati", fake)
	if status := titolare.press(button("main", "Invia la richiesta")); status != http.StatusUnprocessableEntity {
		t.Errorf("sending a fake zip: status %d, want 422", status)
	}
	titolare.at("/posizioni/10000001/richieste")
	const notZip = "«non-un-zip.zip» non è un file .zip valido."
	titolare.see("#allegati-error", notZip)
	titolare.see("#form-errors", notZip)
	if !titolare.has(`#allegati[aria-describedby~="allegati-error"]`) {
		t.Error("the attachments field is not tied to its message")
	}
	if got := titolare.value("#testo"); got != question {
		t.Errorf("the form lost the text: %q", got)
	}
	if got := titolare.value("#oggetto"); got != subject {
		t.Errorf("the form lost the subject: %q", got)
	}
	titolare.visit("/posizioni/10000001/richieste")
	titolare.notSee("main", subject)

	// The real zip: the request is sent and gets its protocol number.
	titolare.click(link("main", "Nuova richiesta"))
	fillRequest(titolare, subject, question)
	titolare.upload("#allegati", good)
	if status := titolare.press(button("main", "Invia la richiesta")); status != http.StatusOK {
		t.Fatalf("sending the request: status %d", status)
	}
	titolare.at("/posizioni/10000001/richieste/")
	casePath := titolare.path()
	casePath = casePath[:len(casePath)-len("?esito=inviata")]
	titolare.see(`main [role="status"]`, "Richiesta inviata e protocollata.")
	titolare.see("h1", subject)
	protocol := titolare.text("main dl dd strong")
	if !protocolNumber.MatchString(protocol) {
		t.Fatalf("the request's protocol number is %q, want 1300-YYYY-NNNNNNN", protocol)
	}
	titolare.see("main dl", "Aperta", "Versamenti – Abbinamento di un versamento", "1300")
	titolare.see("#thread ~ ol", "Messaggio del richiedente", question, "ricevuta-bonifico.zip")
	titolare.visit("/posizioni/10000001/richieste")
	titolare.see("main table tbody", protocol, subject, "Aperta")

	// The office finds it among the open cases nobody has taken.
	operator.visit("/fascicolo/accesso")
	operator.click(link("main", loginLabel))
	operator.loginAs("operatore")
	operator.click(link("header", "Pratiche"))
	operator.at("/fascicolo/pratiche")
	operator.see("h1", "Pratiche")
	setSelect(operator, "stato", "aperta")
	setSelect(operator, "assegnatario", "nessuno")
	operator.press(button("main", "Cerca"))
	operator.at("/fascicolo/pratiche?")
	operator.see("main table tbody", protocol, "10000001", subject)
	operator.click(link("main", protocol))
	operator.at("/fascicolo/pratiche/")
	staffPath := operator.path()
	operator.see("h1", subject)
	operator.see("#thread ~ ol", question, "ricevuta-bonifico.zip", "Marco Bianchi")
	operator.see("aside", "10000001", "Marco Bianchi")

	operator.write("#presa-testo", "Verifichiamo il versamento con la banca.")
	operator.press(button("main", "Prendi in carico"))
	operator.at(staffPath + "?esito=presa")
	operator.see(`main [role="status"]`, "Pratica presa in carico.")
	operator.see("main dl", "In carico")
	operator.see("main", "Assegnata a: Luca Galli")

	const reply = "Il versamento è stato abbinato alla rata di maggio 2025."
	operator.write("#risposta-testo", reply)
	operator.press(button("main", "Invia la risposta"))
	operator.at(staffPath + "?esito=risposta")
	operator.see(`main [role="status"]`, "Risposta inviata.")
	operator.see("#thread ~ ol", "Risposta della sede", reply)

	// Marco reads the reply: the office signs as "La sede".
	titolare.visit(casePath)
	titolare.see("main dl", "In carico")
	titolare.see("#thread ~ ol", "Presa in carico", "Verifichiamo il versamento con la banca.", "Risposta della sede", reply, "La sede")
	titolare.notSee("#thread ~ ol", "Luca Galli")

	// The e-mail about the reply arrives: the administrator reads it in
	// the demo's catcher.
	admin.visit("/fascicolo/")
	admin.click(link("main", "Posta inviata (demo)"))
	admin.at("/fascicolo/posta")
	// His intermediary is mailed too: search the catcher for Marco's address.
	marcoMail := "/fascicolo/posta?q=" + url.QueryEscape("marco@idraulica-bianchi.it")
	mail := link("main", "Nuova risposta alla richiesta "+protocol)
	admin.visit(marcoMail)
	admin.waitFor(mail, marcoMail)
	admin.click(mail)
	admin.see("h1", "Nuova risposta alla richiesta "+protocol)
	admin.see("main pre", "La sede ha risposto alla richiesta «"+subject+"» (protocollo "+protocol+")")
	admin.see("main dl", "marco")

	// The office needs one more document: the case waits for Marco, the
	// service clock stops, and his answer takes the case back in charge.
	const ask = "Ci serve anche la contabile della banca: può inviarcela?"
	operator.visit(staffPath)
	operator.write("#attesa-testo", ask)
	operator.press(button("main", "Invia la domanda e metti in attesa"))
	operator.at(staffPath + "?esito=attesa")
	operator.see("main dl", "In attesa del contribuente")
	operator.see("#orologio", "Orologio di servizio", "fermo dal")
	titolare.visit(casePath)
	titolare.see("main dl", "In attesa del contribuente")
	titolare.see("#thread ~ ol", ask)
	titolare.see("#attesa-avviso", "La sede attende una tua risposta")
	const answer = "Ecco la contabile: bonifico con CRO 1234567890."
	titolare.write("#testo", answer)
	titolare.press(button("main", "Invia il messaggio"))
	titolare.at(casePath + "?esito=messaggio")
	titolare.see("main dl", "In carico")
	operator.visit(staffPath)
	operator.see("main dl", "In carico")
	operator.see("#thread ~ ol", answer, "Ripresa in carico dopo la risposta del richiedente")

	// The office closes with an esito and a text.
	operator.visit(staffPath)
	setSelect(operator, "chiusura-esito", "informazioni_fornite")
	const closing = "Il versamento risulta ora abbinato: la posizione è regolare."
	operator.write("#chiusura-testo", closing)
	operator.press(button("main", "Chiudi la pratica"))
	operator.at(staffPath + "?esito=chiusa")
	operator.see(`main [role="status"]`, "Pratica chiusa.")
	operator.see("main dl", "Chiusa", "Esito: Informazioni fornite")

	// Marco sees the outcome and reopens with a new message.
	titolare.visit(casePath)
	titolare.see("main dl", "Chiusa", "Esito: Informazioni fornite")
	titolare.see("#thread ~ ol", closing)
	titolare.see("main", "Riapri la richiesta")
	const again = "Nel prospetto dei versamenti la rata risulta ancora da pagare."
	titolare.write("#testo", again)
	titolare.press(button("main", "Riapri"))
	titolare.at(casePath + "?esito=riaperta")
	titolare.see(`main [role="status"]`, "Richiesta riaperta.")
	titolare.see("main dl", "Aperta")
	titolare.see("#thread ~ ol", "Riaperta dal richiedente", again)

	// The office sees it open again, with the new message.
	operator.visit(staffPath)
	operator.see("main dl", "Aperta")
	operator.notSee("main dl", "Chiusa")
	operator.see("#thread ~ ol", "Riaperta dal richiedente", again)
	operator.mustFind(button("main", "Prendi in carico"))
	operator.click(link("header", "Pratiche"))
	operator.see("main table tbody", protocol)
}

// fillRequest fills the new request's form, but for its attachments.
func fillRequest(b *browser, subject, text string) {
	b.t.Helper()
	setSelect(b, "ambito", "versamenti")
	setSelect(b, "sottoambito", "versamenti.abbinamento")
	b.fill("#oggetto", subject)
	b.write("#testo", text)
}

// setSelect chooses the option value of the select with the id, as the
// keyboard would, and fails when there is no such option.
func setSelect(b *browser, id, value string) {
	b.t.Helper()
	b.mustFind("#" + id)
	got := eval[string](b, "choosing "+value+" in #"+id, fmt.Sprintf(
		`(() => { const s = document.getElementById(%s); s.value = %s; s.dispatchEvent(new Event("change", {bubbles: true})); return s.value })()`,
		jsString(id), jsString(value)))
	if got != value {
		b.t.Fatalf("#%s has no option %q", id, value)
	}
}

// press activates the button sel (CSS, or XPath when it starts with "/")
// from the keyboard — focus, then Enter — waits for the page it leads to
// and checks that page, like click; it returns the page's HTTP status.
// The keyboard needs no coordinates: a click on a button far down a long
// page can miss it while the page still moves.
func (b *browser) press(sel string) int64 {
	b.t.Helper()
	b.mustFind(sel)
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	focus := chromedp.Focus(chromedp.CSS(sel))
	if strings.HasPrefix(sel, "/") {
		focus = chromedp.Focus(chromedp.Search(sel))
	}
	resp, err := chromedp.RunResponse(ctx, focus, chromedp.KeyEvent(kb.Enter))
	if err != nil {
		b.t.Fatalf("pressing %s: %v (at %s)", sel, err, b.location())
	}
	b.arrived()
	if resp == nil {
		return 0
	}
	return resp.Status
}

// write replaces the text of the text area sel (CSS) with text, typing it:
// fill's clearing needs a text node, which an empty text area lacks.
func (b *browser) write(sel, text string) {
	b.t.Helper()
	b.mustFind(sel)
	eval[string](b, "emptying "+sel, fmt.Sprintf(`document.querySelector(%s).value = ""`, jsString(sel)))
	b.do("writing in "+sel, chromedp.SendKeys(chromedp.CSS(sel), text))
	if got := b.value(sel); got != text {
		b.t.Fatalf("text area %s holds %q after typing %q", sel, got, text)
	}
}

// upload puts the files in the file input sel (CSS), as the file chooser would.
func (b *browser) upload(sel string, files ...string) {
	b.t.Helper()
	b.mustFind(sel)
	b.do("choosing the files for "+sel, chromedp.SetUploadFiles(chromedp.CSS(sel), files))
}

// waitFor reloads path until the page has an element for sel (CSS or
// XPath), for what a background worker makes: a few tries with a short
// pause between them, bounded.
func (b *browser) waitFor(sel, path string) {
	b.t.Helper()
	for range 60 {
		if b.present(sel) {
			return
		}
		time.Sleep(500 * time.Millisecond)
		b.visit(path)
	}
	b.t.Fatalf("no %s on %s after 30 seconds of reloading", sel, path)
}

// present reports whether the page has an element for sel (CSS, or XPath
// when it starts with "/").
func (b *browser) present(sel string) bool {
	b.t.Helper()
	expr := fmt.Sprintf(`document.querySelector(%s) !== null`, jsString(sel))
	if strings.HasPrefix(sel, "/") {
		expr = fmt.Sprintf(`document.evaluate(%s, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue !== null`, jsString(sel))
	}
	return eval[bool](b, "looking for "+sel, expr)
}

// writeZip writes a zip holding one file, name with content, at path.
func writeZip(t *testing.T, path, name, content string) string {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	w, err := zw.Create(name)
	if err == nil {
		_, err = w.Write([]byte(content))
	}
	if err == nil {
		err = zw.Close()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	return path
}
