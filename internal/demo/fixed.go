package demo

import (
	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// fixedPositions returns the positions of the fixed titolari, with the
// delegations they gave to the fixed intermediary.
func fixedPositions() []store.SeedPosition {
	inter := identity(KeyIntermediary).CodiceFiscale
	ar := store.SeedPosition{
		Position: registry.Position{Number: NumberTitolareAR, Gestione: registry.Artigiani, OfficeCode: "1300",
			ActivityStart: civil.MustParse("2008-03-01"), Status: registry.StatusActive,
			ActivityDescription: "Idraulico", AtecoCode: "43.22.01", Reduction: registry.ReductionNone, Post1996: true},
		Titolare: fixedPerson(KeyTitolareAR),
		Delegations: []store.SeedDelegation{{IntermediaryCF: inter, Scope: "full", Status: "active",
			ValidFrom: civil.MustParse("2019-02-01")}},
	}
	co := store.SeedPosition{
		Position: registry.Position{Number: NumberTitolareCO, Gestione: registry.Commercianti, OfficeCode: "1300",
			ActivityStart: civil.MustParse("2012-06-01"), Status: registry.StatusActive,
			ActivityDescription: "Commercio al dettaglio di abbigliamento", AtecoCode: "47.71.10",
			Reduction: registry.ReductionNone, Post1996: true},
		Titolare: fixedPerson(KeyTitolareCO),
		Members: []store.SeedMember{
			fixedMember(11, "coniuge", "coniuge", "2012-06-01"),
			fixedMember(12, KeyCollaboratore, "figlia", "2024-06-01"),
		},
		Delegations: []store.SeedDelegation{{IntermediaryCF: inter, Scope: "consultation", Status: "active",
			ValidFrom: civil.MustParse("2021-09-15")}},
	}
	return []store.SeedPosition{ar, co}
}

func fixedMember(code int, key, relation, from string) store.SeedMember {
	return store.SeedMember{
		Member: registry.Member{SubjectCode: code, Kind: registry.Coadiutore, Relation: relation,
			ValidFrom: civil.MustParse(from)},
		Person: fixedPerson(key),
	}
}

// fixedIntermediary is the commercialista of the fixed identities.
func fixedIntermediary() store.SeedIntermediary {
	return store.SeedIntermediary{Person: fixedPerson(KeyIntermediary), Kind: "commercialista",
		RegistrationNumber: "ODCEC Milano n. 4821/A", Firm: "Studio Romano & Associati"}
}

// fixedStaff returns the operator of office 1300 and the administrator.
func fixedStaff() []store.SeedStaff {
	op, adm := identity(KeyOperator), identity(KeyAdmin)
	return []store.SeedStaff{
		{Username: op.StaffUsername, CodiceFiscale: op.CodiceFiscale, DisplayName: op.GivenName + " " + op.FamilyName,
			Role: "operator", OfficeCode: "1300"},
		{Username: adm.StaffUsername, CodiceFiscale: adm.CodiceFiscale, DisplayName: adm.GivenName + " " + adm.FamilyName,
			Role: "admin"},
	}
}

// fixedCFs are the codici fiscali no random person may take.
func fixedCFs() []string {
	out := []string{spouse.CodiceFiscale}
	for _, id := range identities {
		out = append(out, id.CodiceFiscale)
	}
	return out
}
