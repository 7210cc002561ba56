package demo

import (
	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/comuni"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// firstStart returns the earliest activity start of the demo positions.
func firstStart() civil.Date { return civil.Date{Year: 1990, Month: 1, Day: 1} }

// position makes the random position number with its titolare and members.
func (g *gen) position(number string) store.SeedPosition {
	gest := registry.Commercianti
	if chance(g.rng, 45) {
		gest = registry.Artigiani
	}
	sex := "F"
	if chance(g.rng, 65) {
		sex = "M"
	}
	age := 18 + (g.rng.IntN(63)+g.rng.IntN(63))/2 // 18–80, most around 49
	tit := g.newPerson(sex, g.birthForAge(age), "")
	home, _ := comuni.ByBelfiore(tit.BirthplaceCode)
	if chance(g.rng, 40) { // moved away from the birthplace
		home = g.places.pick(g.rng)
	}
	act := pick(g.rng, activities[gest])
	p := registry.Position{
		Number: number, Gestione: gest, OfficeCode: officeFor(home), Status: registry.StatusActive,
		ActivityDescription: act.desc, AtecoCode: act.ateco, Reduction: registry.ReductionNone,
	}
	if chance(g.rng, 8) { // moved, or registered elsewhere
		p.OfficeCode = pick(g.rng, offices).Code
	}
	p.ActivityStart = g.between(laterOf(firstStart(), addYears(tit.BirthDate, 18)), g.today)
	if chance(g.rng, 10) && p.ActivityStart.DaysUntil(g.today) > 60 {
		p.Status = registry.StatusClosed
		p.ActivityEnd = g.between(p.ActivityStart.AddDays(30), g.today.AddDays(-1))
	}
	p.Post1996 = p.ActivityStart.Year >= 1996 && tit.BirthDate.Year >= 1976
	p.Reduction = g.reduction(p, age)
	sp := store.SeedPosition{Position: p, Titolare: seedPerson(tit, g.contact(tit, home))}
	if chance(g.rng, 30) {
		sp.Members = g.members(sp.Position, tit, age)
	}
	return sp
}

// reduction draws the contribution reduction of p, whose titolare is age:
// new2025 for some 2025 starts, over65 for some active titolari over 65,
// forfettario for some others, mostly none.
func (g *gen) reduction(p registry.Position, age int) registry.Reduction {
	switch {
	case p.ActivityStart.Year == 2025 && chance(g.rng, 50):
		return registry.ReductionNew2025
	case age > 65 && p.Status == registry.StatusActive && chance(g.rng, 30):
		return registry.ReductionOver65
	case chance(g.rng, 15):
		return registry.ReductionForfettario
	}
	return registry.ReductionNone
}

func laterOf(a, b civil.Date) civil.Date {
	if a.After(b) {
		return a
	}
	return b
}

// addYears returns d n years later (29 February becomes 1 March).
func addYears(d civil.Date, n int) civil.Date { return civil.New(d.Year+n, d.Month, d.Day) }
