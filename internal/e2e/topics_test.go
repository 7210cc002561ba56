package e2e

import "testing"

// administratorManagesTopics: the administrator adds a sub-topic to
// "Altro" at /fascicolo/ambiti. A code that does not start with its
// topic's is refused beside the field, with what was typed kept; the right
// code adds it to the list, active, routed as its topic.
func administratorManagesTopics(t *testing.T, b *browser) {
	b.visit("/fascicolo/accesso")
	b.click(link("main", loginLabel))
	b.loginAs("admin")
	b.at("/fascicolo/")
	b.click(link("main", "Ambiti e smistamento"))
	b.at("/fascicolo/ambiti")
	b.see("h1", "Ambiti e smistamento")
	b.see(`tr[id="ambito-altro"]`, "Altro", "attivo")

	b.fill("#code", "prova.browser")
	eval[bool](b, "choosing the topic Altro", `(document.getElementById("parent").value = "altro") === "altro"`)
	b.fill("#name_it", "Prova dal browser")
	b.fill("#name_en", "Browser check")
	b.press(button("main", "Aggiungi"))
	b.see("#form-errors", "Il codice di un sotto-ambito comincia con il codice del suo ambito")
	if got := b.value("#name_it"); got != "Prova dal browser" {
		t.Fatalf("the refused form lost the Italian name: %q", got)
	}
	if got := b.value("#parent"); got != "altro" {
		t.Fatalf("the refused form lost the topic: %q", got)
	}

	b.fill("#code", "altro.browser")
	b.press(button("main", "Aggiungi"))
	b.at("/fascicolo/ambiti?esito=aggiunto")
	b.see(`tr[id="ambito-altro.browser"]`, "Prova dal browser", "Browser check", "attivo")
	if b.has("#form-errors") {
		t.Fatal("the accepted form still shows errors")
	}
}
