package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

func fixedClock() time.Time { return time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC) }

func TestRegistryRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := store.NewRegistry(storetest.New(t), fixedClock)
	if err := s.CreateOffice(ctx, registry.Office{Code: "1300", Name: "Milano Nord"}); err != nil {
		t.Fatal(err)
	}
	tit := registry.Person{CodiceFiscale: "RSSMRA80A01F205X", GivenName: "Mario", FamilyName: "Rossi",
		Sex: "M", BirthDate: civil.MustParse("1980-01-01"), BirthplaceCode: "F205"}
	if err := s.CreatePerson(ctx, &tit); err != nil {
		t.Fatal(err)
	}
	dup := tit
	if err := s.CreatePerson(ctx, &dup); !errs.Is(err, errs.Conflict) {
		t.Fatalf("duplicate codice fiscale: got %v, want conflict", err)
	}
	pos := registry.Position{Number: "12345678", Gestione: registry.Commercianti, TitolareID: tit.ID,
		OfficeCode: "1300", ActivityStart: civil.MustParse("2010-03-01"), Status: registry.StatusActive,
		Reduction: registry.ReductionNone, Post1996: true}
	if err := s.CreatePosition(ctx, &pos); err != nil {
		t.Fatal(err)
	}
	got, err := s.PositionByNumber(ctx, "12345678")
	if err != nil {
		t.Fatal(err)
	}
	if got.Titolare.CodiceFiscale != tit.CodiceFiscale || got.Office.Name != "Milano Nord" ||
		got.ActivityStart != pos.ActivityStart || !got.ActivityEnd.IsZero() || !got.Post1996 || got.Gestione != "CO" {
		t.Fatalf("round trip: %+v", got)
	}
	if _, err := s.PositionByNumber(ctx, "99999999"); !errs.Is(err, errs.NotFound) {
		t.Fatalf("missing position: got %v, want not found", err)
	}
	for i, text := range []string{"a@b.it", "c@d.it"} {
		c := registry.Contact{PersonID: tit.ID, Email: text, ChangedBy: "test"}
		if err := s.AddContact(ctx, &c); err != nil {
			t.Fatalf("contact %d: %v", i, err)
		}
	}
	cur, err := s.CurrentContact(ctx, tit.ID)
	if err != nil || cur.Email != "c@d.it" {
		t.Fatalf("current contact %+v, %v", cur, err)
	}
	hist, _ := s.ContactHistory(ctx, tit.ID)
	if len(hist) != 2 || hist[1].Email != "a@b.it" {
		t.Fatalf("history %+v", hist)
	}
	list, err := s.Positions(ctx, registry.ListFilter{OfficeCode: "1300", Limit: 10})
	if err != nil || len(list) != 1 {
		t.Fatalf("list %v %v", list, err)
	}
}
