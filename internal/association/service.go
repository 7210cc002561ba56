package association

import (
	"context"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/codicefiscale"
	"github.com/cassetto-dev/cassetto/internal/delegation"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

// Service applies the association rules.
type Service struct {
	Store       Store
	Delegations *delegation.Service // the lifecycle: its store, blobs and checks
	Now         func() time.Time
}

// Of returns the association whose intermediary profile is personID;
// errs.NotFound with MsgNotAssociation when the person is not one.
func (s *Service) Of(ctx context.Context, personID int64) (Association, error) {
	a, err := s.Store.Association(ctx, personID)
	if errs.Is(err, errs.NotFound) {
		return a, errs.Wrap(errs.NotFound, MsgNotAssociation, err)
	}
	return a, err
}

// AddStaff adds the registered person with codice fiscale cf to the staff
// of assoc. Refused beside the field "cf": no codice fiscale, a malformed
// one, a person not registered, the association itself, a current member.
func (s *Service) AddStaff(ctx context.Context, assoc Association, cf string) error {
	var v errs.Validation
	cf = codicefiscale.Normalize(cf)
	switch {
	case cf == "":
		v.Add("cf", MsgCFRequired)
	case codicefiscale.Validate(cf) != nil:
		v.Add("cf", errs.MessageOf(codicefiscale.Validate(cf)))
	case cf == assoc.CodiceFiscale:
		v.Add("cf", MsgSelfStaff)
	}
	if err := v.Err(); err != nil {
		return err
	}
	id, _, err := s.Store.PersonByCF(ctx, cf)
	if errs.Is(err, errs.NotFound) {
		v.Add("cf", MsgPersonUnknown)
		return v.Err()
	}
	if err != nil {
		return err
	}
	err = s.Store.AddStaff(ctx, assoc.PersonID, id, assoc.PersonID, s.Now())
	if errs.Is(err, errs.Conflict) {
		v.Add("cf", MsgAlreadyStaff)
		return v.Err()
	}
	return err
}

// RemoveStaff ends the membership staffID and every assignment of it: the
// person loses access to the association's positions at once.
func (s *Service) RemoveStaff(ctx context.Context, assoc Association, staffID int64) error {
	return s.Store.RemoveStaff(ctx, assoc.PersonID, staffID, s.Now())
}

// Assign lets the staff member staffID act under the delegation
// delegationID of assoc, which must be active.
func (s *Service) Assign(ctx context.Context, assoc Association, delegationID, staffID int64) error {
	d, err := s.Delegations.Get(ctx, delegationID)
	if errs.Is(err, errs.NotFound) || err == nil && d.Intermediary.PersonID != assoc.PersonID {
		return errs.E(errs.NotFound, delegation.MsgNotFound)
	}
	if err != nil {
		return err
	}
	if !delegation.GrantsAccessOn(d, s.today()) {
		return errs.E(errs.Conflict, MsgNotActive)
	}
	err = s.Store.Assign(ctx, assoc.PersonID, delegationID, staffID, s.Now())
	if errs.Is(err, errs.Conflict) {
		return errs.Wrap(errs.Conflict, MsgAlreadyAssigned, err)
	}
	return err
}

// Unassign ends the assignment id: its staff member loses access at once.
func (s *Service) Unassign(ctx context.Context, assoc Association, id int64) error {
	return s.Store.Unassign(ctx, assoc.PersonID, id, s.Now())
}

// DelegationsOf lists the delegations of assoc, newest first, with any due
// expiry recorded.
func (s *Service) DelegationsOf(ctx context.Context, assoc Association) ([]delegation.Delegation, error) {
	return s.Delegations.ForIntermediary(ctx, assoc.PersonID)
}

func (s *Service) today() civil.Date { return civil.Of(s.Now()) }
