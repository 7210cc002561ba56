package ledger

import (
	"errors"
	"fmt"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/codicefiscale"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/contrib/codeline"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// PaymentLineError is a line of a payments file that was refused, and why.
type PaymentLineError struct {
	Line   int    // 1-based line number (the header is line 1)
	Field  string // the column at fault, "" for the whole line
	Reason string
}

// Error says where and why.
func (e *PaymentLineError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("line %d: %s", e.Line, e.Reason)
	}
	return fmt.Sprintf("line %d: %s %s", e.Line, e.Field, e.Reason)
}

// IsCausale reports whether c is an F24 causale of the gestioni artigiani
// and commercianti (RULES.md P8): AF CF AP CP APR CPR API CPI AD CD.
func IsCausale(c string) bool {
	switch c {
	case "AF", "CF", "AP", "CP", "APR", "CPR", "API", "CPI", "AD", "CD":
		return true
	}
	return false
}

// maxLineAmount is the largest importo an F24 line (and a codice INPS) carries.
const maxLineAmount = money.Cents(99_999_999)

// ParseF24Line validates the fields of one line (in the order of F24Header)
// and returns the payment it records, without IDs, key or source. today is
// the import date: a payment cannot be dated after it. A refused line is a
// *PaymentLineError naming the column. A codice INPS must be well formed (17
// digits, valid fields); one that does not verify against the sede and the
// amount is accepted, and the payment is then matched by codice fiscale,
// causale and period instead of by code.
func ParseF24Line(line int, fields []string, decimalComma bool, today civil.Date) (Payment, error) {
	var p Payment
	fail := func(field, format string, a ...any) (Payment, error) {
		return Payment{}, &PaymentLineError{Line: line, Field: field, Reason: fmt.Sprintf(format, a...)}
	}
	var err error
	if p.PaidOn, err = civil.Parse(strings.TrimSpace(fields[colPaidOn])); err != nil {
		return fail("data_versamento", "%q is not a date as YYYY-MM-DD", fields[colPaidOn])
	}
	if p.PaidOn.After(today) {
		return fail("data_versamento", "%s is after today (%s)", p.PaidOn, today)
	}
	p.CodiceFiscale = codicefiscale.Normalize(fields[colCodiceFiscale])
	if err := codicefiscale.Validate(p.CodiceFiscale); err != nil {
		return fail("codice_fiscale", "%q is not a valid codice fiscale", fields[colCodiceFiscale])
	}
	if p.CodiceSede = strings.TrimSpace(fields[colSede]); len(p.CodiceSede) != 4 || !f24Digits(p.CodiceSede) {
		return fail("codice_sede", "%q is not a codice sede of 4 digits", fields[colSede])
	}
	if p.Causale = strings.ToUpper(strings.TrimSpace(fields[colCausale])); !IsCausale(p.Causale) {
		return fail("causale", "%q is not a causale of the gestione (AF CF AP CP APR CPR API CPI AD CD)", fields[colCausale])
	}
	if le := parsePeriods(&p, fields); le != nil {
		return fail(le.Field, "%s", le.Reason)
	}
	if le := parseAmounts(&p, fields, decimalComma); le != nil {
		return fail(le.Field, "%s", le.Reason)
	}
	p.CodiceINPS = strings.TrimSpace(fields[colCodiceINPS])
	if _, err := codeline.Parse(p.CodiceINPS); err != nil {
		return fail("codice_inps", "%q is not a codice INPS (17 digits: position, subject, rata, year, sequence, check)", fields[colCodiceINPS])
	}
	return p, nil
}

// parsePeriods reads periodo_da and periodo_a (MM/YYYY, da ≤ a).
func parsePeriods(p *Payment, fields []string) *PaymentLineError {
	var err error
	if p.PeriodFrom, err = parsePeriod(fields[colPeriodFrom]); err != nil {
		return &PaymentLineError{Field: "periodo_da", Reason: err.Error()}
	}
	if p.PeriodTo, err = parsePeriod(fields[colPeriodTo]); err != nil {
		return &PaymentLineError{Field: "periodo_a", Reason: err.Error()}
	}
	if periodIndex(p.PeriodTo) < periodIndex(p.PeriodFrom) {
		return &PaymentLineError{Field: "periodo_a", Reason: fmt.Sprintf("%s is before periodo_da %s", p.PeriodTo.F24(), p.PeriodFrom.F24())}
	}
	return nil
}

// parsePeriod reads an F24 period, MM/YYYY.
func parsePeriod(s string) (contrib.YearMonth, error) {
	s = strings.TrimSpace(s)
	m, err := contrib.ParseYearMonth(s)
	if err != nil || len(s) != 7 || s[2] != '/' || m.Year < 1900 {
		return contrib.YearMonth{}, fmt.Errorf("%q is not a period as MM/YYYY", s)
	}
	return m, nil
}

// parseAmounts reads importo_debito and importo_credito: each from 0 to
// 999,999.99, not both zero; empty means 0.
func parseAmounts(p *Payment, fields []string, decimalComma bool) *PaymentLineError {
	var err error
	if p.Debit, err = parseAmount(fields[colDebit], decimalComma); err != nil {
		return &PaymentLineError{Field: "importo_debito", Reason: err.Error()}
	}
	if p.Credit, err = parseAmount(fields[colCredit], decimalComma); err != nil {
		return &PaymentLineError{Field: "importo_credito", Reason: err.Error()}
	}
	if p.Debit == 0 && p.Credit == 0 {
		return &PaymentLineError{Field: "importo_debito", Reason: "and importo_credito are both zero"}
	}
	return nil
}

// parseAmount reads one importo.
func parseAmount(s string, decimalComma bool) (money.Cents, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	parse, like := money.Parse, "1137.43"
	if decimalComma {
		parse, like = money.ParseItalian, "1137,43"
	}
	c, err := parse(s)
	switch {
	case err != nil:
		return 0, fmt.Errorf("%q is not an amount like %s", s, like)
	case c < 0:
		return 0, errors.New("is negative")
	case c > maxLineAmount:
		return 0, fmt.Errorf("%s is above 999999.99", c)
	}
	return c, nil
}

func f24Digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
