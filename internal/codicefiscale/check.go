package codicefiscale

// oddValues gives the value of a character in an odd position (1st, 3rd, …,
// 15th), indexed by digit or letter (0–9 and A–Z share the same values).
var oddValues = [26]int{1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23}

// checkChar computes the check character of the first 15 characters of a
// well-formed codice fiscale.
func checkChar(cf15 string) byte {
	sum := 0
	for i := 0; i < 15; i++ {
		v := charIndex(cf15[i])
		if i%2 == 0 { // 1st, 3rd, … in the 1-based count of the decree
			sum += oddValues[v]
		} else {
			sum += v
		}
	}
	return byte('A' + sum%26)
}

// charIndex maps '0'–'9' to 0–9 and 'A'–'Z' to 0–25.
func charIndex(c byte) int {
	if isDigit(c) {
		return int(c - '0')
	}
	return int(c - 'A')
}

// Omocode returns the n-th omocodia variant of a valid codice fiscale: its n
// rightmost substitutable digits replaced by letters (0→L … 9→V) and the
// check character recomputed. n is clamped to 0–7; 0, or a cf that is not
// well formed, returns cf unchanged.
func Omocode(cf string, n int) string {
	n = max(0, min(n, len(omocodePositions)))
	if n == 0 || !wellFormed(cf) {
		return cf
	}
	b := []byte(deomocode(cf))
	for _, i := range omocodePositions[:n] {
		b[i] = omocodeLetters[b[i]-'0']
	}
	b[15] = checkChar(string(b[:15]))
	return string(b)
}
