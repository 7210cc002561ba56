package ledger

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// F24Header is the header of a payments file, in this order (RULES.md P8):
// dates YYYY-MM-DD, periods MM/YYYY, amounts with dot decimals. A file may
// instead use ";" between fields and decimal commas; the header tells which.
const F24Header = "data_versamento,codice_fiscale,codice_sede,causale,codice_inps,periodo_da,periodo_a,importo_debito,importo_credito"

// The columns of a payments file, in the order of F24Header.
const (
	colPaidOn = iota
	colCodiceFiscale
	colSede
	colCausale
	colCodiceINPS
	colPeriodFrom
	colPeriodTo
	colDebit
	colCredit
	f24Columns
)

// ErrHeader is returned by NewF24Reader when the first line is not F24Header.
var ErrHeader = errors.New("ledger: the first line must be the header " + F24Header +
	` (or the same names separated by ";", with decimal commas)`)

// F24Reader streams the lines of a payments file: one record at a time, never
// the whole file.
type F24Reader struct {
	csv          *csv.Reader
	order        [f24Columns]int // order[col] = index of col in a record
	decimalComma bool
	fields       [f24Columns]string
}

// F24Record is one data line of a payments file, fields in the order of
// F24Header. Fields is reused by the next call to Next.
type F24Record struct {
	Line   int // 1-based line number in the file (the header is line 1)
	Fields []string
	Err    error // the line could not be split into fields (bad quoting, wrong count)
}

// NewF24Reader reads the header of r and returns a reader of its lines. A
// header with ";" between names means ";" separators and decimal commas.
// Columns may come in any order; each of F24Header must be there once.
func NewF24Reader(r io.Reader) (*F24Reader, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	first, err := br.Peek(1)
	if err != nil && !errors.Is(err, io.EOF) || len(first) == 0 {
		if err == nil || errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%w; the file is empty", ErrHeader)
		}
		return nil, fmt.Errorf("ledger: read payments: %w", err)
	}
	semicolon := headerUsesSemicolon(br)
	c := csv.NewReader(br)
	c.ReuseRecord = true
	c.FieldsPerRecord = -1
	if semicolon {
		c.Comma = ';'
	}
	fr := &F24Reader{csv: c, decimalComma: semicolon}
	header, err := c.Read()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrHeader, err)
	}
	if err := fr.mapHeader(header); err != nil {
		return nil, err
	}
	return fr, nil
}

// headerUsesSemicolon looks at the first line, without consuming it, for a ";".
func headerUsesSemicolon(br *bufio.Reader) bool {
	buf, _ := br.Peek(br.Size())
	if i := bytes.IndexByte(buf, '\n'); i >= 0 {
		buf = buf[:i]
	}
	return bytes.IndexByte(buf, ';') >= 0
}

// mapHeader finds each expected column in header.
func (fr *F24Reader) mapHeader(header []string) error {
	want := strings.Split(F24Header, ",")
	if len(header) != f24Columns {
		return fmt.Errorf("%w; found %d columns", ErrHeader, len(header))
	}
	seen := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		seen[h] = i
	}
	for col, name := range want {
		i, ok := seen[name]
		if !ok {
			return fmt.Errorf("%w; column %s is missing", ErrHeader, name)
		}
		fr.order[col] = i
	}
	return nil
}

// DecimalComma reports whether amounts use a decimal comma (";" files).
func (fr *F24Reader) DecimalComma() bool { return fr.decimalComma }

// Offset returns how many bytes of the input have been consumed.
func (fr *F24Reader) Offset() int64 { return fr.csv.InputOffset() }

// Next returns the next line, or io.EOF at the end. A line that cannot be
// split into the nine fields comes back with Err set (the reading goes on);
// any other error is an I/O error that ends the reading.
func (fr *F24Reader) Next() (F24Record, error) {
	rec, err := fr.csv.Read()
	var pe *csv.ParseError
	switch {
	case errors.As(err, &pe):
		return F24Record{Line: pe.StartLine, Err: &PaymentLineError{Line: pe.StartLine, Reason: "cannot be read as CSV: " + pe.Err.Error()}}, nil
	case err != nil:
		return F24Record{}, err
	}
	line, _ := fr.csv.FieldPos(0)
	if len(rec) != f24Columns {
		return F24Record{Line: line, Err: &PaymentLineError{Line: line,
			Reason: fmt.Sprintf("has %d fields, want %d (%s)", len(rec), f24Columns, F24Header)}}, nil
	}
	for col := range f24Columns {
		fr.fields[col] = rec[fr.order[col]]
	}
	return F24Record{Line: line, Fields: fr.fields[:]}, nil
}
