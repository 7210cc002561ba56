package registry

import (
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/codicefiscale"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

func validPerson() Person {
	p := Person{GivenName: "Marco", FamilyName: "Bianchi", Sex: "M", BirthDate: civil.MustParse("1978-04-12"), BirthplaceCode: "F205"}
	p.CodiceFiscale = codicefiscale.Compute(p.FamilyName, p.GivenName, p.Sex, p.BirthDate, p.BirthplaceCode)
	return p
}

func TestPersonValidate(t *testing.T) {
	if err := validPerson().Validate(); err != nil {
		t.Fatalf("valid person refused: %v", err)
	}
	omocode := validPerson()
	omocode.CodiceFiscale = codicefiscale.Omocode(omocode.CodiceFiscale, 1)
	if err := omocode.Validate(); err != nil {
		t.Fatalf("omocodic codice fiscale refused: %v", err)
	}
	cases := map[string]struct {
		change func(*Person)
		msg    string
	}{
		"short":        {func(p *Person) { p.CodiceFiscale = p.CodiceFiscale[:15] }, "cf.length"},
		"format":       {func(p *Person) { p.CodiceFiscale = "1" + p.CodiceFiscale[1:] }, "cf.format"},
		"check":        {func(p *Person) { p.CodiceFiscale = p.CodiceFiscale[:15] + flip(p.CodiceFiscale[15]) }, "cf.check"},
		"wrong sex":    {func(p *Person) { p.Sex = "F" }, "cf.mismatch"},
		"wrong birth":  {func(p *Person) { p.BirthDate = civil.MustParse("1978-04-13") }, "cf.mismatch"},
		"wrong place":  {func(p *Person) { p.BirthplaceCode = "H501" }, "cf.mismatch"},
		"missing name": {func(p *Person) { p.GivenName = "" }, "person.given_name.required"},
	}
	for name, tc := range cases {
		p := validPerson()
		tc.change(&p)
		err := p.Validate()
		found := false
		for _, f := range errs.Fields(err) {
			found = found || f.Message == tc.msg
		}
		if !found {
			t.Errorf("%s: got %v, want %s", name, err, tc.msg)
		}
	}
}

func flip(c byte) string {
	if c == 'A' {
		return "B"
	}
	return "A"
}
