package paymentgen

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// Options choose what Write generates.
type Options struct {
	Lines     int        // data lines to write (the header aside)
	Seed      uint64     // the same seed and database give the same file
	Semicolon bool       // ";" separators and decimal commas
	Latest    civil.Date // no payment is dated after it (dues due later are skipped); default DefaultLatest
	Earliest  civil.Date // dues due before it are skipped (default: none)
}

// DefaultLatest is the default latest payment date: the demo data's
// reference date, 31 October 2026.
func DefaultLatest() civil.Date { return civil.Date{Year: 2026, Month: 10, Day: 31} }

// Stats counts the lines Write wrote, by kind.
type Stats struct {
	Lines    int
	OnTime   int // the exact amount with the due's code, on or before the due date
	Late     int // the same, after the due date: a sanction
	Partial  int // 30–90% with the due's code (which then does not verify): matched
	Overpaid int // more than due with the due's code: matched, the rest a credit
	Split    int // lines of a rate paid in two halves: matched
	Unknown  int // a valid code of no position: matched by codice fiscale
	Twice    int // the second of two identical lines: a credit
	Invalid  int // a wrong codice fiscale or a malformed code: refused
}

// Write writes a payments file (ledger.F24Header) of o.Lines lines that pay
// the fixed rates stored in db, in order of due date: it goes over the
// rates again, as later payments, until it has written enough lines. It
// fails when db holds no fixed rate with a codeline.
func Write(ctx context.Context, db *store.DB, w io.Writer, o Options) (Stats, error) {
	if o.Latest.IsZero() {
		o.Latest = DefaultLatest()
	}
	if o.Earliest.IsZero() {
		o.Earliest = civil.Date{Year: 1, Month: 1, Day: 1}
	}
	g := &generator{o: o, rng: rand.New(rand.NewPCG(o.Seed, 0x9e3779b97f4a7c15)), bw: bufio.NewWriterSize(w, 1<<16)}
	header := ledger.F24Header
	if o.Semicolon {
		header = semicolons(header)
	}
	g.bw.WriteString(header + "\n")
	for pass := 0; g.st.Lines < o.Lines; pass++ {
		before := g.st.Lines
		if err := g.pass(ctx, db); err != nil {
			return g.st, err
		}
		if g.st.Lines == before {
			return g.st, errors.New("paymentgen: no fixed rate with a codeline due by the latest date: seed dues first")
		}
	}
	return g.st, g.bw.Flush()
}

// pass writes lines for each stored fixed rate, until enough are written.
func (g *generator) pass(ctx context.Context, db *store.DB) error {
	rows, err := db.R().Query(ctx, `SELECT d.codeline, d.causale, d.period_from, d.period_to, d.due_date, d.amount,
		p.codice_fiscale, pos.office_code, d.kind
		FROM dues d JOIN persons p ON p.id = d.person_id JOIN positions pos ON pos.id = d.position_id
		WHERE d.kind IN ('rata1', 'rata2', 'rata3', 'rata4') AND d.codeline <> '' AND d.due_date <= ? AND d.due_date >= ?
		ORDER BY d.due_date, d.id`, g.o.Latest, g.o.Earliest)
	if err != nil {
		return fmt.Errorf("paymentgen: read dues: %w", err)
	}
	defer rows.Close()
	for rows.Next() && g.st.Lines < g.o.Lines {
		var d due
		var from, to, kind string
		var amount int64
		if err := rows.Scan(&d.code, &d.causale, &from, &to, &d.date, &amount, &d.cf, &d.sede, &kind); err != nil {
			return fmt.Errorf("paymentgen: read dues: %w", err)
		}
		d.amount, d.kind = money.Cents(amount), ledger.Kind(kind)
		if d.from, err = contrib.ParseYearMonth(from); err == nil {
			d.to, err = contrib.ParseYearMonth(to)
		}
		if err != nil {
			return fmt.Errorf("paymentgen: due period: %w", err)
		}
		g.pay(d)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("paymentgen: read dues: %w", err)
	}
	return g.bw.Flush()
}

func semicolons(s string) string {
	b := []byte(s)
	for i := range b {
		if b[i] == ',' {
			b[i] = ';'
		}
	}
	return string(b)
}
