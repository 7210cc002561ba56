package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

func TestInsertDuesIsIdempotentByNaturalKey(t *testing.T) {
	ctx := context.Background()
	db := storetest.New(t)
	reg := store.NewRegistry(db, fixedClock)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(reg.CreateOffice(ctx, registry.Office{Code: "1300", Name: "Milano"}))
	p := registry.Person{CodiceFiscale: "BNCMRC78D12F205X", GivenName: "Marco", FamilyName: "Bianchi", Sex: "M",
		BirthDate: civil.MustParse("1978-04-12"), BirthplaceCode: "F205"}
	must(reg.CreatePerson(ctx, &p))
	pos := registry.Position{Number: "10000001", Gestione: registry.Artigiani, TitolareID: p.ID, OfficeCode: "1300",
		ActivityStart: civil.MustParse("2008-03-01"), Status: registry.StatusActive, Reduction: registry.ReductionNone}
	must(reg.CreatePosition(ctx, &pos))
	var dues []ledger.Due
	for n := 1; n <= 4; n++ {
		dues = append(dues, ledger.Due{NaturalKey: "fixed:2025:10000001:10:" + string(rune('0'+n)), PositionID: pos.ID,
			PersonID: p.ID, SubjectCode: 10, Year: 2025, Kind: ledger.FixedRate(n), Causale: "AF",
			PeriodFrom: contrib.YearMonth{Year: 2025, Month: time.Month(3*n - 2)}, PeriodTo: contrib.YearMonth{Year: 2025, Month: time.Month(3 * n)},
			DueDate: civil.MustParse("2025-05-16"), Amount: 113743, Maternity: 186})
	}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for run, want := range []int64{4, 0} {
		var created int64
		err := db.InTx(ctx, func(q store.Querier) (err error) {
			created, err = store.InsertDues(ctx, q, dues, now)
			return err
		})
		if err != nil || created != want {
			t.Fatalf("run %d: created %d, %v; want %d", run, created, err, want)
		}
	}
	row := db.R().QueryRow(ctx, `SELECT `+store.DueSelect+` FROM dues d WHERE d.natural_key = ?`, "fixed:2025:10000001:10:2")
	d, err := store.ScanDue(row)
	if err != nil || d.Kind != ledger.Rata2 || d.Amount != 113743 || d.PeriodFrom.Month != 4 || d.DueDate != civil.MustParse("2025-05-16") {
		t.Fatalf("read back %+v, %v", d, err)
	}
}
