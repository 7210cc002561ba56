package e2e

import (
	"testing"
)

// titolareReadsNotifications: Marco Bianchi reads and clears his
// notifications (the worker turned the demo's notices into them) and turns
// off the e-mail for the office's replies.
func titolareReadsNotifications(t *testing.T, b *browser) {
	b.visit("/notifiche")
	b.click(link("main", loginLabel))
	b.loginAs("titolare-ar")
	b.at("/notifiche")
	b.see("h1", "Notifiche")
	b.click(link("main", "Preferenze di notifica"))
	b.at("/notifiche/preferenze")
	b.see("main table caption", "Canale per ogni tipo di evento")
	eval[bool](b, "choosing no message for replies", `(document.getElementById("ch_case_reply-none").checked = true)`)
	b.click(button("main", "Salva le preferenze"))
	b.at("/notifiche/preferenze?esito=salvate")
	b.see("main", "Preferenze di notifica salvate.")
	b.visit("/notifiche")
	if b.has(`form[action="/notifiche/lette"]`) {
		b.click(button("main", "Segna tutte come lette"))
		b.at("/notifiche?esito=lette")
		b.see("main", "Notifiche da leggere: 0.")
	}
}

// administratorReadsCaughtMail: the administrator reads an e-mail the demo's
// catcher kept and the dead-letter list.
func administratorReadsCaughtMail(t *testing.T, b *browser) {
	b.visit("/fascicolo/accesso")
	b.click(link("main", loginLabel))
	b.loginAs("admin")
	b.visit("/fascicolo/posta")
	b.see("h1", "Posta inviata (demo)")
	if b.has("main table tbody a") {
		b.click("main table tbody a")
		b.see("main", "Testo del messaggio")
	}
	b.visit("/fascicolo/notifiche")
	b.see("h1", "Notifiche non consegnate")
}
