package ledger

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// IncomeChunk is the default number of file lines an income import
// writes per transaction.
const IncomeChunk = 5000

// IncomeStore is the storage an income import runs on (store.Incomes).
type IncomeStore interface {
	// PersonIDs returns the ids of those of cfs that are in the registry.
	PersonIDs(ctx context.Context, cfs []string) (map[string]int64, error)
	// WriteIncomes runs fn in one transaction: all its writes or none.
	WriteIncomes(ctx context.Context, fn func(tx IncomeTx) error) error
}

// IncomeTx reads and writes incomes and dues inside a transaction.
type IncomeTx interface {
	DuesTx
	// StoredIncomes returns the incomes stored for any of keys.
	StoredIncomes(ctx context.Context, keys []PersonYear) (map[PersonYear]Income, error)
	// InsertIncomes stores incomes, skipping a person and year already
	// stored, and returns how many it created.
	InsertIncomes(ctx context.Context, incomes []Income) (int64, error)
	// Insurances returns every insurance in year of persons (as
	// ImposeStore.InsuredPage gives them), with Imposed set when the
	// fixed rates of the year are stored for it.
	Insurances(ctx context.Context, year int, persons []int64) ([]Insured, error)
}

// PersonYear is the key of an income: one person, one year.
type PersonYear struct {
	PersonID int64
	Year     int
}

// IncomeOptions configure an income import.
type IncomeOptions struct {
	Source   string                   // recorded with each income (the file name)
	Chunk    int                      // lines per transaction; 0: IncomeChunk
	Progress func(lines int64)        // called after each committed chunk
	Reject   func(e *IncomeLineError) // a line refused
	Params   *contrib.Params          // the rules; nil: contrib.Default()
}

// IncomeStats count what an import did: lines read, incomes created,
// already present (same value) and refused, the total of the incomes
// accepted, and the above-minimale dues created or already present, with
// their total.
type IncomeStats struct {
	Lines, Created, Skipped, Rejected int64
	Amount                            money.Cents
	DuesCreated, DuesSkipped          int64
	DuesAmount                        money.Cents
}

// ImportIncomes reads r and stores its incomes, chunk by chunk, each chunk
// in one transaction with the above-minimale dues of the persons and years
// already imposed (Imposer.Above: saldo and next year's acconti). A person
// and year already stored with the same income adds nothing; with a
// different income the line is refused: a declared income is changed by a
// correction, not by importing it again. Running it again, or after a
// crash, stores nothing twice.
func ImportIncomes(ctx context.Context, st IncomeStore, r *IncomeReader, opts IncomeOptions) (IncomeStats, error) {
	if opts.Chunk <= 0 {
		opts.Chunk = IncomeChunk
	}
	if opts.Params == nil {
		opts.Params = contrib.Default()
	}
	imp := &incomeRun{st: st, opts: opts, imposers: map[int]*Imposer{}}
	for {
		lines, eof, err := imp.read(r)
		if err != nil {
			return imp.stats, err
		}
		if err := imp.chunk(ctx, lines); err != nil {
			return imp.stats, err
		}
		if eof {
			return imp.stats, nil
		}
	}
}

// incomeRun is an income import in progress.
type incomeRun struct {
	st       IncomeStore
	opts     IncomeOptions
	stats    IncomeStats
	imposers map[int]*Imposer
	refused  []*IncomeLineError // of the chunk in progress, reported in line order once it is committed
}

// read returns the next chunk of well-formed lines, reporting the others.
func (ir *incomeRun) read(r *IncomeReader) (lines []IncomeLine, eof bool, err error) {
	for len(lines) < ir.opts.Chunk {
		l, err := r.Next()
		var le *IncomeLineError
		switch {
		case errors.Is(err, io.EOF):
			return lines, true, nil
		case errors.As(err, &le):
			ir.stats.Lines++
			ir.reject(le)
		case err != nil:
			return lines, false, fmt.Errorf("ledger: read incomes: %w", err)
		default:
			ir.stats.Lines++
			lines = append(lines, l)
		}
	}
	return lines, false, nil
}

// reject refuses a line of the chunk in progress.
func (ir *incomeRun) reject(e *IncomeLineError) { ir.refused = append(ir.refused, e) }

// report counts and reports the refusals of a committed chunk, in line order.
func (ir *incomeRun) report(more []*IncomeLineError) {
	all := append(ir.refused, more...)
	slices.SortStableFunc(all, func(a, b *IncomeLineError) int { return a.Line - b.Line })
	for _, e := range all {
		ir.stats.Rejected++
		if ir.opts.Reject != nil {
			ir.opts.Reject(e)
		}
	}
	ir.refused = ir.refused[:0]
}

// chunk stores the incomes of lines and their above-minimale dues in one
// transaction.
func (ir *incomeRun) chunk(ctx context.Context, lines []IncomeLine) error {
	incomes, err := ir.resolve(ctx, lines)
	if err != nil {
		return err
	}
	var res incomeChunkResult
	err = ir.st.WriteIncomes(ctx, func(tx IncomeTx) error {
		res = incomeChunkResult{}
		return ir.write(ctx, tx, incomes, &res)
	})
	if err != nil {
		return fmt.Errorf("ledger: import incomes, lines %d–%d: %w", incomeFirstLine(lines), incomeLastLine(lines), err)
	}
	ir.report(res.rejected)
	ir.stats.Created += res.created
	ir.stats.Skipped += res.skipped
	ir.stats.Amount += res.amount
	ir.stats.DuesCreated += res.duesCreated
	ir.stats.DuesSkipped += res.duesSkipped
	ir.stats.DuesAmount += res.duesAmount
	if ir.opts.Progress != nil {
		ir.opts.Progress(int64(len(lines)))
	}
	return nil
}

// incomeChunkResult is what one chunk did, counted only once it is committed.
type incomeChunkResult struct {
	rejected                 []*IncomeLineError
	created, skipped         int64
	duesCreated, duesSkipped int64
	amount, duesAmount       money.Cents
}

// incomePending is a well-formed line whose person is known.
type incomePending struct {
	line   IncomeLine
	income Income
}

// resolve finds the persons of lines, refusing unknown codici fiscali and
// a second line for the same person and year.
func (ir *incomeRun) resolve(ctx context.Context, lines []IncomeLine) ([]incomePending, error) {
	cfs := make([]string, 0, len(lines))
	for _, l := range lines {
		cfs = append(cfs, l.CodiceFiscale)
	}
	ids, err := ir.st.PersonIDs(ctx, cfs)
	if err != nil {
		return nil, fmt.Errorf("ledger: import incomes: %w", err)
	}
	out := make([]incomePending, 0, len(lines))
	for _, l := range lines {
		id, ok := ids[l.CodiceFiscale]
		if !ok {
			ir.reject(&IncomeLineError{Line: l.Line, Field: "codice_fiscale", Value: l.CodiceFiscale,
				Reason: "wants the codice fiscale of a person in the registry: this one is unknown"})
			continue
		}
		out = append(out, incomePending{l, Income{PersonID: id, Year: l.Year, Income: l.Income,
			Forfettario: l.Forfettario, Source: ir.opts.Source}})
	}
	return out, nil
}

func incomeFirstLine(lines []IncomeLine) int {
	if len(lines) == 0 {
		return 0
	}
	return lines[0].Line
}

func incomeLastLine(lines []IncomeLine) int {
	if len(lines) == 0 {
		return 0
	}
	return lines[len(lines)-1].Line
}
