package e2e

import (
	"fmt"
	"net/http"
	"testing"
)

// francesca is the demo intermediary's codice fiscale.
const francesca = "RMNFNC70S48F205M"

// delegationCard is an XPath selector for the delegation card of the
// intermediary with codice fiscale cf whose state badge reads status.
func delegationCard(cf, status string) string {
	return fmt.Sprintf(`//main//section[.//dd[normalize-space(.)=%s]][.//span[contains(@class,"badge") and normalize-space(.)=%s]]`,
		xpathString(cf), xpathString(status))
}

// delegationLifecycle: Marco Bianchi revokes his delegation to Francesca
// Romano and invites her again with full scope; she accepts the invitation
// and finds him among her clients; he revokes it, and he is gone from her
// workspace. titolare and inter are two browsers (two sessions).
func delegationLifecycle(t *testing.T, titolare, inter *browser) {
	titolare.visit("/accesso")
	titolare.click(link("main", loginLabel))
	titolare.loginAs("titolare-ar")
	titolare.visit("/posizioni/10000001/")
	titolare.click(link("nav", "Deleghe"))
	titolare.at("/posizioni/10000001/deleghe")
	titolare.see("h1", "Deleghe")
	titolare.click(delegationCard(francesca, "attiva") + `//button[normalize-space(.)="Revoca la delega"]`)
	titolare.mustFind(delegationCard(francesca, "revocata"))

	// Inviting himself is refused beside the field, nothing stored.
	titolare.fill("#cf", "BNCMRC78D12F205X")
	if status := titolare.click(button("main", "Invia l'invito")); status != http.StatusUnprocessableEntity {
		t.Errorf("delegating to himself: status %d, want 422", status)
	}
	titolare.mustFind(`#cf[aria-invalid="true"]`)

	titolare.fill("#cf", francesca)
	// The theme draws its own radio over the input; choose it as a keyboard
	// user's space bar would.
	eval[bool](titolare, "choosing the full scope", `(document.getElementById("scope-full").checked = true)`)
	titolare.click(button("main", "Invia l'invito"))
	titolare.mustFind(delegationCard(francesca, "in attesa di accettazione") + `[.//dd[normalize-space(.)="consultazione, richieste e comunicazioni"]]`)

	inter.visit("/accesso")
	inter.click(link("main", loginLabel))
	inter.loginAs("intermediario")
	inter.at("/intermediario")
	inter.see("#ws-pending", "Inviti di delega in attesa della tua risposta: 1")
	if inter.has("#cliente-10000001") {
		t.Error("a revoked delegation still shows its client")
	}
	inter.click(link("main", "Rispondi agli inviti"))
	inter.at("/deleghe")
	inter.click(`//main//section[contains(., "10000001")]//button[normalize-space(.)="Accetta la delega"]`)
	inter.visit("/intermediario")
	inter.see("#cliente-10000001", "Marco Bianchi")

	titolare.visit("/posizioni/10000001/deleghe")
	titolare.click(delegationCard(francesca, "attiva") + `//button[normalize-space(.)="Revoca la delega"]`)
	titolare.mustFind(delegationCard(francesca, "revocata"))

	inter.visit("/intermediario")
	if inter.has("#cliente-10000001") {
		t.Error("the client is still in the workspace after the titolare revoked the delegation")
	}
	if status := inter.visit("/posizioni/10000001/"); status != http.StatusNotFound {
		t.Errorf("after the revocation the intermediary opened the position: status %d, want 404", status)
	}
}
