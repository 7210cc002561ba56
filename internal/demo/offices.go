package demo

import (
	"strings"

	"github.com/cassetto-dev/cassetto/internal/comuni"
	"github.com/cassetto-dev/cassetto/internal/registry"
)

// hours are the opening hours of every demo office.
const hours = "lun–ven 8:30–12:30; mar e gio anche 14:30–16:30"

// offices are the demo sedi. Addresses and telephone numbers are made up.
var offices = []registry.Office{
	office("0100", "Torino", "Via delle Rose 12", "10121", "011"),
	office("1300", "Milano", "Via dei Tigli 25", "20121", "02"),
	office("1700", "Genova", "Via Carducci 8", "16121", "010"),
	office("2100", "Verona", "Via Pascoli 3", "37121", "045"),
	office("2800", "Bologna", "Viale Europa 40", "40121", "051"),
	office("3600", "Venezia", "Via San Francesco 5", "30121", "041"),
	office("4100", "Pescara", "Via Leopardi 17", "65121", "085"),
	office("4901", "Firenze", "Largo Augusto 2", "50121", "055"),
	office("5100", "Napoli", "Via dei Mille 60", "80121", "081"),
	office("6400", "Bari", "Via Kennedy 21", "70121", "080"),
	office("7000", "Roma", "Viale della Libertà 100", "00185", "06"),
	office("8000", "Palermo", "Via Gramsci 9", "90133", "091"),
}

// office builds a demo office of city; prefix is the telephone area code.
func office(code, city, street, postalCode, prefix string) registry.Office {
	return registry.Office{
		Code:         code,
		Name:         "Sede di " + city,
		Address:      street + ", " + postalCode,
		City:         city,
		Phone:        "+39 " + prefix + " 000 " + code,
		Email:        "sede." + strings.ToLower(city) + "@cassetto.example",
		OpeningHours: hours,
	}
}

// officeOfRegion is the office of the residents of each region.
var officeOfRegion = map[string]string{
	"Piemonte": "0100", "Valle d'Aosta/Vallée d'Aoste": "0100",
	"Lombardia": "1300", "Liguria": "1700",
	"Trentino-Alto Adige/Südtirol": "2100", "Veneto": "3600", "Friuli-Venezia Giulia": "3600",
	"Emilia-Romagna": "2800", "Toscana": "4901", "Umbria": "4901",
	"Marche": "4100", "Abruzzo": "4100", "Molise": "4100",
	"Lazio": "7000", "Sardegna": "7000",
	"Campania": "5100", "Calabria": "5100", "Puglia": "6400", "Basilicata": "6400",
	"Sicilia": "8000",
}

// officeOfProvince overrides officeOfRegion for a few provinces.
var officeOfProvince = map[string]string{"VR": "2100", "VI": "2100", "MN": "2100"}

// officeFor returns the office of a resident of c.
func officeFor(c comuni.Comune) string {
	if code, ok := officeOfProvince[c.Sigla]; ok {
		return code
	}
	if code, ok := officeOfRegion[c.Region]; ok {
		return code
	}
	return "7000"
}
