package e2e

import (
	"net/http"
	"strings"
	"testing"
)

// titolareWalksThePortal: Laura Colombo, titolare commerciante with two
// collaboratori and a history of late payments and notices, opens every
// page of her position from the menu. The figures agree: the dashboard's
// debt is the situazione's.
func titolareWalksThePortal(t *testing.T, b *browser) {
	b.visit("/accesso")
	b.click(link("main", loginLabel))
	b.loginAs("titolare-co")
	b.at("/posizioni")
	b.click(link("main", "10000002"))
	b.at("/posizioni/10000002/")
	b.see("h1", "Cruscotto")
	debt := b.text("#dash-debt")
	if !strings.HasSuffix(debt, " €") {
		t.Fatalf("the dashboard's debt %q is not an amount", debt)
	}

	b.click(link("nav", "Situazione debitoria"))
	b.at("/posizioni/10000002/situazione")
	b.see("h1", "Situazione debitoria e creditoria")
	if got := b.text("#sit-debt"); got != debt {
		t.Errorf("the situazione's debt is %s, the dashboard's %s", got, debt)
	}
	pages := []struct{ menu, path, h1 string }{
		{"Estratto conto", "/posizioni/10000002/estratto-conto", "Estratto conto"},
		{"Versamenti", "/posizioni/10000002/versamenti", "Versamenti"},
		{"Quote dovute e F24", "/posizioni/10000002/quote", "Quote dovute e dati F24"},
		{"Avvisi e iscrizioni a ruolo", "/posizioni/10000002/avvisi", "Iscrizioni a ruolo e avvisi bonari"},
		{"Scadenze", "/posizioni/10000002/scadenze", "Scadenze"},
		{"Atti emessi", "/posizioni/10000002/atti", "Atti emessi"},
		{"Calcolatore contributi", "/posizioni/10000002/calcolatore", "Calcolatore dei contributi"},
		{"Codice INPS per altro importo", "/posizioni/10000002/codice-inps", "Codice INPS per un importo diverso"},
	}
	for _, p := range pages {
		if status := b.click(link("nav", p.menu)); status != http.StatusOK {
			t.Errorf("%s: status %d", p.path, status)
		}
		b.at(p.path)
		b.see("h1", p.h1)
		b.see(`.position-menu [aria-current="page"]`, p.menu)
	}
	b.visit("/posizioni/10000002/estratto-conto")
	b.see("main", "Laura Colombo", "Giulia Ferrari")
	if !b.has(`main svg[role="img"]`) {
		t.Error("the estratto conto has no chart")
	}

	// A bad filter is explained beside the field, in Italian.
	if status := b.visit("/posizioni/10000002/versamenti?dal=31/02/2025"); status != http.StatusUnprocessableEntity {
		t.Errorf("a bad date: status %d, want 422", status)
	}
	if !b.has(`#dal[aria-invalid="true"]`) {
		t.Error("the bad date field is not marked invalid")
	}

	b.click(link("footer", "Notizie")) // the footer link shows at every width
	b.at("/notizie")
	b.see("h1", "Circolari, messaggi e notizie")
	b.click(link("header", "English"))
	b.see("h1", "Circulars")
	b.click(button("header", "Log out"))
	b.at("/?esito=uscita")
}

// collaboratoreSeesHisStatementOnly: Giulia Ferrari, collaboratrice of
// Laura Colombo's business, reaches her own estratto conto and nothing
// else of the position.
func collaboratoreSeesHisStatementOnly(t *testing.T, b *browser) {
	b.visit("/accesso")
	b.click(link("main", loginLabel))
	b.loginAs("collaboratore")
	b.at("/posizioni")
	b.click(`main a[href="/posizioni/10000002/estratto-conto"]`)
	b.at("/posizioni/10000002/estratto-conto")
	b.see("h1", "Estratto conto")
	b.see("main", "Giulia Ferrari", "FRRGLI06E43F704K")
	// The position is named by its titolare, but neither her codice
	// fiscale nor the other collaboratore shows.
	b.notSee("main", "CLMLRA82P65F704X", "Paolo Ferrari")
	for _, p := range []string{"/", "situazione", "versamenti", "quote", "avvisi", "atti", "scadenze", "anagrafica"} {
		path := "/posizioni/10000002/" + strings.TrimPrefix(p, "/")
		if status := b.visit(path); status != http.StatusNotFound {
			t.Errorf("the collaboratrice opened %s: status %d, want 404", path, status)
		}
	}
}

// intermediaryConsultsAClient: Francesca Romano opens the situazione and
// the quote dovute of a client.
func intermediaryConsultsAClient(t *testing.T, b *browser) {
	b.visit("/accesso")
	b.click(link("main", loginLabel))
	b.loginAs("intermediario")
	b.at("/intermediario") // her workspace: every client on one page
	b.see("h1", "Area intermediario")
	b.see("main", "10000001", "10000002", "Laura Colombo")
	b.click(`#cliente-10000002 a[href="/posizioni/10000002/"]`)
	b.click(link("nav", "Situazione debitoria"))
	b.see("h1", "Situazione debitoria e creditoria")
	b.click(link("nav", "Quote dovute e F24"))
	b.see("h1", "Quote dovute e dati F24")
	b.click(link("nav", "Scadenze"))
	b.see("h1", "Scadenze")
}
