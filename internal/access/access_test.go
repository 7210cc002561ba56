package access

import (
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
)

var today = civil.MustParse("2026-11-23")

func TestAllowMatrix(t *testing.T) {
	pos := Facts{PositionID: 1, TitolareID: 10, OfficeCode: "1300"}
	active := Delegation{Status: "active", Scope: ScopeFull, ValidFrom: civil.MustParse("2024-01-01")}
	consult := Delegation{Status: "active", Scope: ScopeConsultation, ValidFrom: civil.MustParse("2024-01-01")}
	expired := Delegation{Status: "active", Scope: ScopeFull, ValidFrom: civil.MustParse("2020-01-01"), ValidTo: civil.MustParse("2025-12-31")}
	revoked := Delegation{Status: "revoked", Scope: ScopeFull, ValidFrom: civil.MustParse("2020-01-01")}
	future := Delegation{Status: "active", Scope: ScopeFull, ValidFrom: civil.MustParse("2027-01-01")}

	titolare := Actor{Kind: Citizen, PersonID: 10, Profile: Self}
	other := Actor{Kind: Citizen, PersonID: 11, Profile: Self}
	member := Actor{Kind: Citizen, PersonID: 12, Profile: Self}
	inter := Actor{Kind: Citizen, PersonID: 13, Profile: Intermediary}
	operator := Actor{Kind: Staff, StaffID: 1, Role: RoleOperator, OfficeCode: "1300"}
	operatorElsewhere := Actor{Kind: Staff, StaffID: 2, Role: RoleOperator, OfficeCode: "7000"}
	admin := Actor{Kind: Staff, StaffID: 3, Role: RoleAdmin}
	anon := Actor{Kind: Anonymous}
	titolareNoProfile := Actor{Kind: Citizen, PersonID: 10}
	titolareAsIntermediary := Actor{Kind: Citizen, PersonID: 10, Profile: Intermediary}

	withMember := pos
	withMember.IsMember = true
	with := func(ds ...Delegation) Facts { f := pos; f.Delegations = ds; return f }

	cases := []struct {
		name  string
		actor Actor
		facts Facts
		allow map[Action]bool
	}{
		{"titolare", titolare, pos, map[Action]bool{ViewPosition: true, EditContacts: true, ViewOwnStatement: true, ViewAccessLog: true}},
		{"titolare without profile", titolareNoProfile, pos, map[Action]bool{}},
		{"titolare acting as intermediary", titolareAsIntermediary, pos, map[Action]bool{}},
		{"titolare of another position", other, pos, map[Action]bool{}},
		{"collaboratore", member, withMember, map[Action]bool{ViewOwnStatement: true}},
		{"intermediary, full delegation", inter, with(active), map[Action]bool{ViewPosition: true, EditContacts: true, ViewOwnStatement: true}},
		{"intermediary, consultation delegation", inter, with(consult), map[Action]bool{ViewPosition: true, ViewOwnStatement: true}},
		{"intermediary, expired delegation", inter, with(expired), map[Action]bool{}},
		{"intermediary, revoked delegation", inter, with(revoked), map[Action]bool{}},
		{"intermediary, delegation not yet valid", inter, with(future), map[Action]bool{}},
		{"intermediary, revoked then active again", inter, with(revoked, active), map[Action]bool{ViewPosition: true, EditContacts: true, ViewOwnStatement: true}},
		{"intermediary, no delegation", inter, pos, map[Action]bool{}},
		{"operator of the office", operator, pos, map[Action]bool{ViewPosition: true, EditContacts: true, ViewOwnStatement: true}},
		{"operator of another office", operatorElsewhere, pos, map[Action]bool{}},
		{"administrator", admin, pos, map[Action]bool{ViewPosition: true, EditContacts: true, ViewOwnStatement: true}},
		{"anonymous", anon, pos, map[Action]bool{}},
	}
	for _, tc := range cases {
		for _, act := range []Action{ViewPosition, EditContacts, ViewOwnStatement, ViewAccessLog} {
			if got := Allow(tc.actor, act, tc.facts, today); got != tc.allow[act] {
				t.Errorf("%s, %s: allow=%v, want %v", tc.name, act, got, tc.allow[act])
			}
		}
	}
}

func TestAllowGlobal(t *testing.T) {
	actors := map[string]Actor{
		"anonymous": {Kind: Anonymous},
		"citizen":   {Kind: Citizen, PersonID: 1},
		"operator":  {Kind: Staff, StaffID: 1, Role: RoleOperator, OfficeCode: "1300"},
		"admin":     {Kind: Staff, StaffID: 2, Role: RoleAdmin},
		"bad role":  {Kind: Staff, StaffID: 3, Role: "janitor"},
	}
	want := map[Action][]string{
		Public:        {"anonymous", "citizen", "operator", "admin", "bad role"},
		Authenticated: {"citizen", "operator", "admin", "bad role"},
		CitizenOnly:   {"citizen"},
		StaffOnly:     {"operator", "admin"},
		SearchAudit:   {"operator", "admin"},
		AdminOnly:     {"admin"},
		"unknown":     {},
	}
	for act, allowed := range want {
		for name, a := range actors {
			exp := false
			for _, n := range allowed {
				exp = exp || n == name
			}
			if got := Allow(a, act, Facts{}, today); got != exp {
				t.Errorf("%s %s: allow=%v want %v", name, act, got, exp)
			}
		}
	}
}

func TestDelegationActiveOnBoundaries(t *testing.T) {
	d := Delegation{Status: "active", ValidFrom: civil.MustParse("2026-01-01"), ValidTo: civil.MustParse("2026-12-31")}
	for day, want := range map[string]bool{"2025-12-31": false, "2026-01-01": true, "2026-12-31": true, "2027-01-01": false} {
		if got := d.ActiveOn(civil.MustParse(day)); got != want {
			t.Errorf("%s: %v want %v", day, got, want)
		}
	}
}
