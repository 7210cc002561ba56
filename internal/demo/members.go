package demo

import (
	"slices"

	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// relative is a kind of family collaboratore: the sex ("" either) and the
// age range relative to the titolare's age.
type relative struct {
	relation       string
	sex            string
	minAge, maxAge func(titolare int) int
}

var relatives = []relative{
	{"coniuge", "", func(t int) int { return t - 6 }, func(t int) int { return t + 6 }},
	{"figlio", "M", func(t int) int { return t - 40 }, func(t int) int { return t - 22 }},
	{"figlia", "F", func(t int) int { return t - 40 }, func(t int) int { return t - 22 }},
	{"fratello", "M", func(t int) int { return t - 8 }, func(t int) int { return t + 8 }},
	{"sorella", "F", func(t int) int { return t - 8 }, func(t int) int { return t + 8 }},
	{"genitore", "", func(t int) int { return t + 22 }, func(t int) int { return t + 38 }},
}

// members makes 1–3 collaboratori of p, whose titolare tit is age, with
// subject codes 11, 12, … in order of registration.
func (g *gen) members(p registry.Position, tit registry.Person, age int) []store.SeedMember {
	n := 1 + g.rng.IntN(10)/6 + g.rng.IntN(10)/9 // 1 mostly, 2 sometimes, 3 rarely
	kind := registry.Coadiutore
	if p.Gestione == registry.Artigiani {
		kind = registry.Coadiuvante
	}
	var out []store.SeedMember
	spouse := false
	for range n {
		rel := pick(g.rng, relatives)
		lo, hi := max(18, rel.minAge(age)), min(80, rel.maxAge(age))
		if lo > hi || (rel.relation == "coniuge" && spouse) {
			continue
		}
		spouse = spouse || rel.relation == "coniuge"
		m, ok := g.member(p, tit, rel, lo+g.rng.IntN(hi-lo+1))
		if ok {
			m.Kind = kind
			out = append(out, m)
		}
	}
	slices.SortStableFunc(out, func(a, b store.SeedMember) int { return b.ValidFrom.DaysUntil(a.ValidFrom) })
	for i := range out {
		out[i].SubjectCode = 11 + i
	}
	return out
}

// member makes one collaboratore of relation rel aged age; ok is false when
// the dates cannot fit (the position ended before the relative was 18).
func (g *gen) member(p registry.Position, tit registry.Person, rel relative, age int) (store.SeedMember, bool) {
	sex := rel.sex
	switch {
	case rel.relation == "coniuge" && tit.Sex == "M":
		sex = "F"
	case rel.relation == "coniuge":
		sex = "M"
	case sex == "":
		sex = pick(g.rng, []string{"M", "F"})
	}
	family := familyOf(rel.relation, sex, tit)
	birth := g.birthForAge(age)
	end := g.today
	if !p.ActivityEnd.IsZero() {
		end = p.ActivityEnd.AddDays(-1) // registered at least a day before the end
	}
	from := laterOf(p.ActivityStart, addYears(birth, 18))
	if from.After(end) {
		return store.SeedMember{}, false
	}
	m := registry.Member{Relation: rel.relation, ValidFrom: g.between(from, end)}
	switch {
	case !p.ActivityEnd.IsZero():
		m.ValidTo = p.ActivityEnd
	case chance(g.rng, 10) && m.ValidFrom.DaysUntil(g.today) > 60:
		m.ValidTo = g.between(m.ValidFrom.AddDays(30), g.today.AddDays(-1))
	}
	person := g.newPerson(sex, birth, family)
	return store.SeedMember{Member: m, Person: seedPerson(person, nil)}, true
}

// familyOf returns the family name of a relative of tit, "" for one to draw:
// siblings and fathers share it, children when the titolare is the father.
func familyOf(relation, sex string, tit registry.Person) string {
	switch {
	case relation == "fratello" || relation == "sorella",
		relation == "genitore" && sex == "M",
		(relation == "figlio" || relation == "figlia") && tit.Sex == "M":
		return tit.FamilyName
	}
	return ""
}
