package demo

import (
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// intermediaryKinds are the kinds of intermediary, repeated to weight them.
var intermediaryKinds = []string{
	"commercialista", "commercialista", "commercialista", "commercialista", "commercialista",
	"consulente_lavoro", "consulente_lavoro", "caf", "caf", "associazione", "associazione",
}

// intermediary makes a random intermediary.
func (g *gen) intermediary() store.SeedIntermediary {
	sex := pick(g.rng, []string{"M", "F"})
	p := g.newPerson(sex, g.birthForAge(30+g.rng.IntN(41)), "")
	home := g.places.pick(g.rng)
	in := store.SeedIntermediary{Person: seedPerson(p, g.contact(p, home)), Kind: pick(g.rng, intermediaryKinds)}
	n := 100 + g.rng.IntN(9900)
	switch in.Kind {
	case "commercialista":
		in.RegistrationNumber = fmt.Sprintf("ODCEC %s n. %d", home.Province, n)
		in.Firm = "Studio " + p.FamilyName + " Commercialisti"
	case "consulente_lavoro":
		in.RegistrationNumber = fmt.Sprintf("CdL %s n. %d", home.Province, n)
		in.Firm = "Studio " + p.FamilyName + " Consulenza del Lavoro"
	case "caf":
		in.RegistrationNumber = fmt.Sprintf("CAF n. %05d", n)
		in.Firm = "CAF Servizi " + home.Province + " srl"
	default:
		in.RegistrationNumber = fmt.Sprintf("Reg. ass. n. %d", n)
		in.Firm = "Associazione Artigiani e Commercianti di " + home.Province
	}
	return in
}

// quota counts the delegations to the fixed intermediary still to place on
// random positions: a few active, one expired, one revoked.
type quota struct{ active, expired, revoked int }

// delegations adds to p the delegations it gave: first those the fixed
// intermediary needs (to), then for about a third of positions an active
// one, and for a few an ended one, to random intermediaries (others).
func (g *gen) delegations(p *store.SeedPosition, to string, others []string, q *quota) {
	add := func(d store.SeedDelegation, ok bool) bool {
		if ok {
			p.Delegations = append(p.Delegations, d)
		}
		return ok
	}
	switch {
	case q.active > 0:
		if add(g.delegation(p.Position, to, "active")) {
			q.active--
		}
		return
	case q.expired > 0:
		if add(g.delegation(p.Position, to, "expired")) {
			q.expired--
		}
		return
	case q.revoked > 0:
		if add(g.delegation(p.Position, to, "revoked")) {
			q.revoked--
		}
		return
	}
	if len(others) == 0 {
		return
	}
	i := g.rng.IntN(len(others))
	if chance(g.rng, 35) {
		add(g.delegation(p.Position, others[i], "active"))
	}
	if chance(g.rng, 6) {
		ended := pick(g.rng, []string{"expired", "revoked"})
		add(g.delegation(p.Position, others[(i+1)%len(others)], ended))
	}
}

// delegation makes a delegation on p with status, given from 2012 on; ok is
// false when it does not fit: a position ended before 2012, or an ended
// delegation on a position too recent.
func (g *gen) delegation(p registry.Position, to, status string) (store.SeedDelegation, bool) {
	end := g.today
	if !p.ActivityEnd.IsZero() {
		end = p.ActivityEnd
	}
	d := store.SeedDelegation{IntermediaryCF: to, Scope: "consultation", Status: status}
	if chance(g.rng, 60) {
		d.Scope = "full"
	}
	lo := laterOf(p.ActivityStart, civil.Date{Year: 2012, Month: 1, Day: 1})
	if lo.After(end) {
		return d, false
	}
	if status == "active" {
		d.ValidFrom = g.between(lo, end)
		if chance(g.rng, 15) {
			d.ValidTo = g.today.AddDays(30 + g.rng.IntN(700)) // fixed-term
		}
		return d, true
	}
	hi := g.today.AddDays(-60)
	if end.Before(hi) {
		hi = end
	}
	if lo.After(hi) {
		return d, false
	}
	d.ValidFrom = g.between(lo, hi)
	d.ValidTo = g.between(d.ValidFrom.AddDays(30), g.today.AddDays(-1))
	return d, true
}
