package delegation

import (
	"context"
	"io"
	"time"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

// Store is the storage the Service needs (store.Delegations).
type Store interface {
	// IntermediaryByCF returns the intermediary profile of the person with
	// codice fiscale cf; errs.NotFound when there is none.
	IntermediaryByCF(ctx context.Context, cf string) (Intermediary, error)
	// Get returns the delegation id with its history; errs.NotFound.
	Get(ctx context.Context, id int64) (Delegation, error)
	// ForPosition returns the delegations on a position, newest first, with history.
	ForPosition(ctx context.Context, positionID int64) ([]Delegation, error)
	// ForIntermediary returns the delegations given to a person, newest first, with history.
	ForIntermediary(ctx context.Context, personID int64) ([]Delegation, error)
	// Create inserts d, sets its ID and records its first change c (history,
	// audit, event) in one transaction; errs.Conflict with MsgDuplicate when
	// an open delegation to the same intermediary on the position exists.
	Create(ctx context.Context, d *Delegation, c Change) error
	// Apply records c on d — the new status, its history row, audit entry
	// and event — in one transaction, only if d is still in c.From;
	// errs.Conflict with MsgChanged otherwise.
	Apply(ctx context.Context, d Delegation, c Change) error
}

// Blobs keeps uploaded documents (blob.Store).
type Blobs interface {
	// Put stores the content of r and returns its SHA-256 (hex) and size.
	Put(ctx context.Context, r io.Reader) (sum string, size int64, err error)
}

// DefaultInviteDays is how long an invitation waits for the intermediary
// when the configuration says nothing (CASSETTO_DELEGATION_INVITE_DAYS).
const DefaultInviteDays = 30

// maxNote is the longest reason accepted, in bytes.
const maxNote = 500

// Service applies the lifecycle rules.
type Service struct {
	Store      Store
	Blobs      Blobs // nil: paper delegations cannot be registered
	Now        func() time.Time
	InviteDays int // 0: DefaultInviteDays
}

// Who is the actor of a change and where the request came from.
type Who struct {
	Actor access.Actor
	IP    string
}

func (s *Service) today() civil.Date { return civil.Of(s.Now()) }

// InviteDaysOrDefault is how many days an invitation waits for the intermediary.
func (s *Service) InviteDaysOrDefault() int { return s.inviteDays() }

func (s *Service) inviteDays() int {
	if s.InviteDays > 0 {
		return s.InviteDays
	}
	return DefaultInviteDays
}

// change builds the change v by who, moving d to `to`.
func (s *Service) change(d Delegation, v Verb, to Status, who Who, note string) Change {
	c := Change{DelegationID: d.ID, At: s.Now(), From: d.Status, To: to, Verb: v, Note: note, IP: who.IP}
	a := who.Actor
	c.ActorKind, c.ActorLabel = string(a.Kind), a.Label
	switch a.Kind {
	case access.Staff:
		c.ActorID, c.ActingAs = a.StaffID, a.Role
	case access.Citizen:
		c.ActorID, c.ActingAs = a.PersonID, string(access.Self)
		if a.PersonID == d.Intermediary.PersonID {
			c.ActingAs = string(access.Intermediary)
		}
	default:
		c.ActorKind, c.ActorLabel, c.ActingAs = "system", "Cassetto", "system"
	}
	return c
}

// settle records the expiry of d if it is due and returns d as it now is.
func (s *Service) settle(ctx context.Context, d Delegation, day civil.Date) (Delegation, error) {
	if Effective(d, day) != Expired || !d.Status.Open() {
		return d, nil
	}
	c := s.change(d, ExpiredV, Expired, Who{}, "")
	if err := s.Store.Apply(ctx, d, c); err != nil && !errs.Is(err, errs.Conflict) {
		return d, err
	}
	d.Status, d.EndedAt = Expired, c.At
	d.History = append(d.History, c)
	return d, nil
}

func (s *Service) settleAll(ctx context.Context, list []Delegation) ([]Delegation, error) {
	day := s.today()
	for i := range list {
		var err error
		if list[i], err = s.settle(ctx, list[i], day); err != nil {
			return nil, err
		}
	}
	return list, nil
}

// ForPosition returns the delegations on a position, newest first, with
// any due expiry recorded.
func (s *Service) ForPosition(ctx context.Context, positionID int64) ([]Delegation, error) {
	list, err := s.Store.ForPosition(ctx, positionID)
	if err != nil {
		return nil, err
	}
	return s.settleAll(ctx, list)
}

// ForIntermediary returns the invitations and delegations given to a
// person, newest first, with any due expiry recorded.
func (s *Service) ForIntermediary(ctx context.Context, personID int64) ([]Delegation, error) {
	list, err := s.Store.ForIntermediary(ctx, personID)
	if err != nil {
		return nil, err
	}
	return s.settleAll(ctx, list)
}

// Get returns a delegation with any due expiry recorded.
func (s *Service) Get(ctx context.Context, id int64) (Delegation, error) {
	d, err := s.Store.Get(ctx, id)
	if err != nil {
		return d, err
	}
	return s.settle(ctx, d, s.today())
}
