package store_test

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/blob"
	"github.com/cassetto-dev/cassetto/internal/cases"
	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

// caseFixture is a database with offices 1300 and 9000 and one position at 1300.
type caseFixture struct {
	db  *store.DB
	svc *cases.Service
	pos registry.Position
	who cases.Author
}

func newCaseFixture(t *testing.T) caseFixture {
	t.Helper()
	ctx := context.Background()
	db := storetest.New(t)
	reg := store.NewRegistry(db, fixedClock)
	for _, o := range []registry.Office{{Code: "1300", Name: "Milano"}, {Code: "9000", Name: "Direzione centrale"}} {
		if err := reg.CreateOffice(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	tit := registry.Person{CodiceFiscale: "RSSMRA80A01F205X", GivenName: "Mario", FamilyName: "Rossi",
		Sex: "M", BirthDate: civil.MustParse("1980-01-01"), BirthplaceCode: "F205"}
	if err := reg.CreatePerson(ctx, &tit); err != nil {
		t.Fatal(err)
	}
	pos := registry.Position{Number: "12345678", Gestione: registry.Artigiani, TitolareID: tit.ID, OfficeCode: "1300",
		ActivityStart: civil.MustParse("2010-03-01"), Status: registry.StatusActive, Reduction: registry.ReductionNone}
	if err := reg.CreatePosition(ctx, &pos); err != nil {
		t.Fatal(err)
	}
	svc := &cases.Service{Store: store.NewCases(db), Blobs: blob.NewMemory(), Now: fixedClock, Config: cases.DefaultConfig}
	return caseFixture{db: db, svc: svc, pos: pos, who: cases.Author{Kind: "citizen", ID: tit.ID, Label: "Mario Rossi", ActingAs: "self"}}
}

func (f caseFixture) open(t *testing.T, topic, sub string) cases.Case {
	t.Helper()
	c, err := f.svc.Open(context.Background(), f.who, cases.OpenInput{PositionID: f.pos.ID, PositionOffice: "1300",
		Topic: topic, Subtopic: sub, Subject: "Rata 2/2025", Text: "Vorrei sapere…"})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func count(t *testing.T, db *store.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.R().QueryRow(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestCaseProtocolsAreGaplessUnderConcurrentInserts(t *testing.T) {
	f := newCaseFixture(t)
	const n = 20
	var wg sync.WaitGroup
	protocols := make([]string, n)
	errsSeen := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := f.svc.Open(context.Background(), f.who, cases.OpenInput{PositionID: f.pos.ID, PositionOffice: "1300",
				Topic: "altro", Subtopic: "altro.informazioni", Subject: fmt.Sprint("domanda ", i), Text: "testo"})
			protocols[i], errsSeen[i] = c.Protocol, err
		}()
	}
	wg.Wait()
	for _, err := range errsSeen {
		if err != nil {
			t.Fatal(err)
		}
	}
	sort.Strings(protocols)
	for i, p := range protocols {
		if want := fmt.Sprintf("1300-2026-%07d", i+1); p != want {
			t.Fatalf("protocol %d = %s, want %s (all: %v)", i, p, want, protocols)
		}
	}
	if got := count(t, f.db, `SELECT COUNT(*) FROM events WHERE kind = 'case.registered'`); got != n {
		t.Fatalf("%d case.registered events, want %d", got, n)
	}
}

func TestCaseRoutingRuleSendsTheTopicToAnotherOfficeWithItsOwnCounter(t *testing.T) {
	f := newCaseFixture(t)
	if err := store.NewCases(f.db).SetRoute(context.Background(), "rimborsi", "9000"); err != nil {
		t.Fatal(err)
	}
	local := f.open(t, "altro", "altro.informazioni")
	central := f.open(t, "rimborsi", "rimborsi.rimborso")
	if local.Protocol != "1300-2026-0000001" || central.OfficeCode != "9000" || central.Protocol != "9000-2026-0000001" {
		t.Fatalf("local %s, central %s at %s", local.Protocol, central.Protocol, central.OfficeCode)
	}
}

func TestCaseLifecycleIsStoredAuditedAndEvented(t *testing.T) {
	f := newCaseFixture(t)
	ctx := context.Background()
	c := f.open(t, "recupero", "recupero.dilazione")
	staffer := cases.Author{Kind: "staff", ID: 1, Label: "operatore", ActingAs: "operator"}
	if _, err := f.db.W().Exec(ctx, `INSERT INTO staff (id, username, display_name, role, office_code, created_at)
		VALUES (1, 'op', 'Operatore Uno', 'operator', '1300', ?)`, fixedClock()); err != nil {
		t.Fatal(err)
	}
	steps := []func(c cases.Case) error{
		func(c cases.Case) error { return f.svc.Take(ctx, staffer, c, 1, "Presa in carico") },
		func(c cases.Case) error { return f.svc.AddNote(ctx, staffer, c, cases.Post{Text: "verificare F24"}) },
		func(c cases.Case) error { return f.svc.StaffReply(ctx, staffer, c, cases.Post{Text: "Risposta"}) },
		func(c cases.Case) error { return f.svc.Close(ctx, staffer, c, "accolta", cases.Post{Text: "Chiusa"}) },
		func(c cases.Case) error { return f.svc.Reopen(ctx, f.who, c, cases.Post{Text: "Non basta"}) },
	}
	for i, step := range steps {
		cur, err := f.svc.Store.Get(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := step(cur); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	got, _ := f.svc.Store.Get(ctx, c.ID)
	if got.State != cases.Aperta || got.Esito != "" || got.AssigneeID != 0 || got.Position != "12345678" {
		t.Fatalf("after reopen: %+v", got)
	}
	all, _ := f.svc.Store.Thread(ctx, c.ID, true)
	public, _ := f.svc.Store.Thread(ctx, c.ID, false)
	if len(all) != 6 || len(public) != 5 {
		t.Fatalf("thread: %d entries, %d public", len(all), len(public))
	}
	for _, m := range public {
		if m.Kind == cases.Note {
			t.Fatal("a note in the public thread")
		}
	}
	kinds := []string{"case.registered", "case.taken", "case.reply", "case.closed", "case.reopened"}
	if n := count(t, f.db, `SELECT COUNT(*) FROM events WHERE kind = 'case.routed'`); n != 0 {
		t.Errorf("%d case.routed events without a transfer, want 0: the registration already routes", n)
	}
	for _, k := range kinds {
		if n := count(t, f.db, `SELECT COUNT(*) FROM events WHERE kind = ? AND ref_id = ? AND payload LIKE ?`,
			k, c.ID, `%"protocol":"`+c.Protocol+`"%`); n != 1 {
			t.Errorf("%d events %s, want 1", n, k)
		}
	}
	if n := count(t, f.db, `SELECT COUNT(*) FROM audit_log WHERE action LIKE 'case.%' AND position_id = ?`, f.pos.ID); n != 6 {
		t.Errorf("%d audit entries, want 6 (open, take, note, reply, close, reopen)", n)
	}
}

func TestCaseChangeOnAStaleStateIsAConflictAndStoresNothing(t *testing.T) {
	f := newCaseFixture(t)
	ctx := context.Background()
	c := f.open(t, "altro", "altro.informazioni")
	staffer := cases.Author{Kind: "staff", ID: 7, Label: "op", ActingAs: "admin"}
	if err := f.svc.Close(ctx, staffer, c, "respinta", cases.Post{Text: "no"}); err != nil {
		t.Fatal(err)
	}
	err := f.svc.Close(ctx, staffer, c, "accolta", cases.Post{Text: "sì"}) // c still says aperta
	if !errs.Is(err, errs.Conflict) {
		t.Fatalf("stale close: %v", err)
	}
	if n := count(t, f.db, `SELECT COUNT(*) FROM case_messages WHERE case_id = ?`, c.ID); n != 2 {
		t.Fatalf("%d messages, want 2", n)
	}
}

func TestCaseListFiltersByTextStateAndDates(t *testing.T) {
	f := newCaseFixture(t)
	ctx := context.Background()
	f.open(t, "altro", "altro.informazioni")
	c := f.open(t, "f24", "f24.rate")
	list, total, err := f.svc.Store.List(ctx, cases.Filter{PositionID: f.pos.ID, Text: "rata 2", State: cases.Aperta,
		Topic: "f24", OpenedFrom: fixedClock().Add(-time.Hour), UpdatedTo: fixedClock().Add(time.Hour)})
	if err != nil || total != 1 || len(list) != 1 || list[0].ID != c.ID {
		t.Fatalf("list = %d %v, %v", total, list, err)
	}
	if _, total, _ := f.svc.Store.List(ctx, cases.Filter{Text: "100%_"}); total != 0 {
		t.Fatalf("wildcards must be literal: %d", total)
	}
	if _, total, _ := f.svc.Store.List(ctx, cases.Filter{OfficeCode: "9000"}); total != 0 {
		t.Fatalf("another office sees %d", total)
	}
}
