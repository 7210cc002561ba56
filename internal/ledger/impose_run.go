package ledger

import (
	"context"
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// ImposeChunk is the default number of positions an imposition reads,
// computes and writes per transaction.
const ImposeChunk = 5000

// ImposeStore is the storage an imposition runs on (store.Imposition).
type ImposeStore interface {
	// CountPositions returns how many positions have activity in year.
	CountPositions(ctx context.Context, year int) (int64, error)
	// InsuredPage appends to buf the insurances in year on the positions
	// with id > after that have activity in year, reading at most limit
	// positions in id order: each position's titolare, then its
	// collaboratori by subject code, with the income of the year when
	// stored. next is the id of the last position read, n how many were
	// read (fewer than limit at the end).
	InsuredPage(ctx context.Context, year int, after int64, limit int, buf []Insured) (out []Insured, next int64, n int, err error)
	// Primaries returns, for the persons insured more than once in year,
	// the insurance their income of the year goes to.
	Primaries(ctx context.Context, year int) (map[int64]InsuranceRef, error)
	// Write runs fn in one transaction: all its writes are kept or none.
	Write(ctx context.Context, fn func(tx DuesTx) error) error
}

// DuesTx reads and writes dues inside a transaction.
type DuesTx interface {
	// Prior returns the acconti (acconto1, acconto2) of year due by any of
	// persons, and those of persons whose year+1 is settled: an income of
	// year+1 and fixed rates of year+1 are stored.
	Prior(ctx context.Context, year int, persons []int64) (acconti []Due, nextSettled []int64, err error)
	// InsertDues writes dues, skipping those whose natural key is stored,
	// and returns how many it created.
	InsertDues(ctx context.Context, dues []Due) (int64, error)
}

// InsuranceRef names one insurance: a position and a subject code.
type InsuranceRef struct {
	PositionID  int64
	SubjectCode int
}

// Before orders insurances: by position id, then subject code. A person's
// income goes to the first of their insurances of the year.
func (r InsuranceRef) Before(o InsuranceRef) bool {
	return r.PositionID < o.PositionID || (r.PositionID == o.PositionID && r.SubjectCode < o.SubjectCode)
}

// ImposeOptions configure an imposition.
type ImposeOptions struct {
	Year     int
	Chunk    int                          // positions per transaction; 0: ImposeChunk
	Progress func(positions int64)        // called after each committed chunk
	Reject   func(in *Insured, err error) // a person the rules refuse, skipped
}

// ImposeStats count what an imposition did. Amount is the total of the dues
// the run computed, whether written now or already present.
type ImposeStats struct {
	Positions, Persons         int64
	Created, Skipped, Rejected int64
	Amount                     money.Cents
}

// Impose writes the dues of opts.Year for every insured person: the fixed
// rates, and the above-minimale dues where the income is known (see
// Imposer.Fixed and Imposer.Above). It reads positions in id order, one
// chunk per transaction, so a crash loses at most the chunk in progress
// and a new run completes the work: every due has a natural key, and those
// already stored are skipped.
func Impose(ctx context.Context, st ImposeStore, params *contrib.Params, opts ImposeOptions) (ImposeStats, error) {
	var stats ImposeStats
	im, err := NewImposer(params, opts.Year)
	if err != nil {
		return stats, err
	}
	primaries, err := st.Primaries(ctx, opts.Year)
	if err != nil {
		return stats, fmt.Errorf("ledger: impose %d: %w", opts.Year, err)
	}
	above, _ := NewImposer(params, opts.Year)
	r := &imposeRun{st: st, im: im, above: above, opts: opts, primaries: primaries}
	if r.opts.Chunk <= 0 {
		r.opts.Chunk = ImposeChunk
	}
	return r.run(ctx)
}

// imposeRun is one imposition in progress. One goroutine reads and
// computes the fixed rates of the next chunk while another writes the
// current one, each with its own Imposer.
type imposeRun struct {
	st        ImposeStore
	im        *Imposer // the reader's
	above     *Imposer // the writer's
	opts      ImposeOptions
	primaries map[int64]InsuranceRef
	stats     ImposeStats
}

// imposeChunk is a chunk of positions with its dues; two of them are
// reused in turn.
type imposeChunk struct {
	page     []Insured
	dues     []Due
	income   []*Insured // the insured whose income is known, for the writer
	n        int        // positions read
	last     int64      // id of the last position
	rejected int64
}

func (r *imposeRun) run(ctx context.Context) (ImposeStats, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	free := make(chan *imposeChunk, 2)
	free <- &imposeChunk{}
	free <- &imposeChunk{}
	full := make(chan *imposeChunk, 1)
	read := make(chan error, 1)
	go func() { read <- r.produce(ctx, free, full) }()
	for c := range full {
		if err := r.write(ctx, c); err != nil {
			cancel()
			for range full { // let the reader stop
			}
			<-read
			return r.stats, fmt.Errorf("ledger: impose %d: positions up to id %d: %w", r.opts.Year, c.last, err)
		}
		free <- c
	}
	if err := <-read; err != nil {
		return r.stats, fmt.Errorf("ledger: impose %d: read positions: %w", r.opts.Year, err)
	}
	return r.stats, nil
}

// produce reads the chunks in order, computes their fixed rates and hands
// them to the writer on full, which it closes at the end.
func (r *imposeRun) produce(ctx context.Context, free <-chan *imposeChunk, full chan<- *imposeChunk) error {
	defer close(full)
	var after int64
	for {
		var c *imposeChunk
		select {
		case c = <-free:
		case <-ctx.Done():
			return ctx.Err()
		}
		var err error
		c.page, c.last, c.n, err = r.st.InsuredPage(ctx, r.opts.Year, after, r.opts.Chunk, c.page[:0])
		if err != nil {
			return err
		}
		r.fixed(c)
		select {
		case full <- c:
		case <-ctx.Done():
			return ctx.Err()
		}
		if c.n < r.opts.Chunk {
			return nil
		}
		after = c.last
	}
}

// fixed computes the fixed rates of c.page and lists the insured whose
// above-minimale dues the writer computes.
func (r *imposeRun) fixed(c *imposeChunk) {
	c.dues, c.income, c.rejected = c.dues[:0], c.income[:0], 0
	for i := range c.page {
		in := &c.page[i]
		n := len(c.dues)
		var err error
		if c.dues, err = r.im.Fixed(in, c.dues); err != nil {
			c.dues = c.dues[:n]
			c.rejected++
			if r.opts.Reject != nil {
				r.opts.Reject(in, err)
			}
			continue
		}
		if in.HasIncome && r.primary(in) {
			c.income = append(c.income, in)
		}
	}
}

// write adds the above-minimale dues of c and writes all its dues in one
// transaction, then counts them.
func (r *imposeRun) write(ctx context.Context, c *imposeChunk) error {
	fixed := len(c.dues)
	var created int64
	err := r.st.Write(ctx, func(tx DuesTx) (err error) {
		c.dues = c.dues[:fixed]
		if c.dues, err = r.above.aboveAll(ctx, tx, c.income, c.dues); err != nil {
			return err
		}
		created, err = tx.InsertDues(ctx, c.dues)
		return err
	})
	if err != nil {
		return err
	}
	r.stats.Positions += int64(c.n)
	r.stats.Persons += int64(len(c.page))
	r.stats.Rejected += c.rejected
	r.stats.Created += created
	r.stats.Skipped += int64(len(c.dues)) - created
	for i := range c.dues {
		r.stats.Amount += c.dues[i].Amount
	}
	if r.opts.Progress != nil {
		r.opts.Progress(int64(c.n))
	}
	return nil
}

// primary reports whether in is the insurance its person's income goes to.
func (r *imposeRun) primary(in *Insured) bool {
	p, ok := r.primaries[in.PersonID]
	return !ok || p == InsuranceRef{in.PositionID, in.SubjectCode}
}
