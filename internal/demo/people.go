package demo

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/codicefiscale"
	"github.com/cassetto-dev/cassetto/internal/comuni"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// gen is one deterministic stream of generated people. seen holds a hash of
// every codice fiscale handed out, so that none is given twice (a hash
// collision only costs an unneeded omocodia variant).
type gen struct {
	rng    *rand.Rand
	today  civil.Date
	places *places
	seen   map[uint64]struct{}
}

// Streams of the PCG, one per purpose, so that one part of the data does not
// shift when another changes.
const (
	streamIntermediaries = 1
	streamPositions      = 2
)

func newGen(seed, stream uint64, today civil.Date, pl *places, reserved []string) *gen {
	g := &gen{rng: rand.New(rand.NewPCG(seed, stream)), today: today, places: pl,
		seen: make(map[uint64]struct{}, 1024)}
	for _, cf := range reserved {
		g.seen[cfKey(cf)] = struct{}{}
	}
	return g
}

func cfKey(cf string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(cf))
	return h.Sum64()
}

// newPerson makes a person of sex born on birth; family "" draws one.
func (g *gen) newPerson(sex string, birth civil.Date, family string) registry.Person {
	if family == "" {
		family = pick(g.rng, familyNames)
	}
	given := pick(g.rng, maleNames)
	if sex == "F" {
		given = pick(g.rng, femaleNames)
	}
	p := registry.Person{GivenName: given, FamilyName: family, Sex: sex, BirthDate: birth}
	for {
		p.BirthplaceCode = g.places.pick(g.rng).Belfiore
		if cf, ok := g.uniqueCF(p); ok {
			p.CodiceFiscale = cf
			return p
		}
	}
}

// uniqueCF computes the code of p, or the first omocodia variant not yet
// given, as the Agenzia delle Entrate does; ok is false when all are taken.
func (g *gen) uniqueCF(p registry.Person) (string, bool) {
	cf := codicefiscale.Compute(p.FamilyName, p.GivenName, p.Sex, p.BirthDate, p.BirthplaceCode)
	for n := 0; n <= 7; n++ {
		v := codicefiscale.Omocode(cf, n)
		if _, dup := g.seen[cfKey(v)]; !dup {
			g.seen[cfKey(v)] = struct{}{}
			return v, true
		}
	}
	return "", false
}

// birthForAge returns a birth date of someone aged age on g.today.
func (g *gen) birthForAge(age int) civil.Date {
	t := g.today
	latest := civil.New(t.Year-age, t.Month, t.Day)
	return g.between(civil.New(t.Year-age-1, t.Month, t.Day+1), latest)
}

// between returns a date from a to b, both included (a if b is before a).
func (g *gen) between(a, b civil.Date) civil.Date {
	n := a.DaysUntil(b)
	if n <= 0 {
		return a
	}
	return a.AddDays(g.rng.IntN(n + 1))
}

// contact makes up the contact data of p, resident in home. E-mail and PEC
// domains are reserved and deliver nowhere; the postal code is synthetic.
// Mobile numbers are random in the Italian format and might exist: nothing
// may send text messages to demo data.
func (g *gen) contact(p registry.Person, home comuni.Comune) *registry.Contact {
	local := mailLocal(p.GivenName) + "." + mailLocal(p.FamilyName)
	email := local + "@" + pick(g.rng, mailDomains)
	if g.rng.IntN(3) == 0 {
		email = fmt.Sprintf("%s%02d@%s", local, p.BirthDate.Year%100, pick(g.rng, mailDomains))
	}
	return &registry.Contact{
		Email:      email,
		PEC:        local + "@pec.example.it",
		Mobile:     fmt.Sprintf("+39 3%02d %07d", 20+g.rng.IntN(80), g.rng.IntN(10_000_000)),
		Street:     fmt.Sprintf("%s %d", pick(g.rng, streets), 1+g.rng.IntN(180)),
		PostalCode: postalCode(home),
		City:       home.Name,
		Province:   home.Sigla,
		ChangedBy:  "demo",
	}
}

// mailLocal turns a name into lower-case ASCII letters for an e-mail address.
func mailLocal(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case strings.ContainsRune("àáâä", r):
			b.WriteByte('a')
		case strings.ContainsRune("èéêë", r):
			b.WriteByte('e')
		case strings.ContainsRune("ìíîï", r):
			b.WriteByte('i')
		case strings.ContainsRune("òóôö", r):
			b.WriteByte('o')
		case strings.ContainsRune("ùúûü", r):
			b.WriteByte('u')
		}
	}
	return b.String()
}

// seedPerson pairs a person with contact data (nil for none).
func seedPerson(p registry.Person, c *registry.Contact) store.SeedPerson {
	return store.SeedPerson{Person: p, Contact: c}
}

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// chance reports true with probability pct percent.
func chance(r *rand.Rand, pct int) bool { return r.IntN(100) < pct }
