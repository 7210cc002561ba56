package association

import (
	"bytes"
	"context"
	"regexp"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/codicefiscale"
	"github.com/cassetto-dev/cassetto/internal/delegation"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

// RegisterInput is the association's form, as typed.
type RegisterInput struct {
	Position   string // the member's position number
	TitolareCF string // the titolare's codice fiscale: must be the position's
	Scope      string
	ValidTo    string // optional end date
	DocName    string // the signed mandate's file name
	DocData    []byte // the signed mandate: PDF or P7M, at most delegation.MaxDocumentSize
}

var positionNumberRe = regexp.MustCompile(`^[0-9]{8}$`)

// Register records a delegation of assoc on a member's position, active at
// once from today, with the signed mandate in the blob store. who must be
// the association itself. Nothing is stored when a field is wrong: an
// unknown position, a codice fiscale that is not its titolare's, a scope,
// end date or document the lifecycle refuses, an open delegation of the
// association on the position already.
func (s *Service) Register(ctx context.Context, who delegation.Who, assoc Association, in RegisterInput) (delegation.Delegation, error) {
	pos, err := s.Check(ctx, assoc, in)
	if err != nil {
		return delegation.Delegation{}, err
	}
	if s.Delegations.Blobs == nil {
		return delegation.Delegation{}, errs.E(errs.Unavailable, "error.unavailable")
	}
	now := s.Now()
	d := delegation.Delegation{PositionID: pos.ID, PositionNumber: pos.Number, TitolareID: pos.TitolareID,
		Intermediary: assoc, Scope: in.Scope, Status: delegation.Active, ValidFrom: s.today(), Origin: Origin, CreatedAt: now,
		Document: delegation.Document{Name: delegation.CleanFileName(in.DocName), Type: delegation.DocumentType(in.DocData)}}
	d.ValidTo, _ = delegation.ParseFormDate(in.ValidTo)
	if d.Document.SHA256, d.Document.Size, err = s.Delegations.Blobs.Put(ctx, bytes.NewReader(in.DocData)); err != nil {
		return delegation.Delegation{}, err
	}
	c := delegation.Change{At: now, To: delegation.Active, Verb: delegation.Registered, ActorKind: string(who.Actor.Kind),
		ActorID: who.Actor.PersonID, ActorLabel: who.Actor.Label, ActingAs: string(access.Intermediary), IP: who.IP}
	d.CreatedByLabel = c.ActorLabel
	if err := s.Delegations.Store.Create(ctx, &d, c); err != nil {
		if errs.Is(err, errs.Conflict) {
			var v errs.Validation
			v.Add("position", delegation.MsgDuplicate)
			return delegation.Delegation{}, v.Err()
		}
		return delegation.Delegation{}, err
	}
	return d, nil
}

// Check validates the form without storing anything and returns the
// position; the problems come as an errs.Invalid.
func (s *Service) Check(ctx context.Context, assoc Association, in RegisterInput) (Position, error) {
	var v errs.Validation
	pos, err := s.checkPosition(ctx, in, &v)
	if err != nil {
		return pos, err
	}
	err = s.Delegations.CheckPaper(ctx, delegation.Position{ID: pos.ID, Number: pos.Number, TitolareID: pos.TitolareID},
		delegation.PaperInput{GrantInput: delegation.GrantInput{CF: assoc.CodiceFiscale, Scope: in.Scope, ValidTo: in.ValidTo},
			ValidFrom: s.today().String(), DocName: in.DocName, DocData: in.DocData})
	if err != nil && !errs.Is(err, errs.Invalid) {
		return pos, err
	}
	for _, f := range errs.Fields(err) {
		field := f.Field
		if field == "cf" { // the association itself: a duplicate, or the titolare is the association
			field = "position"
		}
		if !v.Has(field) {
			v.Add(field, f.Message)
		}
	}
	return pos, v.Err()
}

func (s *Service) checkPosition(ctx context.Context, in RegisterInput, v *errs.Validation) (Position, error) {
	cf := codicefiscale.Normalize(in.TitolareCF)
	if cf == "" {
		v.Add("titolare_cf", MsgCFRequired)
	}
	if !positionNumberRe.MatchString(in.Position) {
		v.Add("position", MsgPositionUnknown)
		return Position{}, nil
	}
	if cf == "" {
		return Position{}, nil
	}
	pos, err := s.Store.PositionByNumber(ctx, in.Position)
	if errs.Is(err, errs.NotFound) {
		v.Add("position", MsgPositionUnknown)
		return Position{}, nil
	}
	if err != nil {
		return pos, err
	}
	if cf != "" && cf != pos.TitolareCF {
		v.Add("position", MsgPositionUnknown) // the same answer: a number alone reveals nothing
		return Position{}, nil
	}
	return pos, nil
}
