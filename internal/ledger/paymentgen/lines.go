package paymentgen

import (
	"bufio"
	"math/rand/v2"
	"strconv"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/contrib/codeline"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// due is a stored fixed rate, as the generator pays it.
type due struct {
	code, causale, cf, sede string
	from, to                contrib.YearMonth
	date                    civil.Date
	amount                  money.Cents
	kind                    ledger.Kind
}

// generator writes lines with a deterministic random mix.
type generator struct {
	o   Options
	rng *rand.Rand
	bw  *bufio.Writer
	st  Stats
	buf []byte
}

// The mix of lines, per thousand rates (the rest are left unpaid).
const (
	perMilleOnTime   = 780
	perMilleLate     = perMilleOnTime + 80
	perMillePartial  = perMilleLate + 50
	perMilleOverpaid = perMillePartial + 30
	perMilleSplit    = perMilleOverpaid + 20
	perMilleUnknown  = perMilleSplit + 15
	perMilleTwice    = perMilleUnknown + 10
	perMilleInvalid  = perMilleTwice + 5
)

// pay writes the lines of one rate.
func (g *generator) pay(d due) {
	onTime := g.before(d.date)
	switch x := g.rng.IntN(1000); {
	case x < perMilleOnTime:
		g.st.OnTime++
		g.line(d, onTime, d.amount, d.code)
	case x < perMilleLate:
		g.st.Late++
		g.line(d, g.after(d.date), d.amount, d.code)
	case x < perMillePartial:
		g.st.Partial++
		g.line(d, onTime, d.amount*money.Cents(30+g.rng.IntN(61))/100, d.code)
	case x < perMilleOverpaid:
		g.st.Overpaid++
		g.line(d, onTime, d.amount+money.Cents(100+g.rng.IntN(5000)), d.code)
	case x < perMilleSplit:
		g.st.Split += 2
		half := d.amount / 2
		g.line(d, onTime, half, d.code)
		g.line(d, g.after(d.date), d.amount-half, d.code)
	case x < perMilleUnknown:
		g.st.Unknown++
		g.line(d, onTime, d.amount, g.unknownCode(d))
	case x < perMilleTwice:
		g.st.OnTime++
		g.st.Twice++
		g.line(d, onTime, d.amount, d.code)
		g.line(d, onTime, d.amount, d.code)
	case x < perMilleInvalid:
		g.st.Invalid++
		g.line(d, onTime, d.amount, d.code[:16])
	}
}

// before returns a payment date up to 10 days before due (not after Latest).
func (g *generator) before(due civil.Date) civil.Date { return g.cap(due.AddDays(-g.rng.IntN(11))) }

// after returns a payment date 1 to 200 days after due (not after Latest).
func (g *generator) after(due civil.Date) civil.Date { return g.cap(due.AddDays(1 + g.rng.IntN(200))) }

func (g *generator) cap(d civil.Date) civil.Date {
	if d.After(g.o.Latest) {
		return g.o.Latest
	}
	return d
}

// unknownCode returns a valid code of a position that does not exist.
func (g *generator) unknownCode(d due) string {
	f, _ := codeline.Parse(d.code)
	f.Position = 99_999_999 - g.rng.IntN(1000)
	code, err := codeline.Make(f, d.sede, d.amount)
	if err != nil {
		return d.code
	}
	return code
}

// line writes one line; a line cut short by the Lines limit is not written.
func (g *generator) line(d due, paid civil.Date, amount money.Cents, code string) {
	if g.st.Lines >= g.o.Lines {
		return
	}
	g.st.Lines++
	sep := byte(',')
	if g.o.Semicolon {
		sep = ';'
	}
	b := append(g.buf[:0], paid.String()...)
	for _, f := range []string{d.cf, d.sede, d.causale, code, d.from.F24(), d.to.F24()} {
		b = append(append(b, sep), f...)
	}
	b = append(b, sep)
	b = g.amount(b, amount)
	b = append(b, sep, '0', '\n')
	g.buf = b
	g.bw.Write(b)
}

// amount appends amount with a decimal dot, or a comma in ";" files.
func (g *generator) amount(b []byte, c money.Cents) []byte {
	b = strconv.AppendInt(b, int64(c/100), 10)
	if g.o.Semicolon {
		b = append(b, ',')
	} else {
		b = append(b, '.')
	}
	return append(b, byte('0'+c%100/10), byte('0'+c%10))
}
