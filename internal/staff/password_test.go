package staff_test

import (
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/staff"
)

func TestHashPasswordRoundTrip(t *testing.T) {
	h, err := staff.HashPassword("Correct-Horse-9", staff.DefaultParams())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=65536,t=3,p=2$") {
		t.Fatalf("hash %q is not the PHC string of the default parameters", h)
	}
	p, salt, key, err := staff.ParseHash(h)
	if err != nil || p != staff.DefaultParams() || len(salt) != 16 || len(key) != 32 {
		t.Fatalf("parse: %+v salt %d key %d %v", p, len(salt), len(key), err)
	}
	if ok, err := staff.VerifyPassword("Correct-Horse-9", h); !ok || err != nil {
		t.Fatalf("right password refused: %v", err)
	}
	if ok, _ := staff.VerifyPassword("Correct-Horse-8", h); ok {
		t.Fatal("wrong password accepted")
	}
	if staff.NeedsRehash(h, staff.DefaultParams()) {
		t.Fatal("a hash with the current parameters needs no rehash")
	}
	stronger := staff.DefaultParams()
	stronger.Time = 4
	if !staff.NeedsRehash(h, stronger) {
		t.Fatal("a hash with weaker parameters must be rehashed")
	}
	h2, _ := staff.HashPassword("Correct-Horse-9", staff.DefaultParams())
	if h2 == h {
		t.Fatal("two hashes of the same password are equal: the salt is not random")
	}
}

// The reference implementation's test vectors (phc-winner-argon2 src/test.c)
// verify, so stored hashes are portable to and from other implementations.
func TestVerifyPasswordReferenceVectors(t *testing.T) {
	for _, h := range []string{
		"$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
		"$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
	} {
		if ok, err := staff.VerifyPassword("password", h); !ok || err != nil {
			t.Fatalf("%s: reference password refused: %v", h, err)
		}
		if ok, _ := staff.VerifyPassword("passwore", h); ok {
			t.Fatalf("%s: wrong password accepted", h)
		}
	}
}

func TestParseHashRejectsMalformed(t *testing.T) {
	salt, key := "c29tZXNhbHQ", "CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"
	for _, h := range []string{
		"",
		"plain",
		"$argon2i$v=19$m=65536,t=2,p=1$" + salt + "$" + key,
		"$argon2id$v=16$m=65536,t=2,p=1$" + salt + "$" + key,
		"$argon2id$v=19$t=2,m=65536,p=1$" + salt + "$" + key,
		"$argon2id$v=19$m=65536,t=2$" + salt + "$" + key,
		"$argon2id$v=19$m=65536,t=0,p=1$" + salt + "$" + key,
		"$argon2id$v=19$m=65536,t=2,p=0$" + salt + "$" + key,
		"$argon2id$v=19$m=99999999,t=2,p=1$" + salt + "$" + key,
		"$argon2id$v=19$m=65536,t=2,p=1$" + salt + "$" + key + "$",
		"$argon2id$v=19$m=65536,t=2,p=1$not base64!$" + key,
		"$argon2id$v=19$m=65536,t=2,p=1$" + salt + "$c2hvcnQ",
	} {
		if _, _, _, err := staff.ParseHash(h); err == nil {
			t.Errorf("ParseHash(%q) accepted a malformed hash", h)
		}
		if ok, err := staff.VerifyPassword("password", h); ok || err == nil {
			t.Errorf("VerifyPassword(%q) = %v, %v; want an error", h, ok, err)
		}
	}
}

func TestCheckPassword(t *testing.T) {
	cases := []struct{ password, want string }{
		{"Correct-Horse-9", ""},
		{"correct horse battery", ""}, // lower case and spaces: two classes
		{"Short-1", "staff.password.too_short"},
		{"alllowercaseletters", "staff.password.one_class"},
		{"123456789012345", "staff.password.one_class"},
		{strings.Repeat("aB3", 50), "staff.password.too_long"},
		{"xx-MRossi-2026", "staff.password.contains_username"},
	}
	for _, c := range cases {
		err := staff.CheckPassword(c.password, "mrossi")
		got := ""
		if f := errs.Fields(err); len(f) == 1 && f[0].Field == "password" {
			got = f[0].Message
		} else if err != nil {
			t.Fatalf("%q: unexpected error %v", c.password, err)
		}
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.password, got, c.want)
		}
	}
}

func TestGeneratePasswordPassesThePolicy(t *testing.T) {
	seen := map[string]bool{}
	for range 20 {
		p, err := staff.GeneratePassword()
		if err != nil {
			t.Fatal(err)
		}
		if err := staff.CheckPassword(p, ""); err != nil || len(p) != 20 || seen[p] {
			t.Fatalf("generated %q: %v (or a repeat)", p, err)
		}
		seen[p] = true
	}
}
