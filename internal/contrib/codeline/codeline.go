// Package codeline makes and checks the 17-digit codice INPS of a payment in
// this project's format (RULES.md P5): position number (8 digits), subject
// (2), rata (1), contribution year mod 100 (2), emission sequence (2) and two
// ISO 7064 MOD 97-10 check digits computed over those 15 digits, the 4-digit
// codice sede and the amount in whole euros (6 digits). A code is therefore
// valid only for its sede and its amount. Wrong inputs are
// *contrib.InputError values naming the input.
package codeline

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// Rata values (digit 11 of the code).
const (
	Fixed1    = 1 // fixed rates 1–4 are 1–4
	Saldo     = 5 // saldo of the above-minimale contribution
	Acconto1  = 6 // first acconto
	Acconto2  = 7 // second acconto
	Dilazione = 8 // instalment of a dilazione
	Other     = 9 // anything else
)

// Fields are the parts of a code besides its check digits.
type Fields struct {
	Position int `json:"position"` // codice azienda, up to 8 digits
	Subject  int `json:"subject"`  // 10 titolare, 11–19 collaboratori in order of registration
	Rata     int `json:"rata"`     // 1–4 fixed rates, 5 saldo, 6–7 acconti, 8 dilazione, 9 other
	Year     int `json:"year"`     // contribution year; the code keeps it mod 100 (decoded as 20yy)
	Seq      int `json:"seq"`      // emission sequence, 1 first emission
}

// ErrCheck is returned by Verify when the check digits do not match the sede
// and amount.
var ErrCheck = errors.New("codeline: the check digits do not match the sede and amount")

// Make returns the 17-digit code of f for a payment of amount to sede.
func Make(f Fields, sede string, amount money.Cents) (string, error) {
	if err := f.validate(); err != nil {
		return "", err
	}
	if err := CheckPayment(sede, amount); err != nil {
		return "", err
	}
	var buf [17]byte
	b := f.appendBody(buf[:0])
	return string(appendCheck(b, b, sede, amount)), nil
}

// Check returns the two check digits of the 15-digit body for sede and amount:
// 98 − (N·100 mod 97), N being body, sede and the whole euros of amount
// zero-padded to 6 digits.
func Check(body, sede string, amount money.Cents) (string, error) {
	if len(body) != 15 || !digits(body) {
		return "", fmt.Errorf("codeline: %q is not 15 digits", body)
	}
	if err := CheckPayment(sede, amount); err != nil {
		return "", err
	}
	var buf [2]byte
	return string(appendCheck(buf[:0], body, sede, amount)), nil
}

// appendCheck appends to dst the two check digits of body for sede and
// amount, both already validated.
func appendCheck[T ~string | ~[]byte](dst []byte, body T, sede string, amount money.Cents) []byte {
	var euros [6]byte
	r := mod97(0, body)
	r = mod97(r, sede)
	r = mod97(r, civil.AppendPadded(euros[:0], int(amount.WholeEuros()), 6))
	r = r * 100 % 97
	return civil.AppendPadded(dst, 98-r, 2)
}

// CheckPayment reports whether sede and amount can enter a code: a 4-digit
// codice sede and an amount from 0 to 999,999.99 euro.
func CheckPayment(sede string, amount money.Cents) error {
	switch {
	case len(sede) != 4 || !digits(sede):
		return want("sede", "the 4-digit codice sede, like 1300")
	case amount < 0 || amount.WholeEuros() > 999_999:
		return want("amount", "an amount from 0 to 999999.99, like 1137.43")
	}
	return nil
}

// Parse splits a code into its fields without checking the check digits.
func Parse(code string) (Fields, error) {
	if len(code) != 17 || !digits(code) {
		return Fields{}, fmt.Errorf("codeline: %q is not 17 digits", code)
	}
	num := func(from, to int) int { v, _ := strconv.Atoi(code[from:to]); return v }
	f := Fields{Position: num(0, 8), Subject: num(8, 10), Rata: num(10, 11), Year: 2000 + num(11, 13), Seq: num(13, 15)}
	return f, f.validate()
}

// PrefixLen is the number of leading digits that name what a code pays:
// position, subject, rata and year. The codes re-generated for one due
// share them and differ in the emission sequence and check digits.
const PrefixLen = 13

// Prefix returns the first PrefixLen digits of code, and false when code is
// not 17 digits.
func Prefix(code string) (string, bool) {
	if len(code) != 17 || !digits(code) {
		return "", false
	}
	return code[:PrefixLen], true
}

// Verify parses code and checks it against sede and amount; a mismatch is
// ErrCheck (the fields are returned all the same).
func Verify(code, sede string, amount money.Cents) (Fields, error) {
	f, err := Parse(code)
	if err != nil {
		return f, err
	}
	check, err := Check(code[:15], sede, amount)
	if err != nil {
		return f, err
	}
	if check != code[15:] {
		return f, ErrCheck
	}
	return f, nil
}

// appendBody appends the 15 digits of f, already validated, to b.
func (f Fields) appendBody(b []byte) []byte {
	b = civil.AppendPadded(b, f.Position, 8)
	b = civil.AppendPadded(b, f.Subject, 2)
	b = civil.AppendPadded(b, f.Rata, 1)
	b = civil.AppendPadded(b, f.Year%100, 2)
	return civil.AppendPadded(b, f.Seq, 2)
}

func (f Fields) validate() error {
	switch {
	case f.Position < 1 || f.Position > 99_999_999:
		return want("position", "the position number, 1 to 8 digits")
	case f.Subject < 10 || f.Subject > 19:
		return want("subject", "10 (titolare) or 11 to 19 (collaboratori)")
	case f.Rata < 1 || f.Rata > 9:
		return want("rata", "1 to 4 (fixed rates), 5 saldo, 6 acconto 1, 7 acconto 2, 8 dilazione or 9 other")
	case f.Year < 2000 || f.Year > 2099:
		return want("year", "a year from 2000 to 2099")
	case f.Seq < 1 || f.Seq > 99:
		return want("seq", "an emission sequence from 1 to 99")
	}
	return nil
}

// RataName describes a rata value in English.
func RataName(rata int) string {
	switch {
	case rata >= 1 && rata <= 4:
		return "fixed rate " + strconv.Itoa(rata)
	case rata == Saldo:
		return "saldo"
	case rata == Acconto1:
		return "acconto 1"
	case rata == Acconto2:
		return "acconto 2"
	case rata == Dilazione:
		return "dilazione"
	case rata == Other:
		return "other"
	}
	return "unknown"
}

// mod97 returns the decimal number whose digits are those of r followed by
// the digits n, mod 97 (r < 97): mod97(0, n) is n mod 97.
func mod97[T ~string | ~[]byte](r int, n T) int {
	for i := 0; i < len(n); i++ {
		r = (r*10 + int(n[i]-'0')) % 97
	}
	return r
}

// want is an error naming the input at fault and what it accepts.
func want(field, what string) error { return &contrib.InputError{Field: field, Want: what} }

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
