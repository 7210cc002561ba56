package ledger_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/codicefiscale"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/contrib/codeline"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

// impFixture is a handmade registry on a fresh test database.
type impFixture struct {
	t         *testing.T
	ctx       context.Context
	db        *store.DB
	reg       *store.Registry
	positions int
}

const impSede = "1300"

func impNow() time.Time { return time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC) }

func newImpFixture(t *testing.T) *impFixture {
	t.Helper()
	db := storetest.New(t)
	f := &impFixture{t: t, ctx: context.Background(), db: db, reg: store.NewRegistry(db, impNow)}
	f.must(f.reg.CreateOffice(f.ctx, registry.Office{Code: impSede, Name: "Milano"}))
	return f
}

func (f *impFixture) must(err error) {
	f.t.Helper()
	if err != nil {
		f.t.Fatal(err)
	}
}

// person stores a person born in Milano with a valid codice fiscale.
func (f *impFixture) person(given, family, sex, birth string) registry.Person {
	f.t.Helper()
	b := civil.MustParse(birth)
	p := registry.Person{CodiceFiscale: codicefiscale.Compute(family, given, sex, b, "F205"), GivenName: given,
		FamilyName: family, Sex: sex, BirthDate: b, BirthplaceCode: "F205"}
	f.must(f.reg.CreatePerson(f.ctx, &p))
	return p
}

// position stores a position of tit from start to end ("" open) with red.
func (f *impFixture) position(g registry.Gestione, tit registry.Person, start, end string, red registry.Reduction) registry.Position {
	f.t.Helper()
	f.positions++
	p := registry.Position{Number: fmt.Sprintf("%08d", 20_000_000+f.positions), Gestione: g, TitolareID: tit.ID,
		OfficeCode: impSede, ActivityStart: civil.MustParse(start), Status: registry.StatusActive, Reduction: red}
	if end != "" {
		p.ActivityEnd, p.Status = civil.MustParse(end), registry.StatusClosed
	}
	f.must(f.reg.CreatePosition(f.ctx, &p))
	return p
}

// member adds person as collaboratore subject of pos from from to to ("" open).
func (f *impFixture) member(pos registry.Position, person registry.Person, subject int, from, to string) {
	f.t.Helper()
	m := registry.Member{PositionID: pos.ID, PersonID: person.ID, SubjectCode: subject, Kind: registry.Coadiutore,
		Relation: "figlio", ValidFrom: civil.MustParse(from)}
	if to != "" {
		m.ValidTo = civil.MustParse(to)
	}
	f.must(f.reg.AddMember(f.ctx, &m))
}

// impose runs the imposition of year and fails on error or refusal.
func (f *impFixture) impose(year int) ledger.ImposeStats {
	f.t.Helper()
	st, err := ledger.Impose(f.ctx, store.NewImposition(f.db, impNow), contrib.Default(), ledger.ImposeOptions{Year: year,
		Reject: func(in *ledger.Insured, err error) { f.t.Errorf("refused %s/%d: %v", in.Number, in.SubjectCode, err) }})
	f.must(err)
	return st
}

// dues returns the dues matching where, by natural key.
func (f *impFixture) dues(where string, args ...any) []ledger.Due {
	f.t.Helper()
	if where == "" {
		where = "1 = 1"
	}
	rows, err := f.db.R().Query(f.ctx, `SELECT `+store.DueSelect+` FROM dues d WHERE `+where+` ORDER BY d.natural_key`, args...)
	f.must(err)
	defer rows.Close()
	var out []ledger.Due
	for rows.Next() {
		d, err := store.ScanDue(rows)
		f.must(err)
		out = append(out, d)
	}
	f.must(rows.Err())
	return out
}

// describeDues formats dues one per line: key kind causale period due amount (maternity).
func describeDues(dues []ledger.Due) string {
	var b strings.Builder
	for _, d := range dues {
		fmt.Fprintf(&b, "%s %s %s %s–%s %s %s", d.NaturalKey, d.Kind, d.Causale, d.PeriodFrom, d.PeriodTo, d.DueDate,
			d.Amount)
		if d.Maternity != 0 {
			fmt.Fprintf(&b, " (%s)", d.Maternity)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// wantDues fails unless describeDues(got) is want (leading tabs and blank lines ignored).
func wantDues(t *testing.T, got []ledger.Due, want string) {
	t.Helper()
	var lines []string
	for _, l := range strings.Split(want, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	w := strings.Join(lines, "\n") + "\n"
	if g := describeDues(got); g != w {
		t.Errorf("dues:\n%s\nwant:\n%s", g, w)
	}
}

// checkDueCodelines fails unless every due with an amount ≥ 0 has a codeline
// that verifies for the sede and amount and names the due.
func checkDueCodelines(t *testing.T, dues []ledger.Due, number func(positionID int64) string) {
	t.Helper()
	for _, d := range dues {
		if d.Kind == ledger.Correction {
			if d.Codeline != "" || d.ParentID == 0 {
				t.Errorf("%s: a correction has a parent and no codeline", d.NaturalKey)
			}
			continue
		}
		f, err := codeline.Verify(d.Codeline, impSede, d.Amount)
		if err != nil {
			t.Errorf("%s: codeline %q: %v", d.NaturalKey, d.Codeline, err)
			continue
		}
		want := codeline.Fields{Subject: d.SubjectCode, Rata: d.Kind.RataCode(), Year: d.Year, Seq: 1}
		fmt.Sscan(number(d.PositionID), &want.Position)
		if f != want {
			t.Errorf("%s: codeline fields %+v, want %+v", d.NaturalKey, f, want)
		}
	}
}
