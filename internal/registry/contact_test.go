package registry

import (
	"testing"

	"github.com/cassetto-dev/cassetto/internal/errs"
)

func TestContactValidate(t *testing.T) {
	ok := Contact{Email: "mario.rossi@example.it", Mobile: "+393331234567",
		Street: "Via Roma 1", PostalCode: "00100", City: "Roma", Province: "RM"}
	if err := ok.Validate(); err != nil {
		t.Fatalf("valid contact refused: %v", err)
	}
	cases := []struct {
		name  string
		c     Contact
		field string
		msg   string
	}{
		{"bad email", Contact{Email: "mario@"}, "email", "contact.email.invalid"},
		{"email with name", Contact{Email: "Mario <m@x.it>"}, "email", "contact.email.invalid"},
		{"bad pec", Contact{Email: "a@b.it", PEC: "nope"}, "pec", "contact.pec.invalid"},
		{"bad mobile", Contact{Email: "a@b.it", Mobile: "33x"}, "mobile", "contact.mobile.invalid"},
		{"bad cap", Contact{Email: "a@b.it", Street: "Via X", PostalCode: "001", City: "Roma", Province: "RM"}, "postal_code", "contact.postal_code.invalid"},
		{"half address", Contact{Email: "a@b.it", City: "Roma"}, "street", "contact.address.incomplete"},
		{"bad province", Contact{Email: "a@b.it", Street: "Via X", PostalCode: "00100", City: "Roma", Province: "R1"}, "province", "contact.province.invalid"},
		{"no email nor pec", Contact{Mobile: "3331234567"}, "email", "contact.email_or_pec.required"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.c.Normalize()
			err := tc.c.Validate()
			if !errs.Is(err, errs.Invalid) {
				t.Fatalf("got %v, want invalid", err)
			}
			for _, f := range errs.Fields(err) {
				if f.Field == tc.field && f.Message == tc.msg {
					return
				}
			}
			t.Fatalf("fields %v lack %s=%s", errs.Fields(err), tc.field, tc.msg)
		})
	}
}

func TestContactNormalize(t *testing.T) {
	c := Contact{Email: " Mario.Rossi@Example.IT ", Mobile: "0039 333 123-4567", Province: "rm"}
	c.Normalize()
	if c.Email != "mario.rossi@example.it" || c.Mobile != "+393331234567" || c.Province != "RM" {
		t.Fatalf("normalized to %+v", c)
	}
}

func TestSameAsComparesNormalizedData(t *testing.T) {
	stored := Contact{Email: "a@b.it", Mobile: "+39 333 123 4567", Province: "mi"}
	form := Contact{Email: "A@B.IT ", Mobile: "+393331234567", Province: "MI"}
	if !form.SameAs(stored) {
		t.Fatal("the same data written differently must count as unchanged")
	}
	if form.SameAs(Contact{Email: "a@b.it", Mobile: "+393331234568", Province: "MI"}) {
		t.Fatal("a different mobile must count as a change")
	}
}
