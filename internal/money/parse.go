package money

import (
	"fmt"
	"strings"
)

// Parse reads an amount in the machine format: optional minus sign, whole
// euros, optionally a dot and one or two decimals ("1137.43", "30000", "-0.5").
// Thousands separators, commas and more than two decimals are errors.
func Parse(s string) (Cents, error) {
	neg, body := cutSign(strings.TrimSpace(s))
	euros, dec, hasDec := strings.Cut(body, ".")
	c, ok := build(euros, dec, hasDec)
	if !ok {
		return 0, fmt.Errorf("money: %q is not an amount like 1137.43", s)
	}
	return signed(neg, c), nil
}

// ParseItalian reads an amount as Italians write it: dots between thousands,
// a decimal comma and an optional euro sign ("1.137,43 €", "1137,43", "€ 50").
func ParseItalian(s string) (Cents, error) {
	t := strings.TrimSpace(s)
	t = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(t, "€"), "€"))
	neg, body := cutSign(t)
	euros, dec, hasDec := strings.Cut(body, ",")
	euros, okGroups := ungroup(euros)
	c, ok := build(euros, dec, hasDec)
	if !ok || !okGroups {
		return 0, fmt.Errorf("money: %q is not an amount like 1.137,43", s)
	}
	return signed(neg, c), nil
}

func cutSign(s string) (bool, string) {
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		return true, rest
	}
	return false, s
}

func signed(neg bool, c Cents) Cents {
	if neg {
		return -c
	}
	return c
}

// build combines whole euros and up to two decimals, refusing anything above Max.
func build(euros, dec string, hasDec bool) (Cents, bool) {
	if euros == "" || !allDigits(euros) || (hasDec && (dec == "" || len(dec) > 2 || !allDigits(dec))) {
		return 0, false
	}
	var c Cents
	for _, r := range euros {
		c = c*10 + Cents(r-'0')
		if c > Max/100 {
			return 0, false
		}
	}
	c *= 100
	if len(dec) >= 1 {
		c += Cents(dec[0]-'0') * 10
	}
	if len(dec) == 2 {
		c += Cents(dec[1] - '0')
	}
	return c, c <= Max
}

// ungroup removes thousands dots, checking groups of three digits.
func ungroup(s string) (string, bool) {
	if !strings.Contains(s, ".") {
		return s, true
	}
	parts := strings.Split(s, ".")
	if len(parts[0]) < 1 || len(parts[0]) > 3 {
		return "", false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 {
			return "", false
		}
	}
	return strings.Join(parts, ""), true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
