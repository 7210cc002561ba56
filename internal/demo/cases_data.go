package demo

// The demo cases' scripts. Hours count from the opening; a day is 24.

var (
	scriptRataNonAbbinata = caseScript{"versamenti", "versamenti.abbinamento", "Rata di agosto non abbinata", []caseStep{
		{0, "open", "Buongiorno, ho pagato la seconda rata il 20 agosto con F24 telematico ma nel prospetto risulta ancora da versare.", ""},
		{26, "take", "Verifichiamo il flusso F24 della banca.", ""},
		{50, "note", "Il versamento è arrivato con il codice sede errato: da riattribuire a mano.", ""},
		{52, "reply", "Il versamento era stato registrato su un'altra sede: lo abbiamo abbinato alla seconda rata 2026.", ""},
		{53, "close", "Versamento abbinato, la posizione è regolare.", "accolta"},
	}}
	scriptModelloF24 = caseScript{"f24", "f24.modello", "Richiesta del modello F24 della quarta rata", []caseStep{
		{0, "open", "Non riesco a scaricare il modello F24 della quarta rata: il pulsante non risponde.", ""},
	}}
	scriptAvvisoBonario = caseScript{"recupero", "recupero.avvisi", "Avviso bonario: contributi già versati", []caseStep{
		{0, "open", "Ho ricevuto un avviso bonario per la rata di novembre 2025 che ho pagato regolarmente. Allego gli estremi del pagamento nel testo: F24 del 17/11/2025, 1.130,34 euro.", ""},
		{20, "take", "Controlliamo i versamenti del 2025.", ""},
		{30, "wait", "Per completare la verifica ci serve la quietanza dell'F24 del 17/11/2025: può inviarcela rispondendo a questo messaggio?", ""},
	}}
	scriptRiduzioneForfetari = caseScript{"riduzioni", "riduzioni.forfetari", "Riduzione del 35% per il regime forfetario", []caseStep{
		{0, "open", "Dal 2026 applico il regime forfetario: vorrei sapere se posso ancora chiedere la riduzione del 35%.", ""},
		{48, "take", "Presa in carico.", ""},
		{50, "reply", "La domanda presentata dopo il 28 febbraio vale dal 2027. Può presentarla dal servizio Riduzioni quando vuole.", ""},
		{51, "close", "Informazioni fornite sulla riduzione per i forfetari.", "informazioni_fornite"},
	}}
	scriptRimborso = caseScript{"rimborsi", "rimborsi.rimborso", "Rimborso del versamento doppio di maggio", []caseStep{
		{0, "open", "Per errore ho pagato due volte la prima rata 2026: chiedo il rimborso della somma in eccesso.", ""},
		{24, "take", "Verifichiamo il doppio versamento.", ""},
		{30, "wait", "Ci indica l'IBAN sul quale accreditare il rimborso? Deve essere intestato al titolare della posizione.", ""},
		{150, "msg", "L'IBAN è IT60X0542811101000000123456, intestato a me.", ""},
		{170, "reply", "Grazie: il rimborso è stato disposto e arriverà entro 60 giorni.", ""},
		{171, "close", "Rimborso disposto per l'importo versato in eccesso.", "accolta"},
	}}
	scriptCompensazione = caseScript{"rimborsi", "rimborsi.compensazione", "Compensazione del credito 2025", []caseStep{
		{0, "open", "Ho un credito sul saldo 2025: posso usarlo per pagare la terza rata?", ""},
		{30, "take", "Verifichiamo l'importo del credito.", ""},
		{40, "reply", "Il credito risulta di 312,00 euro: può compensarlo nell'F24 della terza rata indicandolo nella sezione INPS.", ""},
	}}
	scriptRecapiti = caseScript{"anagrafica", "anagrafica.recapiti", "Cambio di indirizzo della sede dell'attività", []caseStep{
		{0, "open", "Ho spostato il laboratorio in un altro comune: dove devo comunicarlo?", ""},
		{10, "take", "Presa in carico.", ""},
		{12, "reply", "La variazione della sede si comunica alla Camera di commercio con la ComUnica: ci arriva poi in automatico.", ""},
		{13, "close", "La variazione non è di competenza dell'Istituto: va fatta in Camera di commercio.", "non_di_competenza"},
	}}
	scriptRateazione = caseScript{"recupero", "recupero.dilazione", "Rateazione dell'avviso di addebito", []caseStep{
		{0, "open", "Vorrei pagare in rate l'avviso di addebito ricevuto a settembre.", ""},
		{30, "take", "Valutiamo la dilazione.", ""},
		{40, "reply", "Per un importo sotto i 120.000 euro la rateazione si chiede all'agente della riscossione, non alla sede.", ""},
		{42, "close", "La rateazione di un avviso di addebito va chiesta all'agente della riscossione.", "respinta"},
	}}
	scriptEstratto = caseScript{"estratti", "estratti.rettifica", "Periodi mancanti nell'estratto conto", []caseStep{
		{0, "open", "Nell'estratto conto mancano i contributi del 2011, quando lavoravo già come artigiano.", ""},
		{50, "take", "Verifichiamo gli archivi del 2011.", ""},
		{60, "note", "Iscrizione del 2011 presente in archivio cartaceo: chiedere la digitalizzazione.", ""},
		{70, "reply", "Abbiamo trovato l'iscrizione del 2011 nell'archivio cartaceo: l'accredito dei mesi da aprile a dicembre è in corso.", ""},
		{72, "close", "Accreditati 9 mesi del 2011; gli altri risultano già coperti da un altro fondo.", "accolta_parzialmente"},
	}}
	scriptSilenzio = caseScript{"altro", "altro.informazioni", "Informazioni sul calcolo dei contributi", []caseStep{
		{0, "open", "Vorrei capire come viene calcolato il contributo sul reddito eccedente.", ""},
		{24, "take", "Presa in carico.", ""},
		{26, "wait", "Ci indica a quale anno di reddito si riferisce la domanda?", ""},
		{24 * 35, "close", "Nessuna risposta dal richiedente dopo 30 giorni: la pratica è archiviata, può aprirne una nuova.", "archiviata"},
	}}
	scriptRiaperta = caseScript{"versamenti", "versamenti.codice_errato", "Versamento con codice tributo errato", []caseStep{
		{0, "open", "Ho pagato la rata con la causale AF invece di AP: il versamento è perso?", ""},
		{20, "take", "Verifichiamo il versamento.", ""},
		{22, "reply", "Il versamento non è perso: lo abbiamo riattribuito alla causale corretta.", ""},
		{23, "close", "Versamento riattribuito.", "accolta"},
		{24 * 4, "reopen", "Nel prospetto dei versamenti la rata risulta ancora non pagata.", ""},
	}}
	scriptCodeline = caseScript{"f24", "f24.codici", "Codeline della rata di novembre", []caseStep{
		{0, "open", "La codeline dell'F24 di novembre è diversa da quella dell'anno scorso: è corretta?", ""},
		{5, "take", "Verifichiamo.", ""},
	}}
	scriptSgravio = caseScript{"recupero", "recupero.sgravio", "Richiesta di sgravio delle sanzioni", []caseStep{
		{0, "open", "Chiedo lo sgravio delle sanzioni: il ritardo del pagamento è dovuto a un errore della banca, come da lettera allegata nel testo.", ""},
	}}
	scriptCollaboratore = caseScript{"anagrafica", "anagrafica.collaboratori", "Iscrizione della figlia come collaboratrice", []caseStep{
		{0, "open", "Da giugno mia figlia lavora nel negozio: cosa devo fare per iscriverla come collaboratrice familiare?", ""},
		{24, "take", "Presa in carico.", ""},
		{30, "wait", "Sua figlia convive con lei? Ci serve per verificare i requisiti di collaboratore familiare.", ""},
		{100, "msg", "Sì, abita con me.", ""},
	}}
	scriptQuietanza = caseScript{"quietanze", "quietanze.quietanza", "Invio della quietanza della terza rata", []caseStep{
		{0, "open", "Invio gli estremi della quietanza dell'F24 della terza rata pagata in ritardo: protocollo telematico 2026/0912345.", ""},
		{30, "take", "Presa in carico.", ""},
		{32, "reply", "Grazie, il versamento risulta ora abbinato.", ""},
		{33, "close", "Quietanza acquisita.", "informazioni_fornite"},
	}}
	scriptDelega = caseScript{"deleghe", "deleghe.conferimento", "Delega al nuovo commercialista", []caseStep{
		{0, "open", "Ho cambiato commercialista: devo revocare la vecchia delega prima di darne una nuova?", ""},
	}}
	scriptOver65 = caseScript{"riduzioni", "riduzioni.over65", "Riduzione per pensionati con più di 65 anni", []caseStep{
		{0, "open", "Compio 65 anni a dicembre e sono già pensionato: posso avere la riduzione del 50%?", ""},
		{12, "take", "Verifichiamo i requisiti.", ""},
		{14, "note", "Pensione diretta presente: requisiti soddisfatti dal mese successivo al compleanno.", ""},
	}}
	commDocumenti = caseScript{"anagrafica", "anagrafica.iscrizione", "Documentazione da integrare per l'iscrizione", []caseStep{
		{0, "comm", "Per completare la sua iscrizione ci serve copia della visura camerale aggiornata: può inviarla rispondendo a questa comunicazione.", ""},
		{24 * 3, "msg", "Ecco gli estremi della visura: richiesta il 12/10/2026, pratica ComUnica n. 7781.", ""},
	}}
	commVerifica = caseScript{"imposizione", "imposizione.redditi", "Verifica dei redditi dichiarati 2024", []caseStep{
		{0, "comm", "Dai dati dell'Agenzia delle Entrate il reddito d'impresa 2024 risulta diverso da quello usato per il calcolo: la invitiamo a verificare la dichiarazione.", ""},
	}}
)

// demoCases are the demo's cases: three on each fixed position (office
// 1300, handled by operatore.milano), the rest on positions of the other
// offices (handled by the administrator). Office 1300 keeps a short
// queue, so that the browser test's new case shows on its first page.
func demoCases() []demoCase {
	fixed := []demoCase{
		{number: NumberTitolareAR, days: 60, script: scriptRataNonAbbinata},
		{number: NumberTitolareAR, days: 9, script: scriptAvvisoBonario},
		{number: NumberTitolareAR, days: 3, script: scriptModelloF24},
		{number: NumberTitolareCO, days: 40, script: scriptRiaperta},
		{number: NumberTitolareCO, days: 15, script: scriptCollaboratore},
		{number: NumberTitolareCO, days: 6, script: commDocumenti},
		{office: "1300", nth: 0, days: 12, script: scriptCodeline},
		{office: "1300", nth: 1, days: 25, script: scriptQuietanza},
	}
	others := []struct {
		office  string
		scripts []caseScript
	}{
		{"7000", []caseScript{scriptRimborso, scriptEstratto, scriptSgravio, scriptSilenzio, commVerifica, scriptOver65}},
		{"2100", []caseScript{scriptRataNonAbbinata, scriptModelloF24}},
		{"5100", []caseScript{scriptAvvisoBonario, scriptRecapiti, scriptDelega, scriptCompensazione, scriptRateazione}},
		{"2800", []caseScript{scriptRiduzioneForfetari, scriptRataNonAbbinata, scriptModelloF24, scriptCollaboratore, scriptRiaperta}},
		{"0100", []caseScript{scriptEstratto, scriptRimborso, scriptSgravio, commDocumenti}},
		{"8000", []caseScript{scriptRateazione, scriptCodeline, scriptSilenzio, scriptQuietanza}},
		{"4901", []caseScript{scriptRecapiti, scriptAvvisoBonario, scriptDelega}},
		{"6400", []caseScript{scriptCompensazione, scriptOver65, scriptRiduzioneForfetari}},
	}
	out := fixed
	for _, o := range others {
		for i, sc := range o.scripts {
			span := sc.steps[len(sc.steps)-1].hours/24 + 2 // the last step before the reference date
			out = append(out, demoCase{office: o.office, nth: i, days: max(span, 5+(i*17+int(o.office[0]-'0')*7)%50), script: sc})
		}
	}
	return out
}
