package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/association"
	"github.com/cassetto-dev/cassetto/internal/audit"
	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/codicefiscale"
	"github.com/cassetto-dev/cassetto/internal/delegation"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// associationWorld adds to the delegation world an association
// (Confartigianato) and one of its employees, with the association's
// delegation on the position registered.
type associationWorld struct {
	*delegationWorld
	svc   *association.Service
	assoc association.Association
	emp   registry.Person
	d     delegation.Delegation
}

func newAssociationWorld(t *testing.T) *associationWorld {
	t.Helper()
	ctx := context.Background()
	w := &associationWorld{delegationWorld: newDelegationWorld(t)}
	mk := func(family, given, sex, born string) registry.Person {
		p := registry.Person{GivenName: given, FamilyName: family, Sex: sex, BirthDate: civil.MustParse(born), BirthplaceCode: "F205"}
		p.CodiceFiscale = codicefiscale.Compute(family, given, sex, p.BirthDate, "F205")
		if err := w.reg.CreatePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a, emp := mk("Ferri", "Paolo", "M", "1968-04-12"), mk("Galli", "Sara", "F", "1990-06-30")
	w.emp = emp
	if _, err := w.db.W().Exec(ctx, `INSERT INTO intermediaries (person_id, kind, registration_number, firm)
		VALUES (?, 'associazione', '', 'Confartigianato Milano')`, a.ID); err != nil {
		t.Fatal(err)
	}
	w.svc = &association.Service{Store: store.NewAssociations(w.db), Delegations: w.delegationWorld.svc,
		Now: func() time.Time { return w.now }}
	var err error
	if w.assoc, err = w.svc.Of(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	who := delegation.Who{Actor: access.Actor{Kind: access.Citizen, PersonID: a.ID, Profile: access.Intermediary, Label: "Paolo Ferri"}}
	w.d, err = w.svc.Register(ctx, who, w.assoc, association.RegisterInput{Position: w.pos.Number,
		TitolareCF: w.tit.CodiceFiscale, Scope: "full", DocName: "mandato.pdf", DocData: []byte("%PDF-1.7 mandato")})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// allowed reports whether person, as an intermediary, may view the position now.
func (w *associationWorld) allowed(t *testing.T, personID int64) bool {
	t.Helper()
	a := access.Actor{Kind: access.Citizen, PersonID: personID, Profile: access.Intermediary}
	given := access.Facts{PositionID: w.pos.ID, TitolareID: w.tit.ID, OfficeCode: "1300"}
	f, err := store.AccessFacts(context.Background(), w.db, a, given)
	if err != nil {
		t.Fatal(err)
	}
	if rf := relationFacts(t, w.db, a, w.pos.Number, given); !sameFacts(rf, f) {
		t.Fatalf("facts read with the session %+v, by AccessFacts %+v", rf, f)
	}
	return access.Allow(a, access.ViewPosition, f, civil.Of(w.now))
}

// sees reports whether the employee's position picker and workspace list the position.
func (w *associationWorld) sees(t *testing.T) (picker, workspace bool) {
	t.Helper()
	ctx, day := context.Background(), civil.Of(w.now)
	views, err := w.reg.DelegatedPositions(ctx, w.emp.ID, day)
	if err != nil {
		t.Fatal(err)
	}
	clients, err := store.NewWorkspace(w.db).Clients(ctx, w.emp.ID, day)
	if err != nil {
		t.Fatal(err)
	}
	return len(views) == 1 && views[0].ID == w.pos.ID, len(clients) == 1 && clients[0].PositionID == w.pos.ID
}

func (w *associationWorld) staffID(t *testing.T) int64 {
	t.Helper()
	list, err := w.svc.Store.Staff(context.Background(), w.assoc.PersonID)
	if err != nil || len(list) != 1 {
		t.Fatalf("staff %v %v", list, err)
	}
	return list[0].ID
}

func TestAssociationRegisterIsActiveWithTheMandate(t *testing.T) {
	w := newAssociationWorld(t)
	if w.d.Status != delegation.Active || w.d.Origin != association.Origin || w.d.Document.Type != "pdf" || w.d.Document.SHA256 == "" {
		t.Fatalf("registered %+v", w.d)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM audit_log WHERE action = 'delegation.registered' AND position_id = ?`, w.pos.ID); n != 1 {
		t.Errorf("audit entries = %d, want 1", n)
	}
	if !w.allowed(t, w.assoc.PersonID) {
		t.Error("the association cannot see the position it registered")
	}
}

func TestAssociationStaffAccessFollowsAssignmentAndMembership(t *testing.T) {
	w := newAssociationWorld(t)
	ctx := context.Background()
	if w.allowed(t, w.emp.ID) {
		t.Fatal("a person not on the staff sees the position")
	}
	if err := w.svc.AddStaff(ctx, w.assoc, w.emp.CodiceFiscale); err != nil {
		t.Fatal(err)
	}
	if is, _ := w.reg.IsIntermediary(ctx, w.emp.ID); !is {
		t.Error("a staff member is offered no intermediary profile")
	}
	if w.allowed(t, w.emp.ID) {
		t.Fatal("a staff member sees a position not assigned to him")
	}
	sid := w.staffID(t)
	if err := w.svc.Assign(ctx, w.assoc, w.d.ID, sid); err != nil {
		t.Fatal(err)
	}
	if !w.allowed(t, w.emp.ID) {
		t.Fatal("an assigned staff member cannot see the position")
	}
	if p, ws := w.sees(t); !p || !ws {
		t.Errorf("assigned client in picker %v, workspace %v", p, ws)
	}
	as, err := w.svc.Store.Assignments(ctx, w.assoc.PersonID)
	if err != nil || len(as) != 1 {
		t.Fatalf("assignments %v %v", as, err)
	}
	if err := w.svc.Unassign(ctx, w.assoc, as[0].ID); err != nil {
		t.Fatal(err)
	}
	if w.allowed(t, w.emp.ID) {
		t.Error("access survives the unassignment")
	}
	if p, ws := w.sees(t); p || ws {
		t.Errorf("unassigned client in picker %v, workspace %v", p, ws)
	}
	if err := w.svc.Assign(ctx, w.assoc, w.d.ID, sid); err != nil {
		t.Fatal(err)
	}
	if err := w.svc.RemoveStaff(ctx, w.assoc, sid); err != nil {
		t.Fatal(err)
	}
	if w.allowed(t, w.emp.ID) {
		t.Error("access survives the removal from the staff")
	}
	if !w.allowed(t, w.assoc.PersonID) {
		t.Error("the association lost its own access")
	}
}

func TestAssociationStaffLosesAccessWhenTheDelegationIsRevoked(t *testing.T) {
	w := newAssociationWorld(t)
	ctx := context.Background()
	if err := w.svc.AddStaff(ctx, w.assoc, w.emp.CodiceFiscale); err != nil {
		t.Fatal(err)
	}
	if err := w.svc.Assign(ctx, w.assoc, w.d.ID, w.staffID(t)); err != nil {
		t.Fatal(err)
	}
	if err := w.delegationWorld.svc.Revoke(ctx, w.titolare(), w.pos.ID, w.d.ID, ""); err != nil {
		t.Fatal(err)
	}
	if w.allowed(t, w.emp.ID) || w.allowed(t, w.assoc.PersonID) {
		t.Error("access survives the revocation")
	}
	if err := w.svc.Assign(ctx, w.assoc, w.d.ID, w.staffID(t)); !errs.Is(err, errs.Conflict) {
		t.Errorf("assigning an ended delegation: %v, want a conflict", err)
	}
}

func TestAssociationCannotAssignAnotherIntermediarysDelegation(t *testing.T) {
	w := newAssociationWorld(t)
	ctx := context.Background()
	if err := w.svc.AddStaff(ctx, w.assoc, w.emp.CodiceFiscale); err != nil {
		t.Fatal(err)
	}
	d, err := w.delegationWorld.svc.Grant(ctx, w.titolare(), w.position(), delegation.GrantInput{CF: w.comm.CodiceFiscale, Scope: "full"})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.svc.Assign(ctx, w.assoc, d.ID, w.staffID(t)); !errs.Is(err, errs.NotFound) {
		t.Errorf("assigning a foreign delegation: %v, want not found", err)
	}
}

func TestAssociationActivityListsItsStaffOnItsPositions(t *testing.T) {
	w := newAssociationWorld(t)
	ctx := context.Background()
	if err := w.svc.AddStaff(ctx, w.assoc, w.emp.CodiceFiscale); err != nil {
		t.Fatal(err)
	}
	w.now = w.now.Add(time.Minute)
	log := store.NewAudit(w.db)
	for _, e := range []audit.Entry{
		{At: w.now, ActorKind: "citizen", ActorID: w.emp.ID, ActorLabel: "Sara Galli", ActingAs: "intermediary", PositionID: w.pos.ID, Action: "position.view", Detail: "anagrafica"},
		{At: w.now, ActorKind: "citizen", ActorID: w.comm.ID, ActorLabel: "Francesca Romano", ActingAs: "intermediary", PositionID: w.pos.ID, Action: "position.view", Detail: "cruscotto"},
		{At: w.now, ActorKind: "citizen", ActorID: w.emp.ID, ActorLabel: "Sara Galli", ActingAs: "intermediary", PositionID: w.pos.ID, Action: "position.view", Detail: "estratto conto"},
	} {
		if err := log.Append(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	got, err := w.svc.Store.Activity(ctx, w.assoc.PersonID, 0, 50)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Detail != "estratto conto" || got[1].Detail != "anagrafica" {
		t.Fatalf("activity %+v, want the two entries of the staff member, newest first", got)
	}
	older, err := w.svc.Store.Activity(ctx, w.assoc.PersonID, got[0].ID, 50)
	if err != nil || len(older) != 1 || older[0].ID != got[1].ID {
		t.Errorf("second page %+v %v", older, err)
	}
}
