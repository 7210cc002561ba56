package demo

import (
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/codicefiscale"
	"github.com/cassetto-dev/cassetto/internal/comuni"
)

func TestFixedCodesAreTheComputedOnes(t *testing.T) {
	ids := append(Identities(), spouse)
	keys := map[string]bool{}
	for _, id := range ids {
		if keys[id.Key] {
			t.Fatalf("key %s twice", id.Key)
		}
		keys[id.Key] = true
		b, ok := fixedBirth[id.Key]
		if !ok {
			t.Fatalf("%s: no birth data", id.Key)
		}
		want := codicefiscale.Compute(id.FamilyName, id.GivenName, b.sex, civil.MustParse(b.date), b.place)
		if id.CodiceFiscale != want {
			t.Errorf("%s: codice fiscale %s, computed %s", id.Key, id.CodiceFiscale, want)
		}
		if _, ok := comuni.ByBelfiore(b.place); !ok || id.Label == "" || id.LabelEN == "" || id.Email == "" {
			t.Errorf("%s: incomplete identity %+v", id.Key, id)
		}
	}
	if len(ids) != 7 {
		t.Fatalf("%d identities, want 6 and the spouse", len(ids))
	}
}

func TestFixedIdentitiesAreInEveryDataset(t *testing.T) {
	ds := Generate(Options{Seed: 99, Positions: 50})
	ps := collect(ds)
	ar, co := ps[0], ps[1]
	if ar.Number != NumberTitolareAR || ar.OfficeCode != "1300" || ar.Titolare.CodiceFiscale != identity(KeyTitolareAR).CodiceFiscale ||
		ar.Gestione != "AR" || len(ar.Members) != 0 {
		t.Fatalf("titolare AR position %+v", ar.Position)
	}
	if co.Number != NumberTitolareCO || co.OfficeCode != "1300" || co.Gestione != "CO" || len(co.Members) != 2 ||
		co.Members[1].Person.CodiceFiscale != identity(KeyCollaboratore).CodiceFiscale ||
		co.Members[1].Person.BirthDate.YearsAt(ds.Options.Today) > 21 {
		t.Fatalf("titolare CO position %+v", co)
	}
	inter := identity(KeyIntermediary).CodiceFiscale
	if ds.Intermediaries[0].Person.CodiceFiscale != inter || ds.Intermediaries[0].Kind != "commercialista" {
		t.Fatalf("first intermediary %+v", ds.Intermediaries[0])
	}
	status := map[string]int{}
	for _, p := range ps {
		for _, d := range p.Delegations {
			if d.IntermediaryCF == inter {
				status[d.Status]++
			}
		}
	}
	if status["active"] != 7 || status["expired"] != 1 || status["revoked"] != 1 {
		t.Fatalf("delegations to the fixed intermediary by status: %v", status)
	}
	staff := map[string]string{}
	for _, s := range ds.Staff {
		staff[s.Username] = s.Role + "@" + s.OfficeCode
	}
	if staff["operatore.milano"] != "operator@1300" || staff["admin"] != "admin@" {
		t.Fatalf("staff %v", staff)
	}
}
