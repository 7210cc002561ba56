package demo

import "github.com/cassetto-dev/cassetto/internal/registry"

// activity is a kind of business with its ATECO 2007 code.
type activity struct{ desc, ateco string }

// activities lists plausible businesses of each gestione.
var activities = map[registry.Gestione][]activity{
	registry.Artigiani: {
		{"Idraulico", "43.22.01"}, {"Elettricista", "43.21.01"}, {"Parrucchiera", "96.02.01"},
		{"Parrucchiere per uomo", "96.02.01"}, {"Estetista", "96.02.02"}, {"Falegname", "16.23.10"},
		{"Meccanico auto", "45.20.10"}, {"Carrozziere", "45.20.20"}, {"Panificio", "10.71.10"},
		{"Pasticceria", "10.71.20"}, {"Gelateria artigianale", "10.52.00"}, {"Muratore", "41.20.00"},
		{"Imbianchino", "43.34.00"}, {"Fabbro", "25.12.10"}, {"Sartoria", "14.13.20"},
		{"Autotrasporto merci", "49.41.00"}, {"Tappezziere", "95.24.01"}, {"Orafo", "32.12.10"},
		{"Calzolaio", "95.23.00"}, {"Fotografo", "74.20.19"}, {"Giardiniere", "81.30.00"},
		{"Odontotecnico", "32.50.20"}, {"Pizzeria da asporto", "56.10.20"}, {"Tatuatore", "96.09.02"},
		{"Piastrellista", "43.33.00"}, {"Lavanderia", "96.01.20"},
	},
	registry.Commercianti: {
		{"Commercio al dettaglio di abbigliamento", "47.71.10"}, {"Bar", "56.30.00"},
		{"Tabaccheria", "47.26.00"}, {"Agente di commercio", "46.19.02"}, {"Affittacamere", "55.20.51"},
		{"Ristorante", "56.10.11"}, {"Alimentari", "47.11.40"}, {"Ferramenta", "47.52.10"},
		{"Edicola", "47.62.10"}, {"Fiorista", "47.76.10"}, {"Profumeria", "47.75.10"},
		{"Agenzia immobiliare", "68.31.00"}, {"Commercio ambulante di frutta e verdura", "47.81.01"},
		{"Libreria", "47.61.00"}, {"Negozio di calzature", "47.72.10"}, {"Gioielleria", "47.77.00"},
		{"Agenzia di viaggi", "79.11.00"}, {"Commercio elettronico", "47.91.10"}, {"Macelleria", "47.22.00"},
		{"Ottica", "47.78.20"}, {"Bed and breakfast", "55.20.51"}, {"Commercio all'ingrosso di materiali edili", "46.73.22"},
		{"Cartoleria", "47.62.20"}, {"Enoteca", "47.25.00"},
	},
}
