package codicefiscale

import (
	"strings"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
)

// Compute returns the codice fiscale of a person (without omocodia): three
// letters of the family name, three of the given name, year, month letter,
// day (plus 40 for women, sex "F"), the Belfiore code of the birthplace and
// the check character. belfiore must be a letter and three digits, e.g.
// "F205" (Milano) or "Z404" (born in the USA).
func Compute(family, given string, sex string, birth civil.Date, belfiore string) string {
	var b strings.Builder
	b.Grow(Length)
	b.WriteString(familyCode(family))
	b.WriteString(givenCode(given))
	b.WriteString(twoDigits(birth.Year % 100))
	b.WriteByte(monthLetter(birth.Month))
	day := birth.Day
	if strings.EqualFold(sex, "F") {
		day += 40
	}
	b.WriteString(twoDigits(day))
	b.WriteString(strings.ToUpper(belfiore))
	s := b.String()
	if !wellFormed(s + "X") {
		return s // a bad belfiore or date: no check character to compute
	}
	return s + string(checkChar(s))
}

// familyCode is consonants, then vowels, then X, the first three.
func familyCode(name string) string {
	cons, vows := split(name)
	return pad(cons + vows)
}

// givenCode is like familyCode, except that a given name with four or more
// consonants takes the 1st, 3rd and 4th.
func givenCode(name string) string {
	cons, vows := split(name)
	if len(cons) >= 4 {
		return cons[:1] + cons[2:4]
	}
	return pad(cons + vows)
}

// monthLetter returns the letter of month m, or '?' for no month.
func monthLetter(m time.Month) byte {
	if m < time.January || m > time.December {
		return '?'
	}
	return monthLetters[m-1]
}

func pad(s string) string { return (s + "XXX")[:3] }

// split returns the consonants and the vowels of name, upper-cased, with
// accents removed and anything that is not a letter dropped.
func split(name string) (cons, vows string) {
	var c, v strings.Builder
	for _, r := range strings.ToUpper(name) {
		r = unaccent(r)
		switch {
		case strings.ContainsRune("AEIOU", r):
			v.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			c.WriteRune(r)
		}
	}
	return c.String(), v.String()
}

// unaccent maps the accented capitals found in Italian names to plain ones.
func unaccent(r rune) rune {
	switch {
	case strings.ContainsRune("ÀÁÂÃÄÅ", r):
		return 'A'
	case strings.ContainsRune("ÈÉÊË", r):
		return 'E'
	case strings.ContainsRune("ÌÍÎÏ", r):
		return 'I'
	case strings.ContainsRune("ÒÓÔÕÖ", r):
		return 'O'
	case strings.ContainsRune("ÙÚÛÜ", r):
		return 'U'
	case r == 'Ç':
		return 'C'
	case r == 'Ñ':
		return 'N'
	}
	return r
}

func twoDigits(n int) string {
	if n < 0 {
		n = -n
	}
	return string([]byte{byte('0' + n/10%10), byte('0' + n%10)})
}
