package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/blob"
	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/codicefiscale"
	"github.com/cassetto-dev/cassetto/internal/delegation"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

// delegationWorld is a titolare with a position and a commercialista, on
// a real database.
type delegationWorld struct {
	db        *store.DB
	reg       *store.Registry
	svc       *delegation.Service
	now       time.Time
	pos       registry.Position
	tit, comm registry.Person
}

func newDelegationWorld(t *testing.T) *delegationWorld {
	t.Helper()
	ctx := context.Background()
	w := &delegationWorld{db: storetest.New(t), now: fixedClock()}
	clock := func() time.Time { return w.now }
	w.reg = store.NewRegistry(w.db, clock)
	w.svc = &delegation.Service{Store: store.NewDelegations(w.db), Blobs: blob.NewMemory(), Now: clock, InviteDays: 30}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(w.reg.CreateOffice(ctx, registry.Office{Code: "1300", Name: "Milano"}))
	mk := func(family, given, sex, born string) registry.Person {
		p := registry.Person{GivenName: given, FamilyName: family, Sex: sex, BirthDate: civil.MustParse(born), BirthplaceCode: "F205"}
		p.CodiceFiscale = codicefiscale.Compute(family, given, sex, p.BirthDate, "F205")
		must(w.reg.CreatePerson(ctx, &p))
		return p
	}
	w.tit, w.comm = mk("Bianchi", "Marco", "M", "1975-03-02"), mk("Romano", "Francesca", "F", "1970-11-08")
	_, err := w.db.W().Exec(ctx, `INSERT INTO intermediaries (person_id, kind, registration_number, firm) VALUES (?, ?, ?, ?)`,
		w.comm.ID, "commercialista", "ODCEC Milano n. 4821/A", "Studio Romano")
	must(err)
	w.pos = registry.Position{Number: "10000001", Gestione: registry.Artigiani, TitolareID: w.tit.ID, OfficeCode: "1300",
		ActivityStart: civil.MustParse("2010-01-01"), Status: registry.StatusActive, Reduction: registry.ReductionNone}
	must(w.reg.CreatePosition(ctx, &w.pos))
	return w
}

func (w *delegationWorld) titolare() delegation.Who {
	return delegation.Who{Actor: access.Actor{Kind: access.Citizen, PersonID: w.tit.ID, Profile: access.Self, Label: "Marco Bianchi"}, IP: "192.0.2.1"}
}

func (w *delegationWorld) intermediary() delegation.Who {
	return delegation.Who{Actor: access.Actor{Kind: access.Citizen, PersonID: w.comm.ID, Profile: access.Intermediary, Label: "Francesca Romano"}}
}

func (w *delegationWorld) position() delegation.Position {
	return delegation.Position{ID: w.pos.ID, Number: w.pos.Number, TitolareID: w.tit.ID}
}

func (w *delegationWorld) count(t *testing.T, query string, args ...any) int {
	t.Helper()
	var n int
	if err := w.db.R().QueryRow(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func (w *delegationWorld) facts(t *testing.T) access.Facts {
	t.Helper()
	a := access.Actor{Kind: access.Citizen, PersonID: w.comm.ID, Profile: access.Intermediary}
	given := access.Facts{PositionID: w.pos.ID, TitolareID: w.tit.ID, OfficeCode: "1300"}
	f, err := store.AccessFacts(context.Background(), w.db, a, given)
	if err != nil {
		t.Fatal(err)
	}
	if rf := relationFacts(t, w.db, a, w.pos.Number, given); !sameFacts(rf, f) {
		t.Fatalf("facts read with the session %+v, by AccessFacts %+v", rf, f)
	}
	return f
}

func (w *delegationWorld) mayView(t *testing.T) bool {
	a := access.Actor{Kind: access.Citizen, PersonID: w.comm.ID, Profile: access.Intermediary}
	return access.Allow(a, access.ViewPosition, w.facts(t), civil.Of(w.now))
}

func TestDelegationLifecycleOnTheDatabase(t *testing.T) {
	ctx := context.Background()
	w := newDelegationWorld(t)
	d, err := w.svc.Grant(ctx, w.titolare(), w.position(), delegation.GrantInput{CF: w.comm.CodiceFiscale, Scope: "full", ValidTo: "2027-12-31"})
	if err != nil {
		t.Fatal(err)
	}
	if w.mayView(t) {
		t.Fatal("a pending invitation gives access")
	}
	if err := w.svc.Accept(ctx, w.intermediary(), d.ID); err != nil {
		t.Fatal(err)
	}
	if !w.mayView(t) {
		t.Fatal("an accepted delegation gives no access")
	}
	list, err := w.reg.DelegatedPositions(ctx, w.comm.ID, civil.Of(w.now))
	if err != nil || len(list) != 1 {
		t.Fatalf("delegated positions %v, %v", list, err)
	}
	if err := w.svc.Revoke(ctx, w.titolare(), w.pos.ID, d.ID, "cambio consulente"); err != nil {
		t.Fatal(err)
	}
	if w.mayView(t) {
		t.Fatal("a revoked delegation gives access")
	}
	got, err := w.svc.Get(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != delegation.Revoked || got.EndReason != "cambio consulente" || got.EndedAt.IsZero() ||
		got.ValidTo != civil.MustParse("2027-12-31") || got.Intermediary.Firm != "Studio Romano" || got.TitolareName != "Marco Bianchi" {
		t.Fatalf("read back %+v", got)
	}
	want := [][2]delegation.Status{{"", "pending"}, {"pending", "active"}, {"active", "revoked"}}
	if len(got.History) != len(want) {
		t.Fatalf("history %+v", got.History)
	}
	for i, c := range got.History {
		if c.From != want[i][0] || c.To != want[i][1] || c.At.IsZero() {
			t.Errorf("history %d: %+v", i, c)
		}
	}
	if n := w.count(t, `SELECT COUNT(*) FROM events WHERE ref_id = ? AND kind LIKE 'delegation.%'`, d.ID); n != 3 {
		t.Errorf("%d events, want 3 (granted, accepted, revoked)", n)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM audit_log WHERE position_id = ? AND action IN ('delegation.granted', 'delegation.accepted', 'delegation.revoked')`, w.pos.ID); n != 3 {
		t.Errorf("%d audit entries, want 3", n)
	}
}

func TestRejectedAndRenouncedDelegationsGiveNoAccess(t *testing.T) {
	ctx := context.Background()
	w := newDelegationWorld(t)
	d, err := w.svc.Grant(ctx, w.titolare(), w.position(), delegation.GrantInput{CF: w.comm.CodiceFiscale, Scope: "consultation"})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.svc.Reject(ctx, w.intermediary(), d.ID, "no"); err != nil {
		t.Fatal(err)
	}
	if w.mayView(t) {
		t.Fatal("a rejected invitation gives access")
	}
	d2, err := w.svc.Grant(ctx, w.titolare(), w.position(), delegation.GrantInput{CF: w.comm.CodiceFiscale, Scope: "consultation"})
	if err != nil {
		t.Fatalf("a new invitation after a rejection: %v", err)
	}
	if err := w.svc.Accept(ctx, w.intermediary(), d2.ID); err != nil {
		t.Fatal(err)
	}
	if err := w.svc.Renounce(ctx, w.intermediary(), d2.ID, ""); err != nil {
		t.Fatal(err)
	}
	if w.mayView(t) {
		t.Fatal("a renounced delegation gives access")
	}
	mine, err := w.svc.ForIntermediary(ctx, w.comm.ID)
	if err != nil || len(mine) != 2 || mine[0].ID != d2.ID || mine[0].Status != delegation.Renounced {
		t.Fatalf("intermediary's list %+v, %v", mine, err)
	}
}

func TestTheDatabaseRefusesASecondOpenDelegation(t *testing.T) {
	ctx := context.Background()
	w := newDelegationWorld(t)
	s := store.NewDelegations(w.db)
	mk := func() error {
		d := delegation.Delegation{PositionID: w.pos.ID, Intermediary: delegation.Intermediary{PersonID: w.comm.ID},
			Scope: "full", Status: delegation.Pending, ValidFrom: civil.Of(w.now), CreatedAt: w.now, Origin: delegation.Portal}
		return s.Create(ctx, &d, delegation.Change{At: w.now, To: delegation.Pending, Verb: delegation.Granted, ActorKind: "citizen", ActorLabel: "x"})
	}
	if err := mk(); err != nil {
		t.Fatal(err)
	}
	if err := mk(); !errs.Is(err, errs.Conflict) || errs.MessageOf(err) != delegation.MsgDuplicate {
		t.Fatalf("second open delegation: %v", err)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM delegation_history`); n != 1 {
		t.Fatalf("%d history rows after a refused insert", n)
	}
}

func TestAnExpiredInvitationIsRecordedWhenTouched(t *testing.T) {
	ctx := context.Background()
	w := newDelegationWorld(t)
	d, err := w.svc.Grant(ctx, w.titolare(), w.position(), delegation.GrantInput{CF: w.comm.CodiceFiscale, Scope: "full"})
	if err != nil {
		t.Fatal(err)
	}
	w.now = w.now.AddDate(0, 0, 31)
	if err := w.svc.Accept(ctx, w.intermediary(), d.ID); errs.MessageOf(err) != delegation.MsgInviteExpired {
		t.Fatalf("accept after expiry: %v", err)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM delegations WHERE id = ? AND status = 'expired' AND ended_at IS NOT NULL`, d.ID); n != 1 {
		t.Fatal("the expiry was not recorded")
	}
	if n := w.count(t, `SELECT COUNT(*) FROM events WHERE kind = 'delegation.expired' AND ref_id = ?`, d.ID); n != 1 {
		t.Fatal("no expiry event")
	}
}

func TestPaperDelegationsOfTheOffice(t *testing.T) {
	ctx := context.Background()
	w := newDelegationWorld(t)
	op := delegation.Who{Actor: access.Actor{Kind: access.Staff, StaffID: 1, Role: access.RoleOperator, OfficeCode: "1300", Label: "operatore"}}
	in := delegation.PaperInput{GrantInput: delegation.GrantInput{CF: w.comm.CodiceFiscale, Scope: "full"},
		ValidFrom: "2026-11-01", DocName: "delega.pdf", DocData: []byte("%PDF-1.4 firmata")}
	d, err := w.svc.RegisterPaper(ctx, op, w.position(), in)
	if err != nil {
		t.Fatal(err)
	}
	if !w.mayView(t) {
		t.Fatal("a paper delegation gives no access")
	}
	s := store.NewDelegations(w.db)
	for _, office := range []string{"1300", ""} {
		list, err := s.PaperOfOffice(ctx, office, 10)
		if err != nil || len(list) != 1 || list[0].ID != d.ID || list[0].Document.Type != "pdf" || list[0].CreatedByLabel != "operatore" {
			t.Fatalf("office %q: %+v, %v", office, list, err)
		}
	}
	if list, _ := s.PaperOfOffice(ctx, "7000", 10); len(list) != 0 {
		t.Fatalf("another office sees %+v", list)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM audit_log WHERE actor_kind = 'staff' AND acting_as = 'operator' AND action = 'delegation.registered'`); n != 1 {
		t.Fatal("no audit entry for the registration")
	}
}

// TestDelegationsWrittenBeforeTheLifecycleStayValid inserts rows as the
// seed writes them (no lifecycle columns): they read back as portal
// delegations and an 'expired' status is accepted.
func TestDelegationsWrittenBeforeTheLifecycleStayValid(t *testing.T) {
	ctx := context.Background()
	w := newDelegationWorld(t)
	for _, st := range []string{"active", "revoked", "expired"} {
		if _, err := w.db.W().Exec(ctx, `INSERT INTO delegations (position_id, intermediary_id, scope, status, valid_from, valid_to, created_at)
			VALUES (?, ?, 'full', ?, '2020-01-01', '2025-12-31', ?)`, w.pos.ID, w.comm.ID, st, w.now); err != nil {
			t.Fatalf("%s: %v", st, err)
		}
	}
	if _, err := w.db.W().Exec(ctx, `INSERT INTO delegations (position_id, intermediary_id, scope, status, valid_from, created_at)
		VALUES (?, ?, 'full', 'bogus', '2020-01-01', ?)`, w.pos.ID, w.comm.ID, w.now); err == nil {
		t.Fatal("an unknown status was stored")
	}
	list, err := w.svc.ForPosition(ctx, w.pos.ID)
	if err != nil || len(list) != 3 {
		t.Fatalf("%+v, %v", list, err)
	}
	for _, d := range list {
		if d.Origin != delegation.Portal || d.Status == delegation.Active {
			t.Errorf("old row %d: %s %s (the active one ended on 31/12/2025 and must read as expired)", d.ID, d.Origin, d.Status)
		}
	}
}
