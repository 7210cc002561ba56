package staff

import (
	"crypto/rand"
	"fmt"
	"math/big"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cassetto-dev/cassetto/internal/errs"
)

// Password length limits, in characters. The upper limit only bounds the
// work done on a hostile input; argon2 accepts any length.
const (
	MinPasswordLen = 12
	MaxPasswordLen = 128
)

// CheckPassword applies the password policy: at least MinPasswordLen
// characters, at most MaxPasswordLen, characters of at least two classes
// (lower case, upper case, digits, others), and not containing the username.
// Problems are reported on field "password".
func CheckPassword(password, username string) error {
	var v errs.Validation
	n := utf8.RuneCountInString(password)
	switch {
	case !utf8.ValidString(password):
		v.Add("password", "staff.password.invalid")
	case n < MinPasswordLen:
		v.Add("password", "staff.password.too_short")
	case n > MaxPasswordLen:
		v.Add("password", "staff.password.too_long")
	case charClasses(password) < 2:
		v.Add("password", "staff.password.one_class")
	case username != "" && strings.Contains(strings.ToLower(password), strings.ToLower(username)):
		v.Add("password", "staff.password.contains_username")
	}
	return v.Err()
}

// charClasses counts the classes present in s: lower, upper, digit, other.
func charClasses(s string) int {
	var seen [4]bool
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			seen[0] = true
		case unicode.IsUpper(r):
			seen[1] = true
		case unicode.IsDigit(r):
			seen[2] = true
		default:
			seen[3] = true
		}
	}
	n := 0
	for _, ok := range seen {
		if ok {
			n++
		}
	}
	return n
}

// passwordAlphabet leaves out characters easily confused when read aloud or
// copied by hand (0/O, 1/l/I).
const passwordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"

// GeneratePassword returns a random 20-character password (about 116 bits)
// that satisfies the policy.
func GeneratePassword() (string, error) {
	max := big.NewInt(int64(len(passwordAlphabet)))
	for {
		var b strings.Builder
		for range 20 {
			i, err := rand.Int(rand.Reader, max)
			if err != nil {
				return "", fmt.Errorf("staff: generate password: %w", err)
			}
			b.WriteByte(passwordAlphabet[i.Int64()])
		}
		if CheckPassword(b.String(), "") == nil {
			return b.String(), nil
		}
	}
}
