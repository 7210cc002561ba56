package delegation

import (
	"time"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/civil"
)

// Status is the state of a delegation.
type Status string

// The states. Only Active grants access (access.Delegation.ActiveOn).
const (
	Pending   Status = "pending"   // granted by the titolare, waiting for the intermediary
	Active    Status = "active"    // accepted, or registered on paper
	Rejected  Status = "rejected"  // the intermediary refused the invitation
	Expired   Status = "expired"   // the invitation or the end date passed
	Revoked   Status = "revoked"   // ended (or withdrawn) by the titolare
	Renounced Status = "renounced" // ended by the intermediary
)

// Open reports whether s is a state that may still change.
func (s Status) Open() bool { return s == Pending || s == Active }

// Scopes of a delegation, as the access policy knows them.
const (
	ScopeConsultation = access.ScopeConsultation // "consultazione"
	ScopeFull         = access.ScopeFull         // "consultazione, richieste e comunicazioni"
)

// Scopes lists the scopes in the order the forms offer them.
var Scopes = []string{ScopeConsultation, ScopeFull}

// Origin says how a delegation was created.
type Origin string

// The origins.
const (
	Portal Origin = "portal" // granted by the titolare on the portal
	Paper  Origin = "paper"  // received on paper, registered by office staff
)

// Kinds are the kinds of intermediary profile: consulente del lavoro,
// commercialista, CAF, associazione di categoria.
var Kinds = []string{"consulente_lavoro", "commercialista", "caf", "associazione"}

// Intermediary is a person with an intermediary profile.
type Intermediary struct {
	PersonID           int64
	CodiceFiscale      string
	Name               string
	Kind               string // one of Kinds (the demo data may use other words)
	RegistrationNumber string // order registration number
	Firm               string
}

// Document is the scanned paper delegation, kept in the blob store.
type Document struct {
	SHA256 string
	Name   string // the file name as uploaded
	Type   string // "pdf" or "p7m"
	Size   int64
}

// Delegation is a delegation with what the pages show about it.
type Delegation struct {
	ID             int64
	PositionID     int64
	PositionNumber string
	TitolareID     int64
	TitolareName   string
	Intermediary   Intermediary
	Scope          string
	Status         Status
	ValidFrom      civil.Date
	ValidTo        civil.Date // zero: no end date
	InviteExpires  civil.Date // pending: the last day the intermediary may accept
	Origin         Origin
	CreatedByLabel string
	CreatedAt      time.Time
	EndedAt        time.Time
	EndReason      string
	Document       Document // Paper only
	History        []Change // oldest first
}

// Change is one state change, as the history keeps it.
type Change struct {
	ID           int64
	DelegationID int64
	At           time.Time
	From, To     Status // From is "" when the delegation is created
	Verb         Verb
	ActorKind    string // citizen, staff or system
	ActorID      int64
	ActorLabel   string
	ActingAs     string // self, intermediary, operator, admin, system: for the audit log
	IP           string
	Note         string     // the reason given, if any
	ValidFrom    civil.Date // Accept: the day access begins
}

// Verb names what a change did; the event kind is "delegation." + Verb.
type Verb string

// The verbs.
const (
	Granted    Verb = "granted"
	Registered Verb = "registered" // a paper delegation
	Accepted   Verb = "accepted"
	RejectedV  Verb = "rejected"
	RevokedV   Verb = "revoked"
	RenouncedV Verb = "renounced"
	ExpiredV   Verb = "expired"
)

// EventKind is the kind of the outbox event of v.
func (v Verb) EventKind() string { return "delegation." + string(v) }
