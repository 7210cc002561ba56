package demo

import (
	"slices"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// Identity is a fixed demo identity: always in the demo data, with a known
// codice fiscale, for logging in to the demo (the demo identity provider
// lists them) and for tests.
type Identity struct {
	Key            string // stable key, e.g. "titolare-ar"
	Label          string // Italian description, e.g. "Titolare artigiano"
	LabelEN        string // English description
	CodiceFiscale  string
	GivenName      string
	FamilyName     string
	Email          string
	StaffUsername  string // staff only: the username of the staff account
	PositionNumber string // titolari and collaboratori: their position
}

// The keys of the fixed identities.
const (
	KeyTitolareAR    = "titolare-ar"
	KeyTitolareCO    = "titolare-co"
	KeyCollaboratore = "collaboratore"
	KeyIntermediary  = "intermediario"
	KeyOperator      = "operatore"
	KeyAdmin         = "admin"
)

// The fixed positions, both at office 1300 (Milano).
const (
	NumberTitolareAR = "10000001"
	NumberTitolareCO = "10000002"
)

var identities = []Identity{
	{KeyTitolareAR, "Titolare artigiano (idraulico)", "Craftsman, position holder (plumber)",
		"BNCMRC78D12F205X", "Marco", "Bianchi", "marco.bianchi@demo.example", "", NumberTitolareAR},
	{KeyTitolareCO, "Titolare commerciante con due collaboratori", "Merchant, position holder with two family collaborators",
		"CLMLRA82P65F704X", "Laura", "Colombo", "laura.colombo@demo.example", "", NumberTitolareCO},
	{KeyCollaboratore, "Coadiutrice familiare (figlia, under 21)", "Family collaborator (daughter, under 21)",
		"FRRGLI06E43F704K", "Giulia", "Ferrari", "giulia.ferrari@demo.example", "", NumberTitolareCO},
	{KeyIntermediary, "Intermediaria (commercialista) con deleghe", "Intermediary (accountant) holding delegations",
		"RMNFNC70S48F205M", "Francesca", "Romano", "francesca.romano@demo.example", "", ""},
	{KeyOperator, "Operatore della sede di Milano", "Operator of the Milano office",
		"GLLLCU85L19F205J", "Luca", "Galli", "luca.galli@cassetto.example", "operatore.milano", ""},
	{KeyAdmin, "Amministratore del sistema", "System administrator",
		"CNTNNA75C70H501Q", "Anna", "Conti", "anna.conti@cassetto.example", "admin", ""},
}

// Identities returns the fixed demo identities.
func Identities() []Identity { return slices.Clone(identities) }

// fixedBirth holds the sex, birth date and birthplace behind each fixed
// codice fiscale ("coniuge" is the titolare CO's husband, not an identity).
var fixedBirth = map[string]struct{ sex, date, place string }{
	KeyTitolareAR:    {"M", "1978-04-12", "F205"},
	KeyTitolareCO:    {"F", "1982-09-25", "F704"},
	KeyCollaboratore: {"F", "2006-05-03", "F704"},
	KeyIntermediary:  {"F", "1970-11-08", "F205"},
	KeyOperator:      {"M", "1985-07-19", "F205"},
	KeyAdmin:         {"F", "1975-03-30", "H501"},
	"coniuge":        {"M", "1980-02-14", "A794"},
}

// spouse is the husband of the titolare CO, her first collaboratore.
var spouse = Identity{"coniuge", "Coadiutore familiare (coniuge)", "Family collaborator (spouse)",
	"FRRPLA80B14A794R", "Paolo", "Ferrari", "paolo.ferrari@demo.example", "", NumberTitolareCO}

func identity(key string) Identity {
	for _, id := range identities {
		if id.Key == key {
			return id
		}
	}
	return spouse
}

// fixedPerson returns the person of a fixed identity, with contact data
// (resident in Milano, or Monza for the Colombo–Ferrari family).
func fixedPerson(key string) store.SeedPerson {
	id, b := identity(key), fixedBirth[key]
	p := registry.Person{CodiceFiscale: id.CodiceFiscale, GivenName: id.GivenName, FamilyName: id.FamilyName,
		Sex: b.sex, BirthDate: civil.MustParse(b.date), BirthplaceCode: b.place}
	c := &registry.Contact{Email: id.Email, PEC: mailLocal(id.GivenName) + "." + mailLocal(id.FamilyName) + "@pec.example.it",
		Mobile: "+39 333 000 00" + fixedMobile[key], Street: "Via Manzoni 7", PostalCode: "20121", City: "Milano",
		Province: "MI", ChangedBy: "demo"}
	if b.place == "F704" || key == "coniuge" {
		c.Street, c.PostalCode, c.City, c.Province = "Via Carducci 14", "20900", "Monza", "MB"
	}
	return store.SeedPerson{Person: p, Contact: c}
}

var fixedMobile = map[string]string{KeyTitolareAR: "01", KeyTitolareCO: "02", KeyCollaboratore: "03",
	KeyIntermediary: "04", KeyOperator: "05", KeyAdmin: "06", "coniuge": "07"}
