package demo

import (
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/codicefiscale"
	"github.com/cassetto-dev/cassetto/internal/comuni"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
)

func collect(ds *Dataset) []store.SeedPosition {
	var out []store.SeedPosition
	for p := range ds.Positions() {
		out = append(out, p)
	}
	return out
}

// people returns every person of ds and its positions.
func people(ds *Dataset, ps []store.SeedPosition) []registry.Person {
	var out []registry.Person
	for _, in := range ds.Intermediaries {
		out = append(out, in.Person.Person)
	}
	for _, p := range ps {
		out = append(out, p.Titolare.Person)
		for _, m := range p.Members {
			out = append(out, m.Person.Person)
		}
	}
	return out
}

func TestGenerateIsDeterministic(t *testing.T) {
	a, b := Generate(Options{Seed: 7, Positions: 400}), Generate(Options{Seed: 7, Positions: 400})
	if !reflect.DeepEqual(a.BaseData(), b.BaseData()) || !reflect.DeepEqual(collect(a), collect(b)) {
		t.Fatal("the same seed gave different data")
	}
	if a.RunName() != "seed:400:7" {
		t.Fatalf("run name %q", a.RunName())
	}
	c := Generate(Options{Seed: 8, Positions: 400})
	pa, pc := collect(a), collect(c)
	if pa[2].Number == pc[2].Number || pa[2].Titolare.CodiceFiscale == pc[2].Titolare.CodiceFiscale ||
		reflect.DeepEqual(a.Intermediaries[1:], c.Intermediaries[1:]) {
		t.Fatal("different seeds gave the same data")
	}
}

func TestGeneratedCodesValidateAndMatchThePerson(t *testing.T) {
	ds := Generate(Options{Seed: 3, Positions: 3000})
	seen := map[string]bool{}
	for _, p := range people(ds, collect(ds)) {
		cf := p.CodiceFiscale
		if seen[cf] {
			t.Fatalf("codice fiscale %s given twice", cf)
		}
		seen[cf] = true
		sex, day, month, yy, place, err := codicefiscale.Decode(cf)
		if err != nil {
			t.Fatalf("%s of %+v: %v", cf, p, err)
		}
		b := p.BirthDate
		if sex != p.Sex || day != b.Day || month != int(b.Month) || yy != b.Year%100 || place != p.BirthplaceCode {
			t.Fatalf("%s decodes to %s %d/%d/%d %s, person is %+v", cf, sex, day, month, yy, place, p)
		}
		if want := codicefiscale.Compute(p.FamilyName, p.GivenName, p.Sex, b, place); cf[:6] != want[:6] {
			t.Fatalf("%s: name letters differ from %s for %s %s", cf, want, p.GivenName, p.FamilyName)
		}
		if _, ok := comuni.ByBelfiore(place); !ok {
			t.Fatalf("%s: birthplace %s is no comune", cf, place)
		}
	}
}

func TestPositionNumbersAreUniqueAndEightDigits(t *testing.T) {
	ds := Generate(Options{Seed: 1, Positions: 20000})
	re := regexp.MustCompile(`^[0-9]{8}$`)
	seen := map[string]bool{}
	for p := range ds.Positions() {
		if !re.MatchString(p.Number) || seen[p.Number] {
			t.Fatalf("position number %q malformed or repeated", p.Number)
		}
		seen[p.Number] = true
	}
	if len(seen) != 20002 || !seen[NumberTitolareAR] || !seen[NumberTitolareCO] {
		t.Fatalf("%d numbers, fixed ones present: %v %v", len(seen), seen[NumberTitolareAR], seen[NumberTitolareCO])
	}
}

func TestNumbersGrowWithRegistrationWithinTheRange(t *testing.T) {
	for _, seed := range []uint64{0, 1, 5, 1 << 40} {
		n := newNumbering(seed)
		prev := ""
		for _, i := range []int{0, 1, 2, 3, 1000, 1001, numberMaxPositions - 2, numberMaxPositions - 1} {
			got := n.number(i)
			v, err := strconv.Atoi(got)
			if err != nil || len(got) != 8 || v < numberBase || v >= numberBase+numberRange {
				t.Fatalf("seed %d: number %d is %q, outside %d–%d", seed, i, got, numberBase, numberBase+numberRange-1)
			}
			if got <= prev {
				t.Fatalf("seed %d: number %d is %s, not above the previous %s", seed, i, got, prev)
			}
			prev = got
		}
	}
	if newNumbering(1).number(0) == newNumbering(2).number(0) {
		t.Fatal("the first number does not depend on the seed")
	}
}

func TestGeneratedPositionsArePlausible(t *testing.T) {
	ds := Generate(Options{Seed: 11, Positions: 5000})
	today := ds.Options.Today
	var ar, closed, withMembers, young, delegated int
	reductions := map[registry.Reduction]int{}
	offices := map[string]bool{}
	for _, o := range ds.Offices {
		offices[o.Code] = true
	}
	ps := collect(ds)
	for _, p := range ps[2:] {
		checkPosition(t, p, today, offices)
		if p.Gestione == registry.Artigiani {
			ar++
		}
		if p.Status == registry.StatusClosed {
			closed++
		}
		if len(p.Members) > 0 {
			withMembers++
		}
		for _, m := range p.Members {
			if m.Person.BirthDate.YearsAt(today) <= 21 {
				young++
			}
		}
		if len(p.Delegations) > 0 {
			delegated++
		}
		reductions[p.Reduction]++
	}
	n := len(ps) - 2
	within := func(what string, got, lo, hi int) {
		if got*100 < lo*n || got*100 > hi*n {
			t.Errorf("%s: %d of %d, want %d–%d%%", what, got, n, lo, hi)
		}
	}
	within("AR", ar, 40, 50)
	within("ceased", closed, 7, 13)
	within("with collaboratori", withMembers, 22, 35)
	within("with delegations", delegated, 30, 45)
	within("no reduction", reductions[registry.ReductionNone], 70, 95)
	if young == 0 || reductions[registry.ReductionForfettario] == 0 || reductions[registry.ReductionOver65] == 0 ||
		reductions[registry.ReductionNew2025] == 0 {
		t.Errorf("missing cases: %d young collaboratori, reductions %v", young, reductions)
	}
}

// checkPosition checks the rules every random position follows.
func checkPosition(t *testing.T, p store.SeedPosition, today civil.Date, offices map[string]bool) {
	t.Helper()
	tit := p.Titolare
	age := tit.BirthDate.YearsAt(today)
	start, end := p.ActivityStart, p.ActivityEnd
	switch {
	case !offices[p.OfficeCode]:
		t.Fatalf("%s: unknown office %s", p.Number, p.OfficeCode)
	case age < 18 || age > 80:
		t.Fatalf("%s: titolare aged %d", p.Number, age)
	case start.Before(civil.Date{Year: 1990, Month: 1, Day: 1}) || start.After(today) || tit.BirthDate.YearsAt(start) < 18:
		t.Fatalf("%s: activity start %s, titolare born %s", p.Number, start, tit.BirthDate)
	case (p.Status == registry.StatusClosed) != !end.IsZero() || (!end.IsZero() && !end.After(start)):
		t.Fatalf("%s: status %s, %s–%s", p.Number, p.Status, start, end)
	case p.Post1996 != (start.Year >= 1996 && tit.BirthDate.Year >= 1976):
		t.Fatalf("%s: post1996 %v, start %s, born %s", p.Number, p.Post1996, start, tit.BirthDate)
	case p.Reduction == registry.ReductionOver65 && age <= 65, p.Reduction == registry.ReductionNew2025 && start.Year != 2025:
		t.Fatalf("%s: reduction %s, age %d, start %s", p.Number, p.Reduction, age, start)
	case !slices.ContainsFunc(activities[p.Gestione], func(a activity) bool { return a.desc == p.ActivityDescription }):
		t.Fatalf("%s: activity %q does not fit gestione %s", p.Number, p.ActivityDescription, p.Gestione)
	}
	checkContact(t, p)
	checkMembers(t, p)
	for _, d := range p.Delegations {
		if d.ValidFrom.Before(start) || (d.Status != "active" && (d.ValidTo.IsZero() || !d.ValidTo.Before(today))) {
			t.Fatalf("%s: delegation %+v", p.Number, d)
		}
	}
}

func checkContact(t *testing.T, p store.SeedPosition) {
	t.Helper()
	c := p.Titolare.Contact
	if c == nil {
		t.Fatalf("%s: titolare without contact data", p.Number)
	}
	domain := c.Email[strings.IndexByte(c.Email, '@')+1:]
	if !slices.Contains(mailDomains, domain) || !strings.HasSuffix(c.PEC, "@pec.example.it") ||
		!regexp.MustCompile(`^\+39 3[0-9]{2} [0-9]{7}$`).MatchString(c.Mobile) || len(c.PostalCode) != 5 ||
		c.City == "" || len(c.Province) != 2 {
		t.Fatalf("%s: contact %+v", p.Number, c)
	}
}

func checkMembers(t *testing.T, p store.SeedPosition) {
	t.Helper()
	kind := registry.Coadiutore
	if p.Gestione == registry.Artigiani {
		kind = registry.Coadiuvante
	}
	for i, m := range p.Members {
		if m.SubjectCode != 11+i || m.Kind != kind || m.ValidFrom.Before(p.ActivityStart) ||
			m.Person.BirthDate.YearsAt(m.ValidFrom) < 18 || (i > 0 && m.ValidFrom.Before(p.Members[i-1].ValidFrom)) ||
			(!m.ValidTo.IsZero() && !m.ValidTo.After(m.ValidFrom)) {
			t.Fatalf("%s: member %d %+v", p.Number, i, m)
		}
	}
}
