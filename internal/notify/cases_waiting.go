package notify

// CaseWaiting is the event of a case put in attesa del contribuente: the
// office asked the requester something and waits for his answer. It is a
// message of the office, so it follows the preference of CaseReply (the
// preferences page keeps one row for what the office writes), with its own
// wording.
const CaseWaiting = "case.waiting"

// kindWording are the wordings of event kinds that share another kind's
// preference topic but say something of their own.
var kindWording = map[string]map[string]text{
	"it": {
		CaseWaiting: {"Richiesta {{.Protocol}}: la sede attende una tua risposta",
			"La sede ha bisogno di un'informazione sulla richiesta «{{.Subject}}» (protocollo {{.Protocol}}): leggi la domanda e rispondi nel Cassetto previdenziale. La pratica riprende quando rispondi.",
			"Cassetto previdenziale: la sede attende una risposta sulla richiesta {{.Protocol}}. Accedi al portale per leggere la domanda."},
	},
	"en": {
		CaseWaiting: {"Request {{.Protocol}}: the office is waiting for your answer",
			"The office needs some information about the request “{{.Subject}}” (protocol {{.Protocol}}): read the question and answer in the Cassetto previdenziale. The case goes on when you answer.",
			"Cassetto previdenziale: the office is waiting for an answer about request {{.Protocol}}. Log in to the portal to read the question."},
	},
}

// wordingOf is the wording of an event kind in lang (a known language):
// its own, else its topic's.
func wordingOf(kind, lang string) (text, bool) {
	if w, ok := kindWording[lang][kind]; ok {
		return w, true
	}
	w, ok := wording[lang][TopicOf(kind)]
	return w, ok
}
