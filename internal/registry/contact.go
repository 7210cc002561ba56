package registry

import (
	"net/mail"
	"regexp"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/errs"
)

var (
	mobileRe   = regexp.MustCompile(`^\+?[0-9]{6,15}$`)
	postalRe   = regexp.MustCompile(`^[0-9]{5}$`)
	provinceRe = regexp.MustCompile(`^[A-Z]{2}$`)
)

// Normalize trims the fields of c and puts them in canonical form: lower-case
// e-mail addresses, mobile numbers without spaces, upper-case province.
func (c *Contact) Normalize() {
	c.Email = strings.ToLower(strings.TrimSpace(c.Email))
	c.PEC = strings.ToLower(strings.TrimSpace(c.PEC))
	c.Mobile = strings.NewReplacer(" ", "", "-", "", ".", "", "/", "").Replace(strings.TrimSpace(c.Mobile))
	if strings.HasPrefix(c.Mobile, "00") {
		c.Mobile = "+" + c.Mobile[2:]
	}
	c.Street = strings.TrimSpace(c.Street)
	c.PostalCode = strings.TrimSpace(c.PostalCode)
	c.City = strings.TrimSpace(c.City)
	c.Province = strings.ToUpper(strings.TrimSpace(c.Province))
}

// Validate checks the contact data a user entered. Every field is optional,
// but a filled field must be well formed, and an address is all or nothing.
// Problems carry message ids of the user interface catalogue.
func (c Contact) Validate() error {
	var v errs.Validation
	if c.Email != "" && !validEmail(c.Email) {
		v.Add("email", "contact.email.invalid")
	}
	if c.PEC != "" && !validEmail(c.PEC) {
		v.Add("pec", "contact.pec.invalid")
	}
	if c.Mobile != "" && !mobileRe.MatchString(c.Mobile) {
		v.Add("mobile", "contact.mobile.invalid")
	}
	for field, val := range map[string]string{"street": c.Street, "city": c.City} {
		if len(val) > 200 {
			v.Add(field, "contact.too_long")
		}
	}
	if c.hasAddress() {
		if c.Street == "" {
			v.Add("street", "contact.address.incomplete")
		}
		if !postalRe.MatchString(c.PostalCode) {
			v.Add("postal_code", "contact.postal_code.invalid")
		}
		if c.City == "" {
			v.Add("city", "contact.address.incomplete")
		}
		if !provinceRe.MatchString(c.Province) {
			v.Add("province", "contact.province.invalid")
		}
	}
	if c.Email == "" && c.PEC == "" {
		v.Add("email", "contact.email_or_pec.required")
	}
	return v.Err()
}

func (c Contact) hasAddress() bool {
	return c.Street != "" || c.PostalCode != "" || c.City != "" || c.Province != ""
}

// SameAs reports whether c and d hold the same contact data once both are
// normalized (so "333 123 4567" and "3331234567" are the same mobile).
func (c Contact) SameAs(d Contact) bool {
	c.Normalize()
	d.Normalize()
	return c.Email == d.Email && c.PEC == d.PEC && c.Mobile == d.Mobile && c.Street == d.Street &&
		c.PostalCode == d.PostalCode && c.City == d.City && c.Province == d.Province
}

func validEmail(s string) bool {
	if len(s) > 254 || strings.ContainsAny(s, " <>\"") {
		return false
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	return at > 0 && strings.Contains(s[at+1:], ".")
}
