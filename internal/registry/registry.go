package registry

import (
	"context"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
)

// Gestione identifies a social-security scheme. AR and CO are built in;
// another gestione is one more entry in Gestioni, not a rewrite of the core.
type Gestione string

// The built-in gestioni.
const (
	Artigiani    Gestione = "AR"
	Commercianti Gestione = "CO"
)

// GestioneInfo describes a gestione: its code and its names.
type GestioneInfo struct {
	Code   Gestione
	NameIT string
	NameEN string
}

// Gestioni lists the gestioni the system knows, by code.
var Gestioni = map[Gestione]GestioneInfo{
	Artigiani:    {Artigiani, "Gestione Artigiani", "Craftsmen scheme"},
	Commercianti: {Commercianti, "Gestione Commercianti", "Merchants scheme"},
}

// Valid reports whether g is a known gestione.
func (g Gestione) Valid() bool { _, ok := Gestioni[g]; return ok }

// PositionStatus is the state of a position.
type PositionStatus string

// The position states.
const (
	StatusActive    PositionStatus = "attiva"
	StatusSuspended PositionStatus = "sospesa"
	StatusClosed    PositionStatus = "cessata"
)

// Reduction is a contribution reduction in force on a position (RULES P3).
type Reduction string

// The reductions.
const (
	ReductionNone        Reduction = "none"
	ReductionForfettario Reduction = "forfettario"
	ReductionOver65      Reduction = "over65"
	ReductionNew2025     Reduction = "new2025"
)

// Office is a territorial office (sede) with its 4-digit code.
type Office struct {
	Code         string
	Name         string
	Address      string
	City         string
	Phone        string
	Email        string
	OpeningHours string
}

// Person is a natural person known to the system, identified by codice fiscale.
type Person struct {
	ID             int64
	CodiceFiscale  string
	GivenName      string
	FamilyName     string
	Sex            string // "M" or "F"
	BirthDate      civil.Date
	BirthplaceCode string // cadastral (Belfiore) code, e.g. "H501" Roma
}

// FullName returns "Given Family".
func (p Person) FullName() string { return p.GivenName + " " + p.FamilyName }

// Position is a titolare's registration in a gestione: the unit the Cassetto
// shows. Number is the 8-digit position number (codice azienda).
type Position struct {
	ID                  int64
	Number              string
	Gestione            Gestione
	TitolareID          int64
	OfficeCode          string
	ActivityStart       civil.Date
	ActivityEnd         civil.Date // zero while active
	Status              PositionStatus
	ActivityDescription string
	AtecoCode           string
	Reduction           Reduction
	Post1996            bool // no contributions before 1/1/1996: higher massimale
}

// MemberKind is the kind of collaboratore.
type MemberKind string

// The member kinds: coadiuvante (AR) and coadiutore (CO).
const (
	Coadiuvante MemberKind = "coadiuvante"
	Coadiutore  MemberKind = "coadiutore"
)

// Member is a collaboratore of a position (nucleo aziendale).
type Member struct {
	ID          int64
	PositionID  int64
	PersonID    int64
	SubjectCode int // 11–19, in order of registration (RULES P5)
	Kind        MemberKind
	Relation    string // e.g. coniuge, figlio, fratello
	ValidFrom   civil.Date
	ValidTo     civil.Date
}

// Contact is one version of a person's contact data; the newest is current,
// older ones are the history.
type Contact struct {
	ID         int64
	PersonID   int64
	Email      string
	PEC        string
	Mobile     string
	Street     string
	PostalCode string
	City       string
	Province   string
	ChangedBy  string
	CreatedAt  time.Time
	// EmailVerified and MobileVerified say whether the notification
	// e-mail (NotifyEmail) and the mobile number of this version were
	// verified with a one-time code; notifications use only verified ones.
	EmailVerified  bool
	MobileVerified bool
}

// PositionView is a position with what the pages show beside it.
type PositionView struct {
	Position
	Titolare Person
	Office   Office
}

// MemberView is a member with its person.
type MemberView struct {
	Member
	Person Person
}

// ListFilter selects positions for operators' listings.
type ListFilter struct {
	OfficeCode string // empty: every office
	AfterID    int64  // keyset pagination
	Limit      int
}

// Store is the storage the registry needs. Get methods return an error with
// code errs.NotFound when nothing matches.
type Store interface {
	CreateOffice(ctx context.Context, o Office) error
	Office(ctx context.Context, code string) (Office, error)
	Offices(ctx context.Context) ([]Office, error)

	CreatePerson(ctx context.Context, p *Person) error
	Person(ctx context.Context, id int64) (Person, error)
	PersonByCF(ctx context.Context, cf string) (Person, error)

	CreatePosition(ctx context.Context, p *Position) error
	Position(ctx context.Context, id int64) (PositionView, error)
	PositionByNumber(ctx context.Context, number string) (PositionView, error)
	Positions(ctx context.Context, f ListFilter) ([]PositionView, error)
	PositionsOfTitolare(ctx context.Context, personID int64) ([]PositionView, error)
	PositionsOfMember(ctx context.Context, personID int64) ([]PositionView, error)

	AddMember(ctx context.Context, m *Member) error
	Members(ctx context.Context, positionID int64) ([]MemberView, error)

	// AddContact appends contact data from a trusted source (registration,
	// seed): its e-mail and mobile count as verified.
	AddContact(ctx context.Context, c *Contact) error
	// ChangeContact appends contact data changed by a user: an e-mail or
	// mobile that differs from the current one is stored unverified and an
	// event asks the notification worker to send it a one-time code, in
	// one transaction.
	ChangeContact(ctx context.Context, c *Contact) error
	// VerifyContact checks the code a user typed for the current e-mail
	// (ChannelEmail) or mobile (ChannelMobile) of a person and marks it
	// verified; a refused code is an errs validation error on the field
	// CodeField(channel), and a wrong one counts as an attempt.
	VerifyContact(ctx context.Context, personID int64, channel, code string) error
	// ResendCode asks the worker for a new code for the current unverified
	// e-mail or mobile of a person; errs.Invalid when there is none.
	ResendCode(ctx context.Context, personID int64, channel string) error
	CurrentContact(ctx context.Context, personID int64) (Contact, error)
	ContactHistory(ctx context.Context, personID int64) ([]Contact, error)
}
