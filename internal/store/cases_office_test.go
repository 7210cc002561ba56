package store_test

import (
	"context"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/cases"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

func TestOfficeCommunicationIsProtocolledInChargeOfItsAuthorWithOneEvent(t *testing.T) {
	f := newCaseFixture(t)
	ctx := context.Background()
	if _, err := f.db.W().Exec(ctx, `INSERT INTO staff (id, username, display_name, role, office_code, created_at)
		VALUES (1, 'op', 'Operatore Uno', 'operator', '1300', ?)`, fixedClock()); err != nil {
		t.Fatal(err)
	}
	first := f.open(t, "altro", "altro.informazioni")
	staffer := cases.Author{Kind: "staff", ID: 1, Name: "Operatore Uno", Label: "op", ActingAs: "operator"}
	c, err := f.svc.Communicate(ctx, staffer, cases.CommunicationInput{PositionID: f.pos.ID, OfficeCode: "1300",
		Topic: "altro", Subtopic: "altro.informazioni", Subject: "Documenti mancanti", Text: "Inviateci il modello."})
	if err != nil {
		t.Fatal(err)
	}
	got, err := f.svc.Store.Get(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Protocol != "1300-2026-0000002" || first.Protocol != "1300-2026-0000001" || got.State != cases.InCarico ||
		got.AssigneeID != 1 || got.AssigneeName != "Operatore Uno" || !got.OfficeInitiated() || got.OpenedBy.Kind != "staff" {
		t.Fatalf("communication stored as %+v", got)
	}
	thread, _ := f.svc.Store.Thread(ctx, c.ID, false)
	if len(thread) != 1 || thread[0].Kind != cases.FromOffice || thread[0].Body != "Inviateci il modello." {
		t.Fatalf("public thread %+v", thread)
	}
	for kind, want := range map[string]int{"case.office_message": 1, "case.registered": 0, "case.routed": 0} {
		if n := count(t, f.db, `SELECT COUNT(*) FROM events WHERE kind = ? AND ref_id = ?`, kind, c.ID); n != want {
			t.Errorf("%d %s events, want %d", n, kind, want)
		}
	}
	if n := count(t, f.db, `SELECT COUNT(*) FROM audit_log WHERE action = 'case.office_open' AND actor_kind = 'staff'
		AND position_id = ?`, f.pos.ID); n != 1 {
		t.Errorf("%d audit entries of the sending, want 1", n)
	}
	list, total, _ := f.svc.Store.List(ctx, cases.Filter{PositionID: f.pos.ID})
	if total != 2 || len(list) != 2 {
		t.Fatalf("the position's history has %d cases, want the request and the communication", total)
	}
	if err := f.svc.Reply(ctx, f.who, got, cases.Post{Text: "Ecco il modello"}); err != nil {
		t.Fatalf("the titolare cannot reply: %v", err)
	}
}

func TestOfficeCommunicationWithoutTextStoresNothing(t *testing.T) {
	f := newCaseFixture(t)
	staffer := cases.Author{Kind: "staff", ID: 1, Label: "admin", ActingAs: "admin"}
	_, err := f.svc.Communicate(context.Background(), staffer, cases.CommunicationInput{PositionID: f.pos.ID,
		OfficeCode: "1300", Topic: "altro", Subtopic: "altro.informazioni", Subject: "Oggetto", Text: "   "})
	if !errs.Is(err, errs.Invalid) {
		t.Fatalf("empty text: %v", err)
	}
	for _, table := range []string{"cases", "case_messages", "events", "case_counters"} {
		if n := count(t, f.db, `SELECT COUNT(*) FROM `+table); n != 0 {
			t.Errorf("%d rows in %s after a refusal", n, table)
		}
	}
}

func TestTransferWritesCaseRouted(t *testing.T) {
	f := newCaseFixture(t)
	c := f.open(t, "altro", "altro.informazioni")
	staffer := cases.Author{Kind: "staff", ID: 1, Label: "admin", ActingAs: "admin"}
	if err := f.svc.Transfer(context.Background(), staffer, c, "9000", "di competenza centrale", []string{"1300", "9000"}); err != nil {
		t.Fatal(err)
	}
	if n := count(t, f.db, `SELECT COUNT(*) FROM events WHERE kind = 'case.routed' AND ref_id = ?`, c.ID); n != 1 {
		t.Fatalf("%d case.routed events after a transfer, want 1", n)
	}
}
