package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/news"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// demoNews are the circolari, messaggi and notizie of the demo, published.
// Figures follow RULES.md (P2, P6) for 2026.
var demoNews = []news.Item{
	{NaturalKey: "demo:circ-14-2026", Date: civil.Date{Year: 2026, Month: 2, Day: 5}, Kind: news.Circolare, Gestione: news.Both,
		Title: "Circolare n. 14/2026: contributi 2026 per artigiani e commercianti",
		Body: "Per il 2026 il **minimale di reddito** è di 18.808,00 €, la soglia oltre la quale l'aliquota aumenta di un punto è di 56.224,00 € " +
			"e il **massimale** è di 93.707,00 € (122.295,00 € per chi non ha contributi prima del 1° gennaio 1996).\n\n" +
			"## Aliquote\n\n- Artigiani: 24,00%\n- Commercianti: 24,48% (compreso lo 0,48% per l'indennizzo di cessazione attività)\n\n" +
			"Il contributo fisso di un titolare per l'intero anno è di 4.521,36 € (artigiani) e 4.611,64 € (commercianti), " +
			"compreso il contributo di maternità di 7,44 €.\n\nUsa il **calcolatore** nella tua posizione per stimare i contributi sul reddito che supera il minimale."},
	{NaturalKey: "demo:scadenze-2026", Date: civil.Date{Year: 2026, Month: 3, Day: 2}, Kind: news.Notizia, Gestione: news.Both,
		Title: "Le scadenze F24 dei contributi fissi 2026",
		Body: "Le quattro rate dei contributi fissi 2026 scadono il:\n\n1. 18 maggio 2026 (il 16 è sabato)\n2. 20 agosto 2026\n3. 16 novembre 2026\n4. 16 febbraio 2027\n\n" +
			"Saldo 2025 e primo acconto 2026 dei contributi sopra il minimale si versano entro il 30 giugno 2026, il secondo acconto entro il 30 novembre 2026.\n\n" +
			"Puoi ricevere le scadenze nel tuo calendario dalla pagina [Calendario delle scadenze](/calendario)."},
	{NaturalKey: "demo:dl-19-2024", Date: civil.Date{Year: 2024, Month: 9, Day: 10}, Kind: news.Messaggio, Gestione: news.Both,
		Title: "Sanzioni civili più leggere per chi paga spontaneamente (DL 19/2024)",
		Body: "Dal 1° settembre 2024, per i contributi scaduti da quella data e versati **spontaneamente entro 120 giorni**, prima di qualsiasi richiesta dell'Istituto, " +
			"la sanzione civile è calcolata al solo tasso ufficiale di riferimento (TUR), senza la maggiorazione di 5,5 punti. Il limite massimo resta il 40% dell'importo dovuto."},
	{NaturalKey: "demo:forfettari-2026", Date: civil.Date{Year: 2026, Month: 1, Day: 12}, Kind: news.Messaggio, Gestione: news.Both,
		Title: "Riduzione del 35% per i forfettari: domanda entro il 28 febbraio",
		Body: "Chi applica il regime forfettario può chiedere la riduzione del 35% dei contributi. La domanda presentata entro il **28 febbraio 2026** vale dal 2026; " +
			"dopo quella data vale dall'anno successivo. La riduzione si rinnova da sola negli anni seguenti."},
	{NaturalKey: "demo:nuovi-2025", Date: civil.Date{Year: 2025, Month: 4, Day: 7}, Kind: news.Circolare, Gestione: news.Both,
		Title: "Nuovi iscritti nel 2025: contributi ridotti del 50% per 36 mesi",
		Body: "Chi si iscrive per la prima volta nel 2025 alla gestione artigiani o commercianti può chiedere la riduzione del 50% dei contributi per 36 mesi. " +
			"La riduzione non si cumula con quella per i forfettari."},
	{NaturalKey: "demo:calendario", Date: civil.Date{Year: 2026, Month: 9, Day: 15}, Kind: news.Notizia, Gestione: news.Both,
		Title: "Nuovo servizio: le scadenze nel tuo calendario",
		Body: "Dalla pagina [Calendario delle scadenze](/calendario) puoi creare un indirizzo segreto da aggiungere a Google Calendar, Outlook o al calendario del telefono: " +
			"le scadenze delle tue posizioni, con gli importi da pagare, si aggiornano da sole."},
}

// LoadNews writes the demo's news items once: each has a natural key, so
// running it again adds nothing. It returns how many items it holds.
func LoadNews(ctx context.Context, db *store.DB) (int, error) {
	st := store.NewNews(db, func() time.Time { return ReferenceDate().Time() })
	for _, it := range demoNews {
		it.Published, it.UpdatedBy = true, "demo"
		if err := st.Create(ctx, &it); err != nil {
			return 0, fmt.Errorf("demo news %s: %w", it.NaturalKey, err)
		}
	}
	return len(demoNews), nil
}
