package contrib

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/money"
)

//go:embed params.json
var defaultYears []byte

//go:embed tur.csv
var defaultTUR []byte

// defaults parses the embedded tables once; the result is never modified.
var defaults = sync.OnceValues(func() (*Params, error) {
	years, err := ReadYears(bytes.NewReader(defaultYears))
	if err != nil {
		return nil, err
	}
	tur, err := ReadTUR(bytes.NewReader(defaultTUR))
	if err != nil {
		return nil, err
	}
	return New(years, tur)
})

// Default returns the parameters embedded in the program (params.json and
// tur.csv). It panics if they do not parse, which the tests rule out.
func Default() *Params {
	p, err := defaults()
	if err != nil {
		panic(err)
	}
	return p
}

// WithFiles returns p extended by an administrator's files: yearsPath in the
// format of params.json, turPath in the format of tur.csv; an empty path is
// skipped. Rows for a year or date already known replace it.
func (p *Params) WithFiles(yearsPath, turPath string) (*Params, error) {
	var years []Year
	var tur []TURChange
	if err := readFile(yearsPath, func(r io.Reader) (err error) { years, err = ReadYears(r); return }); err != nil {
		return nil, err
	}
	if err := readFile(turPath, func(r io.Reader) (err error) { tur, err = ReadTUR(r); return }); err != nil {
		return nil, err
	}
	return p.Merge(years, tur)
}

func readFile(path string, read func(io.Reader) error) error {
	if path == "" {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := read(f); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// yearJSON is a row of params.json: every field is required.
type yearJSON struct {
	Year              int    `json:"year"`
	Minimale          string `json:"minimale"`
	Threshold         string `json:"threshold"`
	Massimale         string `json:"massimale"`
	MassimalePost1996 string `json:"massimale_post1996"`
	AR                string `json:"ar"`
	ARYoung           string `json:"ar_young"`
	CO                string `json:"co"`
	COYoung           string `json:"co_young"`
	COSurcharge       string `json:"co_surcharge"`
	Band2Points       string `json:"band2_points"`
	MaternitaMonth    string `json:"maternita_month"`
	Circular          string `json:"circular"`
}

// ReadYears reads yearly parameters in the format of params.json.
func ReadYears(r io.Reader) ([]Year, error) {
	var doc struct {
		About string     `json:"about"`
		Years []yearJSON `json:"years"`
	}
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("contrib: yearly parameters: %w", err)
	}
	out := make([]Year, 0, len(doc.Years))
	for _, j := range doc.Years {
		y, err := j.year()
		if err != nil {
			return nil, fmt.Errorf("contrib: yearly parameters of %d: %w", j.Year, err)
		}
		out = append(out, y)
	}
	return out, nil
}

func (j yearJSON) year() (Year, error) {
	y := Year{Year: j.Year, Circular: j.Circular}
	var errs []error
	amount := func(name, s string, dst *money.Cents) {
		v, err := money.Parse(s)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", name, err))
		}
		*dst = v
	}
	rate := func(name, s string, dst *Rate) {
		v, err := ParseRate(s)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", name, err))
		}
		*dst = v
	}
	amount("minimale", j.Minimale, &y.Minimale)
	amount("threshold", j.Threshold, &y.Threshold)
	amount("massimale", j.Massimale, &y.Massimale)
	amount("massimale_post1996", j.MassimalePost1996, &y.MassimalePost1996)
	amount("maternita_month", j.MaternitaMonth, &y.MaternitaMonth)
	rate("ar", j.AR, &y.AR)
	rate("ar_young", j.ARYoung, &y.ARYoung)
	rate("co", j.CO, &y.CO)
	rate("co_young", j.COYoung, &y.COYoung)
	rate("co_surcharge", j.COSurcharge, &y.COSurcharge)
	rate("band2_points", j.Band2Points, &y.Band2Points)
	return y, errors.Join(errs...)
}

// ReadTUR reads an ECB rate table in the format of tur.csv: lines starting
// with # are comments, then the header effective,rate,act and one row per
// change (date as YYYY-MM-DD, rate in percent, act optional).
func ReadTUR(r io.Reader) ([]TURChange, error) {
	cr := csv.NewReader(r)
	cr.Comment = '#'
	cr.FieldsPerRecord = 3
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if err != nil || strings.Join(header, ",") != "effective,rate,act" {
		return nil, errors.New("contrib: ECB rates: the header must be effective,rate,act")
	}
	var out []TURChange
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("contrib: ECB rates: %w", err)
		}
		line, _ := cr.FieldPos(0)
		d, err := civil.Parse(row[0])
		if err != nil {
			return nil, fmt.Errorf("contrib: ECB rates, line %d: %w", line, err)
		}
		rate, err := ParseRate(row[1])
		if err != nil {
			return nil, fmt.Errorf("contrib: ECB rates, line %d: %w", line, err)
		}
		out = append(out, TURChange{From: d, Rate: rate, Act: row[2]})
	}
}
