package delegation

import (
	"bytes"
	"context"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/codicefiscale"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

// Position is what the lifecycle needs of the delegated position.
type Position struct {
	ID         int64
	Number     string
	TitolareID int64
}

// GrantInput is the titolare's form, as typed.
type GrantInput struct {
	CF      string // the intermediary's codice fiscale
	Scope   string // ScopeConsultation or ScopeFull
	ValidTo string // optional end date, 2006-01-02 or 02/01/2006
}

// PaperInput is the office's form for a delegation received on paper.
type PaperInput struct {
	GrantInput
	ValidFrom string // the date the delegation was signed from
	Note      string
	DocName   string // the uploaded file's name
	DocData   []byte // the uploaded file; nil when none was sent
}

// Grant invites the intermediary named by in.CF to act on pos. The actor
// must be the titolare (the caller's access check). Refused, with a
// message beside the field and nothing stored: a codice fiscale without an
// intermediary profile, the titolare himself, an intermediary who already
// holds an active or pending delegation on pos, an unknown scope, an end
// date that is not a date or is in the past.
func (s *Service) Grant(ctx context.Context, who Who, pos Position, in GrantInput) (Delegation, error) {
	var v errs.Validation
	day := s.today()
	inter, validTo, err := s.checkGrant(ctx, pos, in, day, &v)
	if err != nil {
		return Delegation{}, err
	}
	if err := v.Err(); err != nil {
		return Delegation{}, err
	}
	d := Delegation{PositionID: pos.ID, PositionNumber: pos.Number, TitolareID: pos.TitolareID, Intermediary: inter,
		Scope: in.Scope, Status: Pending, ValidFrom: day, ValidTo: validTo,
		InviteExpires: day.AddDays(s.inviteDays()), Origin: Portal, CreatedAt: s.Now()}
	c := s.change(d, Granted, Pending, who, "")
	c.From = "" // created
	d.CreatedByLabel = c.ActorLabel
	if err := s.Store.Create(ctx, &d, c); err != nil {
		return Delegation{}, dupAsField(err)
	}
	return d, nil
}

// RegisterPaper records a delegation received on paper on behalf of the
// titolare of pos: active at once, created by the office staff member who
// acts, with the scanned document (PDF or signed P7M, recognised by its
// content, at most MaxDocumentSize). Nothing is stored when any field is wrong.
func (s *Service) RegisterPaper(ctx context.Context, who Who, pos Position, in PaperInput) (Delegation, error) {
	var v errs.Validation
	d, err := s.checkPaper(ctx, pos, in, &v)
	if err != nil {
		return Delegation{}, err
	}
	if err := v.Err(); err != nil {
		return Delegation{}, err
	}
	if s.Blobs == nil {
		return Delegation{}, errs.E(errs.Unavailable, "error.unavailable")
	}
	if d.Document.SHA256, d.Document.Size, err = s.Blobs.Put(ctx, bytes.NewReader(in.DocData)); err != nil {
		return Delegation{}, err
	}
	c := s.change(d, Registered, Active, who, strings.TrimSpace(in.Note))
	c.From = "" // created
	d.CreatedByLabel = c.ActorLabel
	if err := s.Store.Create(ctx, &d, c); err != nil {
		return Delegation{}, dupAsField(err)
	}
	return d, nil
}

// CheckPaper validates a paper delegation without storing anything: the
// field problems as an errs.Invalid, nil when there are none. The office's
// form uses it to show every problem when the position itself is wrong.
func (s *Service) CheckPaper(ctx context.Context, pos Position, in PaperInput) error {
	var v errs.Validation
	if _, err := s.checkPaper(ctx, pos, in, &v); err != nil {
		return err
	}
	return v.Err()
}

func (s *Service) checkPaper(ctx context.Context, pos Position, in PaperInput, v *errs.Validation) (Delegation, error) {
	day := s.today()
	inter, validTo, err := s.checkGrant(ctx, pos, in.GrantInput, day, v)
	if err != nil {
		return Delegation{}, err
	}
	validFrom := checkStart(in.ValidFrom, day, v)
	if len(strings.TrimSpace(in.Note)) > maxNote {
		v.Add("note", MsgNoteTooLong)
	}
	doc := checkDocument(in, v)
	return Delegation{PositionID: pos.ID, PositionNumber: pos.Number, TitolareID: pos.TitolareID, Intermediary: inter,
		Scope: in.Scope, Status: Active, ValidFrom: validFrom, ValidTo: validTo, Origin: Paper,
		CreatedAt: s.Now(), Document: doc}, nil
}

// dupAsField turns the store's duplicate conflict (two requests at once)
// into the same field problem the check gives.
func dupAsField(err error) error {
	if errs.Is(err, errs.Conflict) && errs.MessageOf(err) == MsgDuplicate {
		var v errs.Validation
		v.Add("cf", MsgDuplicate)
		return v.Err()
	}
	return err
}

// checkGrant validates the fields common to both ways of granting; only
// storage failures are returned as errors, problems go to v.
func (s *Service) checkGrant(ctx context.Context, pos Position, in GrantInput, day civil.Date, v *errs.Validation) (Intermediary, civil.Date, error) {
	if !contains(Scopes, in.Scope) {
		v.Add("scope", MsgScope)
	}
	validTo, ok := ParseFormDate(in.ValidTo)
	switch {
	case !ok:
		v.Add("valid_to", MsgDate)
	case !validTo.IsZero() && validTo.Before(day):
		v.Add("valid_to", MsgEndPast)
	}
	inter, err := s.checkIntermediary(ctx, pos, codicefiscale.Normalize(in.CF), day, v)
	return inter, validTo, err
}

func (s *Service) checkIntermediary(ctx context.Context, pos Position, cf string, day civil.Date, v *errs.Validation) (Intermediary, error) {
	if cf == "" {
		v.Add("cf", MsgCFRequired)
		return Intermediary{}, nil
	}
	if err := codicefiscale.Validate(cf); err != nil {
		v.Add("cf", errs.MessageOf(err))
		return Intermediary{}, nil
	}
	inter, err := s.Store.IntermediaryByCF(ctx, cf)
	switch {
	case errs.Is(err, errs.NotFound):
		v.Add("cf", MsgNotIntermediary)
		return inter, nil
	case err != nil:
		return inter, err
	case inter.PersonID == pos.TitolareID:
		v.Add("cf", MsgSelf)
		return inter, nil
	}
	existing, err := s.Store.ForPosition(ctx, pos.ID)
	if err != nil {
		return inter, err
	}
	for _, d := range existing {
		if d.Intermediary.PersonID != inter.PersonID || !d.Status.Open() {
			continue
		}
		if _, err := s.settle(ctx, d, day); err != nil {
			return inter, err
		}
		if Effective(d, day) != Expired {
			v.Add("cf", MsgDuplicate)
		}
	}
	return inter, nil
}

// checkStart validates the start date of a paper delegation: given, not
// in the future (so the end date, never in the past, cannot precede it).
func checkStart(raw string, day civil.Date, v *errs.Validation) civil.Date {
	from, ok := ParseFormDate(raw)
	switch {
	case !ok:
		v.Add("valid_from", MsgDate)
	case from.IsZero():
		v.Add("valid_from", MsgStartRequired)
	case from.After(day):
		v.Add("valid_from", MsgStartFuture)
	}
	return from
}

func checkDocument(in PaperInput, v *errs.Validation) Document {
	doc := Document{Name: CleanFileName(in.DocName), Size: int64(len(in.DocData))}
	switch {
	case len(in.DocData) == 0:
		v.Add("document", MsgDocRequired)
	case len(in.DocData) > MaxDocumentSize:
		v.Add("document", MsgDocSize)
	default:
		if doc.Type = DocumentType(in.DocData); doc.Type == "" {
			v.Add("document", MsgDocType)
		}
	}
	return doc
}

// CleanFileName keeps the base name of an uploaded file, without control
// characters or quotes, at most 120 bytes.
func CleanFileName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '"' {
			return -1
		}
		return r
	}, name)
	if len(name) > 120 {
		name = strings.ToValidUTF8(name[:120], "")
	}
	return name
}

// ParseFormDate reads an optional date as ISO (what <input type="date">
// sends) or Italian dd/mm/yyyy; ok is false when s is not empty and not a
// date.
func ParseFormDate(s string) (civil.Date, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return civil.Date{}, true
	}
	if d, err := civil.Parse(s); err == nil {
		return d, true
	}
	if p := strings.Split(s, "/"); len(p) == 3 && len(p[2]) == 4 {
		if d, err := civil.Parse(p[2] + "-" + pad2(p[1]) + "-" + pad2(p[0])); err == nil {
			return d, true
		}
	}
	return civil.Date{}, false
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
