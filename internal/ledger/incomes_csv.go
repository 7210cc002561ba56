package ledger

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/codicefiscale"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// IncomeHeader is the header of an incomes file, with commas; a file whose
// header uses semicolons has semicolons and decimal commas throughout.
const IncomeHeader = "codice_fiscale,anno,reddito,forfettario"

// The years an income line may name.
const (
	FirstIncomeYear = 1990
	LastIncomeYear  = 2100
)

// IncomeLine is a well-formed line of an incomes file.
type IncomeLine struct {
	Line          int // line number in the file, the header being line 1
	CodiceFiscale string
	Year          int
	Income        money.Cents
	Forfettario   bool
}

// IncomeLineError is a line refused, with the field at fault, the value found
// and what the field wants.
type IncomeLineError struct {
	Line   int
	Field  string // a column name, or "line" for the line as a whole
	Value  string
	Reason string
}

// Error formats the refusal as "line N: FIELD "VALUE": REASON".
func (e *IncomeLineError) Error() string {
	return fmt.Sprintf("line %d: %s %q: %s", e.Line, e.Field, e.Value, e.Reason)
}

// IncomeReader reads the lines of an incomes file.
type IncomeReader struct {
	csv     *csv.Reader
	italian bool   // semicolons and decimal commas
	col     [4]int // index of codice_fiscale, anno, reddito, forfettario
}

// NewIncomeReader reads and checks the header of an incomes file:
// codice_fiscale,anno,reddito,forfettario in any order, separated by commas
// (dot decimals) or semicolons (decimal commas).
func NewIncomeReader(r io.Reader) (*IncomeReader, error) {
	br := bufio.NewReader(r)
	header, err := br.ReadString('\n')
	if err != nil && (err != io.EOF || header == "") {
		return nil, fmt.Errorf("ledger: incomes file: no header line (want %s)", IncomeHeader)
	}
	header = strings.TrimPrefix(header, "\ufeff")
	ir := &IncomeReader{italian: strings.Contains(header, ";")}
	sep := ","
	if ir.italian {
		sep = ";"
	}
	if err := ir.columns(strings.Split(strings.TrimRight(header, "\r\n"), sep)); err != nil {
		return nil, err
	}
	ir.csv = csv.NewReader(br)
	ir.csv.Comma = rune(sep[0])
	ir.csv.FieldsPerRecord = -1
	ir.csv.TrimLeadingSpace = true
	return ir, nil
}

func (ir *IncomeReader) columns(names []string) error {
	want := strings.Split(IncomeHeader, ",")
	ir.col = [4]int{-1, -1, -1, -1}
	for i, n := range names {
		n = strings.ToLower(strings.Trim(strings.TrimSpace(n), `"`))
		for j, w := range want {
			if n == w && ir.col[j] < 0 {
				ir.col[j] = i
			}
		}
	}
	for j, c := range ir.col {
		if c < 0 || len(names) != len(want) {
			return fmt.Errorf("ledger: incomes file: the header wants the columns %s (or the same with semicolons); column %q is missing or there are others",
				IncomeHeader, want[j])
		}
	}
	return nil
}

// Italian reports whether the file uses semicolons and decimal commas.
func (ir *IncomeReader) Italian() bool { return ir.italian }

// Next returns the next line. A line that cannot be read as an income is a
// *IncomeLineError: report it and call Next again. io.EOF ends the file; any
// other error is the file's (unreadable, malformed quoting).
func (ir *IncomeReader) Next() (IncomeLine, error) {
	rec, err := ir.csv.Read()
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return IncomeLine{}, &IncomeLineError{Line: pe.Line + 1, Field: "line", Reason: "is not valid CSV: " + pe.Err.Error()}
	}
	if err != nil {
		return IncomeLine{}, err
	}
	lineNo, _ := ir.csv.FieldPos(0)
	lineNo++ // the header was read before the CSV reader
	if len(rec) != len(ir.col) {
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			return ir.Next() // a blank line
		}
		return IncomeLine{}, &IncomeLineError{Line: lineNo, Field: "line", Value: strings.Join(rec, string(ir.csv.Comma)),
			Reason: fmt.Sprintf("has %d fields, wants 4 (%s)", len(rec), IncomeHeader)}
	}
	return ir.parse(lineNo, rec)
}

// parse validates the fields of one record.
func (ir *IncomeReader) parse(lineNo int, rec []string) (IncomeLine, error) {
	l := IncomeLine{Line: lineNo, CodiceFiscale: codicefiscale.Normalize(rec[ir.col[0]])}
	bad := func(field, value, reason string) (IncomeLine, error) {
		return IncomeLine{}, &IncomeLineError{Line: lineNo, Field: field, Value: value, Reason: reason}
	}
	if err := codicefiscale.Validate(l.CodiceFiscale); err != nil {
		return bad("codice_fiscale", rec[ir.col[0]], incomeCFReason(err))
	}
	year, err := strconv.Atoi(strings.TrimSpace(rec[ir.col[1]]))
	if err != nil || year < FirstIncomeYear || year > LastIncomeYear {
		return bad("anno", rec[ir.col[1]], fmt.Sprintf("wants a year from %d to %d, like 2025", FirstIncomeYear, LastIncomeYear))
	}
	l.Year = year
	if l.Income, err = ir.amount(rec[ir.col[2]]); err != nil || l.Income < 0 {
		return bad("reddito", rec[ir.col[2]], ir.amountWant())
	}
	var ok bool
	if l.Forfettario, ok = parseIncomeFlag(rec[ir.col[3]]); !ok {
		return bad("forfettario", rec[ir.col[3]], "wants true or false (also 1/0, si/no)")
	}
	return l, nil
}

func (ir *IncomeReader) amount(s string) (money.Cents, error) {
	if ir.italian {
		return money.ParseItalian(s)
	}
	return money.Parse(s)
}

func (ir *IncomeReader) amountWant() string {
	if ir.italian {
		return "wants an amount in euro of 0 or more with a decimal comma, like 30000,50"
	}
	return "wants an amount in euro of 0 or more with a decimal point, like 30000.50"
}

// parseIncomeFlag reads true/false, 1/0 or si/no (any case).
func parseIncomeFlag(s string) (value, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "1", "si", "sì":
		return true, true
	case "false", "0", "no":
		return false, true
	}
	return false, false
}

// incomeCFReason says in English what is wrong with a codice fiscale.
func incomeCFReason(err error) string {
	var e *errs.Error
	if errors.As(err, &e) {
		switch e.Message {
		case codicefiscale.MsgLength:
			return "wants a codice fiscale of 16 characters"
		case codicefiscale.MsgFormat:
			return "wants a codice fiscale: 6 letters, 2 digits, a letter, 2 digits, a letter, 3 digits and a letter"
		case codicefiscale.MsgDate:
			return "wants a codice fiscale with a valid birth date (month letter and day)"
		case codicefiscale.MsgCheck:
			return "wants a codice fiscale whose check character (the last) matches: it is mistyped"
		}
	}
	return "wants a valid codice fiscale"
}
