package registry

import (
	"strings"

	"github.com/cassetto-dev/cassetto/internal/codicefiscale"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

// Normalize trims the fields of p and upper-cases the codes.
func (p *Person) Normalize() {
	p.CodiceFiscale = codicefiscale.Normalize(p.CodiceFiscale)
	p.GivenName = strings.TrimSpace(p.GivenName)
	p.FamilyName = strings.TrimSpace(p.FamilyName)
	p.Sex = strings.ToUpper(strings.TrimSpace(p.Sex))
	p.BirthplaceCode = strings.ToUpper(strings.TrimSpace(p.BirthplaceCode))
}

// Validate checks a person before it is stored: a well-formed codice
// fiscale (check character, omocodia allowed) that agrees with the sex, the
// birth date and the birthplace, and the names.
func (p Person) Validate() error {
	var v errs.Validation
	if p.GivenName == "" {
		v.Add("given_name", "person.given_name.required")
	}
	if p.FamilyName == "" {
		v.Add("family_name", "person.family_name.required")
	}
	if p.Sex != "M" && p.Sex != "F" {
		v.Add("sex", "person.sex.invalid")
	}
	if p.BirthDate.IsZero() {
		v.Add("birth_date", "person.birth_date.required")
	}
	sex, day, month, yy, place, err := codicefiscale.Decode(p.CodiceFiscale)
	if err != nil {
		for _, f := range errs.Fields(err) {
			v.Add("codice_fiscale", f.Message)
		}
		if e, ok := err.(*errs.Error); ok && len(e.Fields) == 0 {
			v.Add("codice_fiscale", e.Message)
		}
		return v.Err()
	}
	b := p.BirthDate
	if sex != p.Sex || day != b.Day || month != int(b.Month) || yy != b.Year%100 || place != p.BirthplaceCode {
		v.Add("codice_fiscale", "cf.mismatch")
	}
	return v.Err()
}
