package delegation

import (
	"context"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

// Accept makes a pending invitation active from today. Only its
// intermediary may accept it; an expired invitation is refused (and its
// expiry recorded).
func (s *Service) Accept(ctx context.Context, who Who, id int64) error {
	return s.transition(ctx, who, id, Accepted, "", asIntermediary)
}

// Reject refuses a pending invitation, with an optional reason.
func (s *Service) Reject(ctx context.Context, who Who, id int64, note string) error {
	return s.transition(ctx, who, id, RejectedV, note, asIntermediary)
}

// Renounce ends an active delegation on the intermediary's side.
func (s *Service) Renounce(ctx context.Context, who Who, id int64, note string) error {
	return s.transition(ctx, who, id, RenouncedV, note, asIntermediary)
}

// Revoke ends an active delegation, or withdraws an invitation, on the
// titolare's side. positionID is the position of the page the request
// came from: a delegation of another position is not found.
func (s *Service) Revoke(ctx context.Context, who Who, positionID, id int64, note string) error {
	return s.transition(ctx, who, id, RevokedV, note, func(a access.Actor, d Delegation) bool {
		return d.PositionID == positionID && asTitolare(a, d)
	})
}

func asIntermediary(a access.Actor, d Delegation) bool {
	return a.Kind == access.Citizen && a.PersonID != 0 && a.PersonID == d.Intermediary.PersonID
}

func asTitolare(a access.Actor, d Delegation) bool {
	return a.Kind == access.Citizen && a.PersonID != 0 && a.PersonID == d.TitolareID
}

// transition applies v to delegation id if who is on the side allowed.
// Someone else's delegation is errs.NotFound, never Forbidden.
func (s *Service) transition(ctx context.Context, who Who, id int64, v Verb, note string,
	allowed func(access.Actor, Delegation) bool) error {
	note = strings.TrimSpace(note)
	if len(note) > maxNote {
		var val errs.Validation
		val.Add("note", MsgNoteTooLong)
		return val.Err()
	}
	d, err := s.Store.Get(ctx, id)
	if errs.Is(err, errs.NotFound) || err == nil && !allowed(who.Actor, d) {
		return errs.E(errs.NotFound, MsgNotFound)
	}
	if err != nil {
		return err
	}
	day := s.today()
	to, err := Next(d, v, day)
	if err != nil {
		if _, serr := s.settle(ctx, d, day); serr != nil {
			return serr
		}
		return err
	}
	c := s.change(d, v, to, who, note)
	if v == Accepted {
		c.ValidFrom = day
	}
	return s.Store.Apply(ctx, d, c)
}
