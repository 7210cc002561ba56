// Package access is the one access policy of the system. It answers "may
// actor A do action X on position P?" from the actor's identity and chosen
// profile, the position's titolare, members and office, and the actor's
// delegation on it. It denies by default: an action or actor it does not know
// is refused.
package access

import (
	"github.com/cassetto-dev/cassetto/internal/civil"
)

// Kind is the kind of actor.
type Kind string

// The actor kinds.
const (
	Anonymous Kind = "anonymous"
	Citizen   Kind = "citizen" // a person logged in with a digital identity
	Staff     Kind = "staff"   // office staff or administrator
)

// Profile is what a citizen chose to act as after login.
type Profile string

// The citizen profiles. NoProfile means not chosen yet.
const (
	NoProfile    Profile = ""
	Self         Profile = "self"         // own positions (titolare or collaboratore)
	Intermediary Profile = "intermediary" // positions delegated to him
)

// Staff roles.
const (
	RoleOperator = "operator"
	RoleAdmin    = "admin"
)

// Actor is who makes a request.
type Actor struct {
	Kind       Kind
	PersonID   int64 // Citizen
	StaffID    int64 // Staff
	Role       string
	OfficeCode string // Staff: the operator's office
	Profile    Profile
	Label      string // human description for the audit log
}

// IsTitolareOf reports whether a is the titolare of the position f describes.
func (a Actor) IsTitolareOf(f Facts) bool {
	return a.Kind == Citizen && a.PersonID != 0 && a.PersonID == f.TitolareID
}

// Action is something done on the system; every route declares one.
type Action string

// Actions not tied to a position.
const (
	Public        Action = "public"        // anyone, logged in or not
	Authenticated Action = "authenticated" // any logged-in actor
	CitizenOnly   Action = "citizen"       // a logged-in person (profile and position pickers)
	StaffOnly     Action = "staff"         // office staff and administrators
	AdminOnly     Action = "admin"         // administrators
	SearchAudit   Action = "audit.search"  // staff: search the access log
)

// Actions on a position: the route carries the position number.
const (
	ViewPosition     Action = "position.view"          // dashboard, anagrafica and every consultation page
	EditContacts     Action = "position.edit_contacts" // change the recapiti
	ViewOwnStatement Action = "position.own_statement" // the estratto conto of oneself (collaboratori too)
	ViewAccessLog    Action = "position.access_log"    // "Chi ha consultato la mia posizione": the titolare only
	SendRequests     Action = "position.send_requests" // open, answer and reopen requests: the titolare or a full-scope intermediary
)

// OnPosition reports whether act is about one position.
func (act Action) OnPosition() bool {
	switch act {
	case ViewPosition, EditContacts, ViewOwnStatement, ViewAccessLog, SendRequests:
		return true
	}
	return false
}

// Known reports whether act is an action of this policy.
func (act Action) Known() bool {
	switch act {
	case Public, Authenticated, CitizenOnly, StaffOnly, AdminOnly, SearchAudit:
		return true
	}
	return act.OnPosition()
}

// Delegation scopes.
const (
	ScopeConsultation = "consultation" // read only
	ScopeFull         = "full"         // consultation, requests, communications, contact changes
)

// Delegation is the actor's delegation on a position, as the policy needs it.
type Delegation struct {
	Status    string // "active" is the only status that grants anything
	Scope     string
	ValidFrom civil.Date
	ValidTo   civil.Date // zero: no end
}

// ActiveOn reports whether d grants access on day.
func (d Delegation) ActiveOn(day civil.Date) bool {
	if d.Status != "active" || day.Before(d.ValidFrom) {
		return false
	}
	return d.ValidTo.IsZero() || !day.After(d.ValidTo)
}

// Facts is what the policy needs to know about a position and the actor's
// relation to it.
type Facts struct {
	PositionID  int64
	TitolareID  int64
	OfficeCode  string
	IsMember    bool         // the actor is a collaboratore of the position (now or in the past)
	Delegations []Delegation // the actor's delegations on the position
}

// Allow decides whether actor a may do act. f describes the position for
// actions on a position and is ignored otherwise. today is the civil date of
// the request (delegations have validity dates).
func Allow(a Actor, act Action, f Facts, today civil.Date) bool {
	if !act.OnPosition() {
		return allowGlobal(a, act)
	}
	switch a.Kind {
	case Citizen:
		return allowCitizen(a, act, f, today)
	case Staff:
		return allowStaff(a, act, f)
	}
	return false
}

func allowGlobal(a Actor, act Action) bool {
	switch act {
	case Public:
		return true
	case Authenticated:
		return a.Kind == Citizen || a.Kind == Staff
	case CitizenOnly:
		return a.Kind == Citizen
	case StaffOnly, SearchAudit:
		return a.Kind == Staff && (a.Role == RoleOperator || a.Role == RoleAdmin)
	case AdminOnly:
		return a.Kind == Staff && a.Role == RoleAdmin
	}
	return false
}

func allowCitizen(a Actor, act Action, f Facts, today civil.Date) bool {
	switch a.Profile {
	case Self:
		if a.IsTitolareOf(f) {
			return true // the titolare may do everything on his own position
		}
		return f.IsMember && act == ViewOwnStatement // a collaboratore: his own statement only (M10)
	case Intermediary:
		if act == ViewAccessLog {
			return false
		}
		for _, d := range f.Delegations {
			if d.ActiveOn(today) && (act != EditContacts && act != SendRequests || d.Scope == ScopeFull) {
				return true
			}
		}
	}
	return false
}

func allowStaff(a Actor, act Action, f Facts) bool {
	if act == ViewAccessLog || act == SendRequests {
		return false // the titolare's pages; staff search the log and answer requests in the Fascicolo
	}
	switch a.Role {
	case RoleAdmin:
		return true
	case RoleOperator:
		return a.OfficeCode != "" && a.OfficeCode == f.OfficeCode
	}
	return false
}
