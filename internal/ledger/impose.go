package ledger

import (
	"fmt"
	"strconv"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/contrib/codeline"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// TitolareSubject is the subject code of the titolare (RULES.md P5);
// collaboratori have 11–19.
const TitolareSubject = 10

// Insured is one person's insurance on one position, as the imposition of
// a year reads it from the registry: the position's data, the person's
// role (subject code), birth date and insured span, and the income of the
// year when it is known.
type Insured struct {
	PositionID    int64
	Number        string // the 8-digit position number
	Gestione      contrib.Gestione
	OfficeCode    string // codice sede, for the codelines
	PositionStart civil.Date
	Reduction     contrib.Reduction // the reduction on the position (registry)
	Post1996      bool

	PersonID    int64
	SubjectCode int // 10 titolare, 11–19 collaboratori
	Birth       civil.Date
	From, To    civil.Date // the person's insurance on the position; To zero while open

	HasIncome   bool // an income of the year is stored
	Income      money.Cents
	Forfettario bool // the income is declared under the regime forfettario
	Imposed     bool // the fixed rates of the year are already stored (income import)
}

// Role returns the person's role for the rules engine.
func (in *Insured) Role() contrib.Role {
	if in.SubjectCode == TitolareSubject {
		return contrib.Titolare
	}
	return contrib.Collaboratore
}

// Months returns the first and last insured month of year: the months of
// year with at least one day inside [From, To]. ok is false when the person
// is not insured in year.
func (in *Insured) Months(year int) (from, to contrib.YearMonth, ok bool) {
	from, to = contrib.YearMonth{Year: year, Month: time.January}, contrib.YearMonth{Year: year, Month: time.December}
	switch {
	case in.From.Year > year:
		return from, to, false
	case in.From.Year == year:
		from.Month = in.From.Month
	}
	if !in.To.IsZero() {
		switch {
		case in.To.Year < year:
			return from, to, false
		case in.To.Year == year:
			to.Month = in.To.Month
		}
	}
	return from, to, from.Month <= to.Month
}

// InsuredOnFirstOf reports whether the insurance still runs on 1 January of year.
func (in *Insured) InsuredOnFirstOf(year int) bool {
	return in.To.IsZero() || in.To.Year >= year
}

// Imposer computes the dues of one year. It keeps one contrib.Result and
// a key buffer, so computing a person allocates only the strings of the
// dues: use one Imposer per goroutine.
type Imposer struct {
	params *contrib.Params
	year   int
	y      contrib.Year
	res    contrib.Result
	key    []byte
	causal map[causaleKey]string // Causale by gestione and kind, built once
}

type causaleKey struct {
	g contrib.Gestione
	k Kind
}

// causale returns Causale(g, k) without building the string again.
func (im *Imposer) causale(g contrib.Gestione, k Kind) string {
	key := causaleKey{g, k}
	c, ok := im.causal[key]
	if !ok {
		c = Causale(g, k)
		im.causal[key] = c
	}
	return c
}

// NewImposer returns an Imposer for year, which params must know.
func NewImposer(params *contrib.Params, year int) (*Imposer, error) {
	y, ok := params.Year(year)
	if !ok {
		first, last := params.YearRange()
		return nil, &contrib.InputError{Field: "year", Want: fmt.Sprintf("a year from %d to %d", first, last)}
	}
	return &Imposer{params: params, year: year, y: y, key: make([]byte, 0, 64), causal: map[causaleKey]string{}}, nil
}

// Year returns the year the Imposer computes.
func (im *Imposer) Year() int { return im.year }

// Fixed appends to out the fixed rates of in for the year: one due per
// non-empty quarter, with its maternity part and codeline. A person not
// insured in the year gets nothing. An error means the registry data do
// not fit the rules (a *contrib.InputError, or a bad position number or
// codice sede).
func (im *Imposer) Fixed(in *Insured, out []Due) ([]Due, error) {
	from, to, ok := in.Months(im.year)
	if !ok {
		return out, nil
	}
	if err := im.calc(in, from, to, FixedReduction(in, im.year)); err != nil {
		return out, err
	}
	number, err := imposeNumber(in.Number)
	if err != nil {
		return out, err
	}
	for _, r := range im.res.Fixed.Rates {
		kind := FixedRate(r.N)
		code, err := codeline.Make(codeline.Fields{Position: number, Subject: in.SubjectCode, Rata: r.N,
			Year: im.year, Seq: 1}, in.OfficeCode, r.Amount)
		if err != nil {
			return out, fmt.Errorf("ledger: position %s subject %d rate %d: %w", in.Number, in.SubjectCode, r.N, err)
		}
		months := money.Cents(r.PeriodTo.Month - r.PeriodFrom.Month + 1)
		out = append(out, Due{NaturalKey: im.naturalKey("fixed", im.year, in, r.N), PositionID: in.PositionID,
			PersonID: in.PersonID, SubjectCode: in.SubjectCode, Year: im.year, Kind: kind,
			Causale: im.causale(in.Gestione, kind), PeriodFrom: r.PeriodFrom, PeriodTo: r.PeriodTo, DueDate: r.Due,
			Amount: r.Amount, Maternity: im.y.MaternitaMonth * months, Codeline: code})
	}
	return out, nil
}

// calc runs the rules engine for in over [from, to] with reduction red.
func (im *Imposer) calc(in *Insured, from, to contrib.YearMonth, red contrib.Reduction) error {
	input := contrib.Input{Year: im.year, Gestione: in.Gestione, Role: in.Role(), Birth: in.Birth,
		Income: in.Income, From: from, To: to, Post1996: in.Post1996, Reduction: red}
	if err := im.params.CalcInto(input, &im.res); err != nil {
		return fmt.Errorf("ledger: position %s subject %d: %w", in.Number, in.SubjectCode, err)
	}
	return nil
}

// naturalKey returns "PREFIX:YEAR:NUMBER:SUBJECT[:N]" (n 0: no suffix).
func (im *Imposer) naturalKey(prefix string, year int, in *Insured, n int) string {
	b := append(im.key[:0], prefix...)
	b = append(b, ':')
	b = strconv.AppendInt(b, int64(year), 10)
	b = append(b, ':')
	b = append(b, in.Number...)
	b = append(b, ':')
	b = strconv.AppendInt(b, int64(in.SubjectCode), 10)
	if n > 0 {
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(n), 10)
	}
	im.key = b
	return string(b)
}

// imposeNumber reads the 8-digit position number for the codeline.
func imposeNumber(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || len(s) != 8 || n < 1 {
		return 0, fmt.Errorf("ledger: position number %q is not 8 digits", s)
	}
	return n, nil
}
