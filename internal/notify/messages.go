package notify

// text is one event's wording in one language. Subject and Body are
// text/template strings over the event's fields (see fields); SMS carries
// at most the protocol number.
type text struct {
	Subject, Body, SMS string
}

// wording is every message by language and topic.
var wording = map[string]map[string]text{
	"it": {
		CaseRegistered: {"Richiesta protocollata: {{.Protocol}}",
			"La richiesta «{{.Subject}}» sulla posizione {{.Position}} è stata protocollata con il numero {{.Protocol}}.",
			"Cassetto previdenziale: la richiesta {{.Protocol}} è stata protocollata. Accedi al portale per i dettagli."},
		CaseRouted: {"Richiesta {{.Protocol}} assegnata alla sede competente",
			"La richiesta «{{.Subject}}» (protocollo {{.Protocol}}) è stata assegnata alla sede competente.",
			"Cassetto previdenziale: la richiesta {{.Protocol}} è stata assegnata alla sede competente."},
		CaseTaken: {"Richiesta {{.Protocol}} presa in carico",
			"La sede ha preso in carico la richiesta «{{.Subject}}» (protocollo {{.Protocol}}).",
			"Cassetto previdenziale: la richiesta {{.Protocol}} è stata presa in carico."},
		CaseReply: {"Nuova risposta alla richiesta {{.Protocol}}",
			"La sede ha risposto alla richiesta «{{.Subject}}» (protocollo {{.Protocol}}). Leggi la risposta nel Cassetto previdenziale.",
			"Cassetto previdenziale: nuova risposta alla richiesta {{.Protocol}}. Accedi al portale per leggerla."},
		CaseClosed: {"Richiesta {{.Protocol}} chiusa",
			"La richiesta «{{.Subject}}» (protocollo {{.Protocol}}) è stata chiusa. Trovi l'esito nel Cassetto previdenziale.",
			"Cassetto previdenziale: la richiesta {{.Protocol}} è stata chiusa. Accedi al portale per l'esito."},
		CaseReopened: {"Richiesta {{.Protocol}} riaperta",
			"La richiesta «{{.Subject}}» (protocollo {{.Protocol}}) sulla posizione {{.Position}} è stata riaperta con un nuovo messaggio ed è di nuovo all'esame della sede.",
			"Cassetto previdenziale: la richiesta {{.Protocol}} è stata riaperta. Accedi al portale per i dettagli."},
		CaseOfficeMessage: {"Nuova comunicazione della sede ({{.Protocol}})",
			"La sede ha inviato la comunicazione «{{.Subject}}» (protocollo {{.Protocol}}) sulla posizione {{.Position}}.",
			"Cassetto previdenziale: nuova comunicazione della sede, protocollo {{.Protocol}}. Accedi al portale per leggerla."},
		NoticeIssued: {"Nuovo avviso sulla posizione {{.Position}}",
			"È disponibile l'avviso {{.Number}} ({{.Title}}) sulla posizione {{.Position}}{{if .Deadline}}, da pagare entro il {{.Deadline}}{{end}}.",
			"Cassetto previdenziale: è disponibile un nuovo avviso. Accedi al portale per leggerlo."},
		TopicDelegation: {"Deleghe: novità sulla posizione {{.Position}}",
			"Una delega sulla posizione {{.Position}} è cambiata: {{.Change}}.",
			"Cassetto previdenziale: novità sulle deleghe. Accedi al portale per i dettagli."},
	},
	"en": {
		CaseRegistered: {"Request registered: {{.Protocol}}",
			"The request “{{.Subject}}” on position {{.Position}} has been registered with number {{.Protocol}}.",
			"Cassetto previdenziale: request {{.Protocol}} has been registered. Log in to the portal for the details."},
		CaseRouted: {"Request {{.Protocol}} sent to the competent office",
			"The request “{{.Subject}}” (protocol {{.Protocol}}) has been sent to the competent office.",
			"Cassetto previdenziale: request {{.Protocol}} has been sent to the competent office."},
		CaseTaken: {"Request {{.Protocol}} taken in charge",
			"The office has taken in charge the request “{{.Subject}}” (protocol {{.Protocol}}).",
			"Cassetto previdenziale: request {{.Protocol}} has been taken in charge."},
		CaseReply: {"New reply to request {{.Protocol}}",
			"The office has replied to the request “{{.Subject}}” (protocol {{.Protocol}}). Read the reply in the Cassetto previdenziale.",
			"Cassetto previdenziale: new reply to request {{.Protocol}}. Log in to the portal to read it."},
		CaseClosed: {"Request {{.Protocol}} closed",
			"The request “{{.Subject}}” (protocol {{.Protocol}}) has been closed. The outcome is in the Cassetto previdenziale.",
			"Cassetto previdenziale: request {{.Protocol}} has been closed. Log in to the portal for the outcome."},
		CaseReopened: {"Request {{.Protocol}} reopened",
			"The request “{{.Subject}}” (protocol {{.Protocol}}) on position {{.Position}} has been reopened with a new message and is again before the office.",
			"Cassetto previdenziale: request {{.Protocol}} has been reopened. Log in to the portal for the details."},
		CaseOfficeMessage: {"New communication from the office ({{.Protocol}})",
			"The office has sent the communication “{{.Subject}}” (protocol {{.Protocol}}) on position {{.Position}}.",
			"Cassetto previdenziale: new communication from the office, protocol {{.Protocol}}. Log in to the portal to read it."},
		NoticeIssued: {"New notice on position {{.Position}}",
			"Notice {{.Number}} ({{.Title}}) on position {{.Position}} is available{{if .Deadline}}, to be paid by {{.Deadline}}{{end}}.",
			"Cassetto previdenziale: a new notice is available. Log in to the portal to read it."},
		TopicDelegation: {"Delegations: news on position {{.Position}}",
			"A delegation on position {{.Position}} has changed: {{.Change}}.",
			"Cassetto previdenziale: news on your delegations. Log in to the portal for the details."},
	},
}

// statusNames names the delegation states in each language.
var statusNames = map[string]map[string]string{
	"it": {"": "nessuna", "pending": "in attesa", "active": "attiva", "rejected": "rifiutata", "expired": "scaduta",
		"revoked": "revocata", "renounced": "rinunciata"},
	"en": {"": "none", "pending": "pending", "active": "active", "rejected": "rejected", "expired": "expired",
		"revoked": "revoked", "renounced": "renounced"},
}

// chrome is the fixed text around every e-mail.
var chrome = map[string]struct{ Greeting, Link, Footer string }{
	"it": {"Gentile utente,", "Apri le notifiche nel Cassetto previdenziale",
		"Ricevi questo messaggio secondo le preferenze di notifica del tuo Cassetto previdenziale; puoi cambiarle alla pagina delle notifiche. Non rispondere a questo indirizzo."},
	"en": {"Dear user,", "Open your notifications in the Cassetto previdenziale",
		"You receive this message as set in your notification preferences of the Cassetto previdenziale; you can change them on the notifications page. Do not reply to this address."},
}
