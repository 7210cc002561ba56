package e2e

import (
	"net/http"
	"testing"

	"github.com/chromedp/chromedp"
)

// The demo's login button, the CASSETTO_OIDC_LABEL default.
const loginLabel = "Entra con SPID / CIE"

// loginAs chooses the demo identity key on the provider's page, where the
// browser must be, and returns the status of the page it lands on.
func (b *browser) loginAs(key string) int64 {
	b.t.Helper()
	b.at("/demo-idp/login")
	b.see("main", "Provider di identità dimostrativo")
	return b.click(`button.user[name="user"][value="` + key + `"]`)
}

// TestBrowser starts one demo and runs every user scenario on it, each in
// its own browser (its own cookies). The scenarios do not depend on each
// other's changes (each works on what no other one changes), except where
// the list says so.
func TestBrowser(t *testing.T) {
	chromium := needChromium(t)
	demo := startDemo(t)
	scenarios := []struct {
		name string
		run  func(t *testing.T, b *browser)
	}{
		{"TitolareEditsContacts", titolareEditsContacts},
		{"StaffSearchesTheAccessLog", staffSearchesTheAccessLog},
		{"IntermediaryLogsIn", intermediaryLogsIn},
		{"TitolareWalksThePortal", titolareWalksThePortal},
		{"CollaboratoreSeesHisStatementOnly", collaboratoreSeesHisStatementOnly},
		{"IntermediaryConsultsAClient", intermediaryConsultsAClient},
		{"PortalAndCommandWriteTheSamePDFs", func(t *testing.T, b *browser) { portalAndCommandWriteTheSamePDFs(t, b, demo) }},
		{"RequestLoop", func(t *testing.T, b *browser) { requestLoop(t, b, chromium, demo.URL) }},
		// After RequestLoop: it turns off Marco's e-mail for the office's replies.
		{"TitolareReadsNotifications", titolareReadsNotifications},
		{"AdministratorReadsCaughtMail", administratorReadsCaughtMail},
		{"AdministratorManagesTopics", administratorManagesTopics},
		// Last: it ends with Marco Bianchi's delegation to Francesca Romano revoked.
		{"DelegationLifecycle", func(t *testing.T, b *browser) { delegationLifecycle(t, b, newBrowser(t, chromium, demo.URL)) }},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) { sc.run(t, newBrowser(t, chromium, demo.URL)) })
	}
}

// titolareEditsContacts: Marco Bianchi, titolare artigiano, logs in through
// the demo provider, changes his contact details, fails once with a wrong
// e-mail, switches to English and logs out.
func titolareEditsContacts(t *testing.T, b *browser) {

	b.visit("/")
	b.see("h1", "Cassetto previdenziale per Artigiani e Commercianti")
	b.click(link("main", loginLabel))
	b.at("/accesso")
	b.see("h1", "Accesso")
	b.click(link("main", loginLabel))
	b.loginAs("titolare-ar")
	// He has one profile only: the login chooses it and goes to his positions.
	if b.has(`form[action="/profilo"]`) {
		t.Fatalf("the titolare was asked for his only profile at %s", b.path())
	}
	b.at("/posizioni")
	b.see("header", "Marco Bianchi")
	b.see("main", "Le posizioni", "10000001")

	b.click(link("main", "10000001"))
	b.at("/posizioni/10000001/")
	b.see("h1", "Cruscotto")
	b.click(link("main", "Posizione anagrafica"))
	b.at("/posizioni/10000001/anagrafica")
	b.see("main", "Marco", "Bianchi", "BNCMRC78D12F205X", "marco.bianchi@demo.example")

	// A valid change: the new e-mail and mobile number show at once.
	b.click(link("main", "Modifica i recapiti"))
	b.at("/posizioni/10000001/recapiti")
	if got := b.value("#email"); got != "marco.bianchi@demo.example" {
		t.Errorf("the form shows e-mail %q, want the current one", got)
	}
	b.fill("#email", "marco@idraulica-bianchi.it")
	b.fill("#mobile", "+39 347 123 4567")
	if status := b.click(button("main", "Salva i recapiti")); status != http.StatusOK {
		t.Errorf("saving the contacts: status %d", status)
	}
	b.at("/posizioni/10000001/anagrafica?esito=recapiti-aggiornati")
	b.see(`main .alert-success[role="status"]`, "Recapiti aggiornati")
	b.see("main", "marco@idraulica-bianchi.it", "+393471234567")
	b.notSee("main", "marco.bianchi@demo.example")

	// A wrong e-mail: the form comes back with the message beside the
	// field, and nothing is stored.
	b.click(link("main", "Modifica i recapiti"))
	b.fill("#email", "marco.idraulica-bianchi.it")
	if status := b.click(button("main", "Salva i recapiti")); status != http.StatusUnprocessableEntity {
		t.Errorf("saving a wrong e-mail: status %d, want 422", status)
	}
	b.at("/posizioni/10000001/recapiti")
	const wrongEmail = "L'e-mail non è valida: scrivila nella forma nome@dominio.it."
	b.see("#email-error", wrongEmail)
	b.see("#form-errors", "nulla è stato salvato", wrongEmail)
	if !b.has(`#email[aria-invalid="true"][aria-describedby="email-error"]`) {
		t.Error("the wrong e-mail field is not marked invalid and tied to its message")
	}
	if got := b.value("#email"); got != "marco.idraulica-bianchi.it" {
		t.Errorf("the form lost what was typed: %q", got)
	}
	b.click(link("main", "Annulla"))
	b.at("/posizioni/10000001/anagrafica")
	b.see("main", "marco@idraulica-bianchi.it")
	b.notSee("main", "marco.idraulica-bianchi.it")

	// English, then out.
	b.click(link("header", "English"))
	b.at("/posizioni/10000001/anagrafica")
	b.see("h1", "Registry data")
	b.see("main", "Contact details", "Edit contact details", "marco@idraulica-bianchi.it")
	b.click(button("header", "Log out"))
	b.at("/?esito=uscita")
	b.see("main", "You have logged out.", loginLabel)
	b.notSee("header", "Marco Bianchi")

	b.visit("/posizioni")
	b.at("/accesso?next=%2Fposizioni")
	b.see("h1", "Log in")
}

// staffSearchesTheAccessLog: Luca Galli, operator of the Milano office,
// logs in to the Fascicolo through the demo provider, finds and opens
// position 10000001, then finds his own read in the access log.
func staffSearchesTheAccessLog(t *testing.T, b *browser) {

	b.visit("/fascicolo/accesso")
	b.see("h1", "Accesso al Fascicolo")
	b.click(link("main", loginLabel))
	b.loginAs("operatore")
	b.at("/fascicolo/")
	b.see("h1", "Fascicolo elettronico")
	b.see("header", "Luca Galli")

	b.fill("#q", "10000001")
	b.click(button("main", "Cerca"))
	b.at("/fascicolo/?q=10000001")
	b.see("main", "Risultati", "Marco Bianchi")
	b.click(link("main", "10000001"))
	b.at("/posizioni/10000001/")
	b.see("h1", "Cruscotto")
	b.see("main", "Marco Bianchi", "BNCMRC78D12F205X")

	b.click(link("nav", "Fascicolo elettronico del contribuente"))
	b.at("/fascicolo/")
	b.click(link("main", "Registro degli accessi"))
	b.at("/fascicolo/registro-accessi")
	b.see("h1", "Registro degli accessi")
	b.fill("#posizione", "10000001")
	b.click(button("main", "Cerca"))
	b.at("/fascicolo/registro-accessi?posizione=10000001")
	b.see("main table tbody", "Luca Galli (operatore.milano)", "10000001", "cruscotto")

	b.click(button("header", "Esci"))
	b.at("/?esito=uscita")
	b.see("main", "Sei uscito dal servizio.")
}

// intermediaryLogsIn: Francesca Romano, commercialista, asks for her
// positions, logs in, sees the positions delegated to her and opens one.
func intermediaryLogsIn(t *testing.T, b *browser) {

	b.visit("/posizioni")
	b.at("/accesso?next=%2Fposizioni")
	b.click(link("main", loginLabel))
	b.loginAs("intermediario")
	// She asked for /posizioni: she gets it, with the positions delegated to her.
	b.at("/posizioni")
	b.see("header", "Francesca Romano")
	b.see("main", "Stai operando come intermediario", "10000001", "10000002", "Laura Colombo")

	b.click(link("main", "10000002"))
	b.at("/posizioni/10000002/")
	b.see("h1", "Cruscotto")
	b.see("main", "Laura Colombo")
	// The delegation of 10000002 is for consultation only, and she is not
	// the titolare: no contact editing, no titolare's access log.
	b.notSee("main", "Modifica", "Chi ha consultato la mia posizione")
	b.click(link("nav", "Posizione anagrafica"))
	b.at("/posizioni/10000002/anagrafica")
	b.see("main", "Laura", "Colombo", "Paolo Ferrari", "Giulia Ferrari")
	b.notSee("main", "Modifica i recapiti")

	b.click(button("header", "Esci"))
	b.at("/?esito=uscita")
}

// TestAxeFindsViolations checks the checker: axe-core, injected and run as
// on the portal's pages, finds the serious and critical violations of a
// page made to have them, so that a clean result means something.
func TestAxeFindsViolations(t *testing.T) {
	chromium := needChromium(t)
	b := newBrowser(t, chromium, "")
	// no lang, an image without alt, a button without a name
	b.do("opening a page with violations",
		chromedp.Navigate(`data:text/html,<!doctype html><title>x</title><main><img src="x.png"><button></button></main>`))
	found := map[string]bool{}
	for _, v := range b.axe().Violations {
		if v.blocking() {
			found[v.ID] = true
		}
	}
	for _, id := range []string{"html-has-lang", "image-alt", "button-name"} {
		if !found[id] {
			t.Errorf("axe did not report %s; it reported %v", id, found)
		}
	}
}
