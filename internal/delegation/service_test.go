package delegation_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/blob"
	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/codicefiscale"
	"github.com/cassetto-dev/cassetto/internal/delegation"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

var (
	interCF    = codicefiscale.Compute("Romano", "Francesca", "F", civil.MustParse("1970-11-08"), "F205")
	titolareCF = codicefiscale.Compute("Bianchi", "Marco", "M", civil.MustParse("1975-03-02"), "F205")
	otherCF    = codicefiscale.Compute("Verdi", "Luca", "M", civil.MustParse("1981-05-12"), "H501")
)

// fixture is a service over a fake store on 23/11/2026, with one
// intermediary (person 2) and a titolare (person 1, who also has an
// intermediary profile, to test delegating oneself) of position 10.
type fixture struct {
	svc   *delegation.Service
	store *fakeStore
	blobs *blob.Memory
	now   time.Time
	pos   delegation.Position
}

func newFixture() *fixture {
	f := &fixture{now: time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC), blobs: blob.NewMemory(),
		pos: delegation.Position{ID: 10, Number: "10000001", TitolareID: 1}}
	f.store = newFake(
		delegation.Intermediary{PersonID: 2, CodiceFiscale: interCF, Name: "Francesca Romano", Kind: "commercialista"},
		delegation.Intermediary{PersonID: 1, CodiceFiscale: titolareCF, Name: "Marco Bianchi", Kind: "caf"})
	f.svc = &delegation.Service{Store: f.store, Blobs: f.blobs, Now: func() time.Time { return f.now }, InviteDays: 30}
	return f
}

var (
	titolare     = delegation.Who{Actor: access.Actor{Kind: access.Citizen, PersonID: 1, Profile: access.Self, Label: "Marco Bianchi"}}
	intermediary = delegation.Who{Actor: access.Actor{Kind: access.Citizen, PersonID: 2, Profile: access.Intermediary, Label: "Francesca Romano"}}
	stranger     = delegation.Who{Actor: access.Actor{Kind: access.Citizen, PersonID: 3, Profile: access.Intermediary, Label: "Luca Verdi"}}
	operator     = delegation.Who{Actor: access.Actor{Kind: access.Staff, StaffID: 7, Role: access.RoleOperator, OfficeCode: "1300", Label: "op"}}
)

func (f *fixture) grant(t *testing.T) delegation.Delegation {
	t.Helper()
	d, err := f.svc.Grant(context.Background(), titolare, f.pos, delegation.GrantInput{CF: strings.ToLower(interCF), Scope: delegation.ScopeFull})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func fieldProblem(t *testing.T, err error, field, msg string) {
	t.Helper()
	for _, fe := range errs.Fields(err) {
		if fe.Field == field && fe.Message == msg {
			return
		}
	}
	t.Errorf("want %s on %s, got %v", msg, field, err)
}

func TestGrantCreatesAPendingInvitationThatExpiresAfterTheConfiguredDays(t *testing.T) {
	f := newFixture()
	d := f.grant(t)
	if d.Status != delegation.Pending || d.InviteExpires != civil.MustParse("2026-12-23") || d.Origin != delegation.Portal {
		t.Fatalf("granted %+v", d)
	}
	c := f.store.changes[0]
	if c.From != "" || c.To != delegation.Pending || c.Verb != delegation.Granted || c.ActingAs != "self" || c.ActorID != 1 {
		t.Fatalf("first change %+v", c)
	}
}

func TestGrantRefusals(t *testing.T) {
	ctx := context.Background()
	past := "2026-11-22"
	cases := []struct {
		name  string
		in    delegation.GrantInput
		field string
		msg   string
	}{
		{"no codice fiscale", delegation.GrantInput{Scope: "full"}, "cf", delegation.MsgCFRequired},
		{"malformed codice fiscale", delegation.GrantInput{CF: "ABC", Scope: "full"}, "cf", codicefiscale.MsgLength},
		{"no intermediary profile", delegation.GrantInput{CF: otherCF, Scope: "full"}, "cf", delegation.MsgNotIntermediary},
		{"oneself", delegation.GrantInput{CF: titolareCF, Scope: "full"}, "cf", delegation.MsgSelf},
		{"unknown scope", delegation.GrantInput{CF: interCF, Scope: "everything"}, "scope", delegation.MsgScope},
		{"end date in the past", delegation.GrantInput{CF: interCF, Scope: "full", ValidTo: past}, "valid_to", delegation.MsgEndPast},
		{"end date not a date", delegation.GrantInput{CF: interCF, Scope: "full", ValidTo: "31/02/2027"}, "valid_to", delegation.MsgDate},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture()
			_, err := f.svc.Grant(ctx, titolare, f.pos, c.in)
			if !errs.Is(err, errs.Invalid) {
				t.Fatalf("got %v, want invalid", err)
			}
			fieldProblem(t, err, c.field, c.msg)
			if len(f.store.ds) != 0 {
				t.Fatal("something was stored")
			}
		})
	}
}

func TestGrantAcceptsAnItalianEndDate(t *testing.T) {
	f := newFixture()
	d, err := f.svc.Grant(context.Background(), titolare, f.pos, delegation.GrantInput{CF: interCF, Scope: "consultation", ValidTo: "31/12/2027"})
	if err != nil || d.ValidTo != civil.MustParse("2027-12-31") {
		t.Fatalf("%+v, %v", d.ValidTo, err)
	}
}

func TestASecondOpenDelegationToTheSameIntermediaryIsRefused(t *testing.T) {
	ctx := context.Background()
	f := newFixture()
	d := f.grant(t)
	_, err := f.svc.Grant(ctx, titolare, f.pos, delegation.GrantInput{CF: interCF, Scope: "consultation"})
	fieldProblem(t, err, "cf", delegation.MsgDuplicate)
	if err := f.svc.Accept(ctx, intermediary, d.ID); err != nil {
		t.Fatal(err)
	}
	_, err = f.svc.Grant(ctx, titolare, f.pos, delegation.GrantInput{CF: interCF, Scope: "consultation"})
	fieldProblem(t, err, "cf", delegation.MsgDuplicate)
}

func TestAnExpiredInvitationIsRecordedAndNoLongerBlocksANewOne(t *testing.T) {
	ctx := context.Background()
	f := newFixture()
	d := f.grant(t)
	f.now = f.now.AddDate(0, 0, 31)
	if _, err := f.svc.Grant(ctx, titolare, f.pos, delegation.GrantInput{CF: interCF, Scope: "full"}); err != nil {
		t.Fatalf("new invitation after expiry: %v", err)
	}
	old, _ := f.store.Get(ctx, d.ID)
	if old.Status != delegation.Expired || old.History[len(old.History)-1].ActorKind != "system" {
		t.Fatalf("expiry not recorded: %+v", old)
	}
}

func TestAcceptingAnExpiredInvitationIsRefusedAndTheExpiryRecorded(t *testing.T) {
	ctx := context.Background()
	f := newFixture()
	d := f.grant(t)
	f.now = f.now.AddDate(0, 0, 31)
	err := f.svc.Accept(ctx, intermediary, d.ID)
	if !errs.Is(err, errs.Conflict) || errs.MessageOf(err) != delegation.MsgInviteExpired {
		t.Fatalf("got %v", err)
	}
	if got, _ := f.store.Get(ctx, d.ID); got.Status != delegation.Expired {
		t.Fatalf("status %s", got.Status)
	}
	if last := f.store.changes[len(f.store.changes)-1]; last.Verb != delegation.ExpiredV {
		t.Fatalf("last change %+v", last)
	}
}

func TestTheIntermediaryAcceptsThenRenounces(t *testing.T) {
	ctx := context.Background()
	f := newFixture()
	d := f.grant(t)
	f.now = f.now.AddDate(0, 0, 2)
	if err := f.svc.Accept(ctx, intermediary, d.ID); err != nil {
		t.Fatal(err)
	}
	got, _ := f.store.Get(ctx, d.ID)
	if got.Status != delegation.Active || got.ValidFrom != civil.MustParse("2026-11-25") {
		t.Fatalf("after accept: %s from %s", got.Status, got.ValidFrom)
	}
	if err := f.svc.Renounce(ctx, intermediary, d.ID, " cessato incarico "); err != nil {
		t.Fatal(err)
	}
	got, _ = f.store.Get(ctx, d.ID)
	if got.Status != delegation.Renounced || got.EndReason != "cessato incarico" || got.EndedAt.IsZero() {
		t.Fatalf("after renounce: %+v", got)
	}
	last := got.History[len(got.History)-1]
	if last.From != delegation.Active || last.To != delegation.Renounced || last.ActingAs != "intermediary" {
		t.Fatalf("history %+v", last)
	}
}

func TestTheIntermediaryRejects(t *testing.T) {
	ctx := context.Background()
	f := newFixture()
	d := f.grant(t)
	if err := f.svc.Reject(ctx, intermediary, d.ID, "non è mio cliente"); err != nil {
		t.Fatal(err)
	}
	if got, _ := f.store.Get(ctx, d.ID); got.Status != delegation.Rejected || got.EndReason != "non è mio cliente" {
		t.Fatalf("%+v", got)
	}
	if err := f.svc.Accept(ctx, intermediary, d.ID); errs.MessageOf(err) != delegation.MsgNotPending {
		t.Fatalf("accept after reject: %v", err)
	}
}

func TestTheTitolareRevokesOrWithdraws(t *testing.T) {
	ctx := context.Background()
	f := newFixture()
	d := f.grant(t)
	if err := f.svc.Revoke(ctx, titolare, f.pos.ID, d.ID, ""); err != nil {
		t.Fatalf("withdraw: %v", err)
	}
	d2 := f.grant(t)
	if err := f.svc.Accept(ctx, intermediary, d2.ID); err != nil {
		t.Fatal(err)
	}
	if err := f.svc.Revoke(ctx, titolare, f.pos.ID, d2.ID, "cambio consulente"); err != nil {
		t.Fatal(err)
	}
	if got, _ := f.store.Get(ctx, d2.ID); got.Status != delegation.Revoked || got.EndReason != "cambio consulente" {
		t.Fatalf("%+v", got)
	}
	if err := f.svc.Revoke(ctx, titolare, f.pos.ID, d2.ID, ""); errs.MessageOf(err) != delegation.MsgNotActive {
		t.Fatalf("second revoke: %v", err)
	}
}

func TestOnlyTheRightSideMayActAndOthersSeeNothing(t *testing.T) {
	ctx := context.Background()
	f := newFixture()
	d := f.grant(t)
	checks := map[string]error{
		"titolare accepts":       f.svc.Accept(ctx, titolare, d.ID),
		"stranger accepts":       f.svc.Accept(ctx, stranger, d.ID),
		"stranger rejects":       f.svc.Reject(ctx, stranger, d.ID, ""),
		"intermediary revokes":   f.svc.Revoke(ctx, intermediary, f.pos.ID, d.ID, ""),
		"revoke on another page": f.svc.Revoke(ctx, titolare, 99, d.ID, ""),
		"operator accepts":       f.svc.Accept(ctx, operator, d.ID),
		"unknown delegation":     f.svc.Accept(ctx, intermediary, 999),
	}
	for name, err := range checks {
		if !errs.Is(err, errs.NotFound) {
			t.Errorf("%s: %v, want not found", name, err)
		}
	}
	if got, _ := f.store.Get(ctx, d.ID); got.Status != delegation.Pending || len(f.store.changes) != 1 {
		t.Fatalf("something changed: %+v", got)
	}
}

func TestAReasonLongerThan500BytesIsRefused(t *testing.T) {
	f := newFixture()
	d := f.grant(t)
	err := f.svc.Reject(context.Background(), intermediary, d.ID, strings.Repeat("x", 501))
	fieldProblem(t, err, "note", delegation.MsgNoteTooLong)
}

func TestListsRecordExpiryOnRead(t *testing.T) {
	ctx := context.Background()
	f := newFixture()
	d, err := f.svc.Grant(ctx, titolare, f.pos, delegation.GrantInput{CF: interCF, Scope: "full", ValidTo: "2026-12-31"})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.svc.Accept(ctx, intermediary, d.ID); err != nil {
		t.Fatal(err)
	}
	f.now = time.Date(2027, 1, 1, 9, 0, 0, 0, time.UTC)
	list, err := f.svc.ForIntermediary(ctx, 2)
	if err != nil || len(list) != 1 || list[0].Status != delegation.Expired {
		t.Fatalf("%+v, %v", list, err)
	}
	if got, _ := f.store.Get(ctx, d.ID); got.Status != delegation.Expired {
		t.Fatalf("not recorded: %s", got.Status)
	}
}

func pdf() []byte { return []byte("%PDF-1.4\n1 0 obj\n") }

func paper(cf string) delegation.PaperInput {
	return delegation.PaperInput{GrantInput: delegation.GrantInput{CF: cf, Scope: "full"}, ValidFrom: "2026-11-20",
		DocName: `C:\scan\delega "Bianchi".pdf`, DocData: pdf()}
}

func TestPaperDelegationIsActiveAtOnceWithItsDocument(t *testing.T) {
	f := newFixture()
	d, err := f.svc.RegisterPaper(context.Background(), operator, f.pos, paper(interCF))
	if err != nil {
		t.Fatal(err)
	}
	if d.Status != delegation.Active || d.Origin != delegation.Paper || d.ValidFrom != civil.MustParse("2026-11-20") {
		t.Fatalf("%+v", d)
	}
	if d.Document.Type != "pdf" || d.Document.Name != "delega Bianchi.pdf" || f.blobs.Len() != 1 {
		t.Fatalf("document %+v", d.Document)
	}
	c := f.store.changes[0]
	if c.ActorKind != "staff" || c.ActorID != 7 || c.ActingAs != "operator" || c.Verb != delegation.Registered {
		t.Fatalf("change %+v", c)
	}
	if !delegation.GrantsAccessOn(d, civil.Of(f.now)) {
		t.Fatal("a paper delegation gives no access")
	}
}

func TestPaperRefusalsStoreNothing(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(*delegation.PaperInput)
		field string
		msg   string
	}{
		{"no document", func(p *delegation.PaperInput) { p.DocData = nil }, "document", delegation.MsgDocRequired},
		{"not a pdf", func(p *delegation.PaperInput) { p.DocData = []byte("<html>") }, "document", delegation.MsgDocType},
		{"too large", func(p *delegation.PaperInput) {
			p.DocData = append(pdf(), make([]byte, delegation.MaxDocumentSize)...)
		}, "document", delegation.MsgDocSize},
		{"no start", func(p *delegation.PaperInput) { p.ValidFrom = "" }, "valid_from", delegation.MsgStartRequired},
		{"future start", func(p *delegation.PaperInput) { p.ValidFrom = "2026-12-01" }, "valid_from", delegation.MsgStartFuture},
		{"start before end is fine", func(p *delegation.PaperInput) { p.ValidFrom, p.ValidTo = "2026-11-01", "2026-11-25" }, "", ""},
		{"no profile", func(p *delegation.PaperInput) { p.CF = otherCF }, "cf", delegation.MsgNotIntermediary},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture()
			in := paper(interCF)
			c.edit(&in)
			_, err := f.svc.RegisterPaper(context.Background(), operator, f.pos, in)
			if c.field == "" {
				if err != nil {
					t.Fatalf("a valid form was refused: %v", err)
				}
				return
			}
			fieldProblem(t, err, c.field, c.msg)
			if len(f.store.ds) != 0 || f.blobs.Len() != 0 {
				t.Fatal("something was stored")
			}
		})
	}
}

func TestPaperEndInThePastIsRefused(t *testing.T) {
	f := newFixture()
	in := paper(interCF)
	in.ValidFrom, in.ValidTo = "2026-11-20", "2026-11-10"
	_, err := f.svc.RegisterPaper(context.Background(), operator, f.pos, in)
	fieldProblem(t, err, "valid_to", delegation.MsgEndPast)
}
