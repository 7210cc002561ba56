package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

// ledgerFixture writes handmade registry and ledger rows for the read
// model and notices tests, without the imposition or reconciliation code.
type ledgerFixture struct {
	t        *testing.T
	ctx      context.Context
	db       *store.DB
	reg      *store.Registry
	persons  int
	payments int
}

func newLedgerFixture(t *testing.T) *ledgerFixture {
	t.Helper()
	db := storetest.New(t)
	f := &ledgerFixture{t: t, ctx: context.Background(), db: db, reg: store.NewRegistry(db, fixedClock)}
	f.must(f.reg.CreateOffice(f.ctx, registry.Office{Code: "1300", Name: "Milano"}))
	return f
}

func (f *ledgerFixture) must(err error) {
	f.t.Helper()
	if err != nil {
		f.t.Fatal(err)
	}
}

// person creates a person with a made-up codice fiscale.
func (f *ledgerFixture) person() registry.Person {
	f.persons++
	p := registry.Person{CodiceFiscale: fmt.Sprintf("TSTPRS%09dX", f.persons), GivenName: "Nome", FamilyName: fmt.Sprint("Cognome", f.persons),
		Sex: "M", BirthDate: civil.MustParse("1980-01-01"), BirthplaceCode: "F205"}
	f.must(f.reg.CreatePerson(f.ctx, &p))
	return p
}

// position creates a CO position numbered number and returns it with its titolare.
func (f *ledgerFixture) position(number string) (registry.Position, registry.Person) {
	tit := f.person()
	pos := registry.Position{Number: number, Gestione: registry.Commercianti, TitolareID: tit.ID, OfficeCode: "1300",
		ActivityStart: civil.MustParse("2010-01-01"), Status: registry.StatusActive, Reduction: registry.ReductionNone}
	f.must(f.reg.CreatePosition(f.ctx, &pos))
	return pos, tit
}

// collaboratore adds a collaboratore (subject 11) to pos.
func (f *ledgerFixture) collaboratore(pos registry.Position) registry.Person {
	p := f.person()
	f.must(f.reg.AddMember(f.ctx, &registry.Member{PositionID: pos.ID, PersonID: p.ID, SubjectCode: 11,
		Kind: registry.Coadiutore, Relation: "coniuge", ValidFrom: civil.MustParse("2015-01-01")}))
	return p
}

// dueSpec describes a due to write.
type dueSpec struct {
	pos     registry.Position
	person  int64
	subject int
	year    int
	kind    ledger.Kind
	n       int // fixed rate number (period); 0 for the whole year
	due     string
	amount  money.Cents
	parent  int64
	reason  string
}

// due writes a due and returns its id.
func (f *ledgerFixture) due(s dueSpec) int64 {
	f.t.Helper()
	from, to := contrib.YearMonth{Year: s.year, Month: 1}, contrib.YearMonth{Year: s.year, Month: 12}
	if s.n > 0 {
		from.Month, to.Month = time.Month(3*s.n-2), time.Month(3*s.n)
	}
	var maternity money.Cents
	if s.kind.IsFixed() {
		maternity = 186
	}
	key := fmt.Sprintf("test:%s:%d:%s:%d:%d", s.pos.Number, s.subject, s.kind, s.year, s.parent)
	d := ledger.Due{NaturalKey: key, PositionID: s.pos.ID, PersonID: s.person, SubjectCode: s.subject, Year: s.year,
		Kind: s.kind, Causale: "CF", PeriodFrom: from, PeriodTo: to, DueDate: civil.MustParse(s.due), Amount: s.amount,
		Maternity: maternity, ParentID: s.parent, Reason: s.reason}
	f.must(f.db.InTx(f.ctx, func(q store.Querier) error {
		_, err := store.InsertDues(f.ctx, q, []ledger.Due{d}, fixedClock())
		return err
	}))
	var id int64
	f.must(f.db.R().QueryRow(f.ctx, `SELECT id FROM dues WHERE natural_key = ?`, key).Scan(&id))
	return id
}

// rate writes fixed rate n of year of the titolare of pos.
func (f *ledgerFixture) rate(pos registry.Position, year, n int, due string, amount money.Cents) int64 {
	return f.due(dueSpec{pos: pos, person: pos.TitolareID, subject: 10, year: year, kind: ledger.FixedRate(n), n: n, due: due, amount: amount})
}

// pay writes a reconciled payment of pos and its allocations (due id,
// amount pairs) and returns its id.
func (f *ledgerFixture) pay(pos registry.Position, paidOn string, debit money.Cents, allocs ...any) int64 {
	f.t.Helper()
	return f.payFor(pos, paidOn, "CF", 2025, debit, allocs...)
}

// payFor is pay with the payment's causale and the year of its period.
func (f *ledgerFixture) payFor(pos registry.Position, paidOn, causale string, year int, debit money.Cents, allocs ...any) int64 {
	f.t.Helper()
	f.payments++
	var id int64
	f.must(f.db.W().QueryRow(f.ctx, `INSERT INTO payments (line_key, paid_on, codice_fiscale, person_id, position_id,
		codice_sede, causale, codice_inps, period_from, period_to, debit, credit, source, source_line, reconciled_at, created_at)
		VALUES (?, ?, 'TSTPRS000000001X', ?, ?, '1300', ?, '', ?, ?, ?, 0, 'test.csv', 1, ?, ?) RETURNING id`,
		fmt.Sprintf("line:%d", f.payments), civil.MustParse(paidOn), pos.TitolareID, pos.ID, causale,
		fmt.Sprintf("%d-01", year), fmt.Sprintf("%d-12", year), int64(debit), fixedClock(), fixedClock()).Scan(&id))
	for i := 0; i < len(allocs); i += 2 {
		_, err := f.db.W().Exec(f.ctx, `INSERT INTO allocations (payment_id, payment_paid_on, due_id, due_year, amount, method, created_at)
			VALUES (?, (SELECT paid_on FROM payments WHERE id = ?), ?, (SELECT year FROM dues WHERE id = ?), ?, 'codeline', ?)`,
			id, id, allocs[i].(int64), allocs[i].(int64), int64(allocs[i+1].(money.Cents)), fixedClock())
		f.must(err)
	}
	return id
}

func newReader(f *ledgerFixture) *store.LedgerReader { return store.NewLedgerReader(f.db) }
