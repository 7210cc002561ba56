package bench

import "fmt"

// The unique text keys of a copy keep their length and format.
//
// Position numbers (8 digits): block k adds k × the width of the
// template's range, the fixed identities' and the random positions'
// separately, so each copy's numbers follow the previous copy's and stay
// in their range.
//
// Codelines (17 digits, internal/contrib/codeline) begin with the position
// number and end with two MOD 97-10 check digits over a 27-digit N whose
// first 8 digits are that number: adding Δ to the number adds Δ·10¹⁹ to
// N, so the new check digits follow from the old ones, and a copied code
// stays valid for its sede and amount without knowing either.
//
// Codici fiscali (16 characters): the first 11 (names, year, month and day
// of birth) stay; the last 5 encode the copied person's id in the classes
// of a codice fiscale: a letter N–Y (never the first letter of a Belfiore
// code, so never a template's), three digits or omocodia letters and a
// letter. The check character is not recomputed: nothing reads stored
// codes back (registry.Person.Validate checks only what a user enters).
//
// Notice numbers (SERIES-YEAR-NNNNNNN): block k adds k × (largest
// sequence + 1) to the 7-digit sequence.

// cfCapacity is the number of person ids the codici fiscali encode.
const cfCapacity = 12 * 20 * 20 * 20 * 26

// cfDigits are the characters of a digit position of a codice fiscale.
const cfDigits = "0123456789LMNPQRSTUV"

// pow19Mod97 is 10¹⁹ mod 97.
var pow19Mod97 = func() int64 {
	r := int64(1)
	for range 19 {
		r = r * 10 % 97
	}
	return r
}()

// number is the position number s (8 digits) moved to the block.
func (b cloneBlock) number(s string) string {
	return fmt.Sprintf("CASE WHEN %[1]s < '20000000' THEN CAST(CAST(%[1]s AS BIGINT) + %[2]d AS TEXT) "+
		"ELSE CAST(CAST(%[1]s AS BIGINT) + %[3]d AS TEXT) END", s, b.fixedShift, b.randShift)
}

// codeline is the 17-digit code in col with its position number moved to
// the block and its check digits recomputed; other values, and codes that
// name no number of the template (the history's wrong codes), stay.
func (b cloneBlock) codeline(col string) string {
	moved := func(shift int64) string {
		d := shift % 97 * pow19Mod97 % 97
		return fmt.Sprintf("CAST(CAST(substr(%[1]s, 1, 8) AS BIGINT) + %[2]d AS TEXT) || substr(%[1]s, 9, 7) || "+
			"substr(CAST(198 - (98 - CAST(substr(%[1]s, 16, 2) AS BIGINT) + %[3]d) %% 97 AS TEXT), 2)", col, shift, d)
	}
	return fmt.Sprintf("CASE WHEN length(%[1]s) <> 17 THEN %[1]s "+
		"WHEN substr(%[1]s, 1, 8) BETWEEN '%08[2]d' AND '%08[3]d' THEN %[4]s "+
		"WHEN substr(%[1]s, 1, 8) BETWEEN '%08[5]d' AND '%08[6]d' THEN %[7]s ELSE %[1]s END",
		col, b.fixedLo, b.fixedHi, moved(b.fixedShift), b.randLo, b.randHi, moved(b.randShift))
}

// noticeNumber is the notice number in col with its sequence moved.
func (b cloneBlock) noticeNumber(col string) string {
	return fmt.Sprintf("substr(%[1]s, 1, length(%[1]s) - 7) || "+
		"substr(CAST(10000000 + CAST(substr(%[1]s, length(%[1]s) - 6) AS BIGINT) + %[2]d AS TEXT), 2)", col, b.noticeShift)
}

// cfExpr is the codice fiscale in col of the person whose id is id.
func cfExpr(col, id string) string {
	digit := func(div int) string {
		return fmt.Sprintf("substr('%s', CAST((%s) / %d %% 20 AS INTEGER) + 1, 1)", cfDigits, id, div)
	}
	return fmt.Sprintf("substr(%[1]s, 1, 11) || substr('NOPQRSTUVWXY', CAST((%[2]s) / %[3]d %% 12 AS INTEGER) + 1, 1) || "+
		"%[4]s || %[5]s || %[6]s || substr('ABCDEFGHIJKLMNOPQRSTUVWXYZ', CAST((%[2]s) %% 26 AS INTEGER) + 1, 1)",
		col, id, 26*20*20*20, digit(26*20*20), digit(26*20), digit(26))
}
