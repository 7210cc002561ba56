package codicefiscale

import (
	"strings"
	"unicode/utf8"

	"github.com/cassetto-dev/cassetto/internal/errs"
)

// The message ids of the validation errors.
const (
	MsgLength = "cf.length" // not 16 characters
	MsgFormat = "cf.format" // letters and digits in the wrong places
	MsgDate   = "cf.date"   // no such month letter or day of birth
	MsgCheck  = "cf.check"  // the check character does not match
)

// Length is the number of characters of a codice fiscale.
const Length = 16

// omocodePositions are the 0-based positions of the digits that omocodia
// may replace by letters, from the rightmost, the order of substitution.
var omocodePositions = [7]int{14, 13, 12, 10, 9, 7, 6}

// omocodeLetters replaces digit d by omocodeLetters[d].
const omocodeLetters = "LMNPQRSTUV"

// monthLetters holds the letter of each month, January first.
const monthLetters = "ABCDEHLMPRST"

// Normalize trims spaces and upper-cases s: the form Validate expects.
func Normalize(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }

// Validate checks a normalised codice fiscale: length, format (omocodia
// allowed), month letter, day of birth (1–31 for men, 41–71 for women,
// within the days of the month) and check character.
func Validate(cf string) error {
	_, _, _, _, _, err := Decode(cf)
	return err
}

// Decode validates cf and returns what it encodes: sex ("M" or "F"), day and
// month of birth, the last two digits of the year of birth and the Belfiore
// code of the birthplace, with any omocodia undone.
func Decode(cf string) (sex string, birthDay, birthMonth, yy int, belfiore string, err error) {
	if utf8.RuneCountInString(cf) != Length {
		return "", 0, 0, 0, "", errs.E(errs.Invalid, MsgLength)
	}
	if !wellFormed(cf) {
		return "", 0, 0, 0, "", errs.E(errs.Invalid, MsgFormat)
	}
	plain := deomocode(cf)
	birthMonth = strings.IndexByte(monthLetters, plain[8]) + 1
	day := atoi(plain[9:11])
	sex = "M"
	if day > 40 {
		sex, day = "F", day-40
	}
	if birthMonth == 0 || day < 1 || day > daysIn(birthMonth) {
		return "", 0, 0, 0, "", errs.E(errs.Invalid, MsgDate)
	}
	if checkChar(cf[:15]) != cf[15] {
		return "", 0, 0, 0, "", errs.E(errs.Invalid, MsgCheck)
	}
	return sex, day, birthMonth, atoi(plain[6:8]), plain[11:15], nil
}

// wellFormed reports whether cf has letters and digits (or omocodia letters)
// in the right places. cf is 16 runes; any non-ASCII rune fails.
func wellFormed(cf string) bool {
	if len(cf) != Length {
		return false
	}
	for i := 0; i < Length; i++ {
		c := cf[i]
		switch i {
		case 6, 7, 9, 10, 12, 13, 14:
			if !isDigit(c) && strings.IndexByte(omocodeLetters, c) < 0 {
				return false
			}
		default:
			if !isLetter(c) {
				return false
			}
		}
	}
	return true
}

// deomocode returns cf with omocodia letters turned back into digits.
func deomocode(cf string) string {
	b := []byte(cf)
	for _, i := range omocodePositions {
		if k := strings.IndexByte(omocodeLetters, b[i]); k >= 0 {
			b[i] = byte('0' + k)
		}
	}
	return string(b)
}

// daysIn returns the longest month length of month m (29 for February: the
// century of the year is not in the code).
func daysIn(m int) int {
	switch m {
	case 2:
		return 29
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'A' && c <= 'Z' }

// atoi converts a string of ASCII digits.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
