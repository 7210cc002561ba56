package association

import (
	"context"
	"time"

	"github.com/cassetto-dev/cassetto/internal/audit"
	"github.com/cassetto-dev/cassetto/internal/delegation"
)

// Kind is the intermediary kind of an association (delegation.Kinds).
const Kind = "associazione"

// Origin is the origin of the delegations an association registers.
const Origin delegation.Origin = "association"

// Association is the intermediary profile of an association.
type Association = delegation.Intermediary

// Member is one membership of a person in an association's staff.
type Member struct {
	ID            int64
	PersonID      int64
	CodiceFiscale string
	Name          string
	AddedAt       time.Time
	AddedBy       string
}

// Assignment is a current assignment of a delegation to a staff member.
type Assignment struct {
	ID           int64
	DelegationID int64
	StaffID      int64
	PersonName   string
	AssignedAt   time.Time
}

// Position is what a registration needs of the member's position.
type Position struct {
	ID         int64
	Number     string
	TitolareID int64
	TitolareCF string
}

// Store is the storage the Service needs (store.Associations). Methods
// return errs.NotFound when what they name does not exist.
type Store interface {
	// Association returns the intermediary profile of personID when its
	// kind is Kind; errs.NotFound otherwise.
	Association(ctx context.Context, personID int64) (Association, error)
	// PersonByCF returns the id and name of the registered person with
	// codice fiscale cf; errs.NotFound.
	PersonByCF(ctx context.Context, cf string) (id int64, name string, err error)
	// PositionByNumber returns the position with its titolare's codice fiscale; errs.NotFound.
	PositionByNumber(ctx context.Context, number string) (Position, error)
	// Staff lists the current staff of an association, by name.
	Staff(ctx context.Context, assocID int64) ([]Member, error)
	// AddStaff makes personID a staff member; errs.Conflict when he already is.
	AddStaff(ctx context.Context, assocID, personID, by int64, at time.Time) error
	// RemoveStaff ends the membership staffID and its assignments; errs.NotFound
	// when it is not a current membership of assocID.
	RemoveStaff(ctx context.Context, assocID, staffID int64, at time.Time) error
	// Assignments lists the current assignments of the association's delegations.
	Assignments(ctx context.Context, assocID int64) ([]Assignment, error)
	// Assign assigns delegationID (of assocID) to the current membership
	// staffID; errs.NotFound when either is not the association's,
	// errs.Conflict when the assignment exists.
	Assign(ctx context.Context, assocID, delegationID, staffID int64, at time.Time) error
	// Unassign ends the assignment id of one of assocID's delegations; errs.NotFound.
	Unassign(ctx context.Context, assocID, id int64, at time.Time) error
	// Activity returns the access-log entries written by the association's
	// staff on positions of its delegations while they were staff, newest
	// first, with id below beforeID (0: from the newest), at most limit.
	Activity(ctx context.Context, assocID, beforeID int64, limit int) ([]audit.Entry, error)
}
