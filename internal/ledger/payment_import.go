package ledger

import (
	"context"
	"errors"
	"io"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// DefaultPaymentChunk is the number of lines ImportPayments writes per
// transaction by default.
const DefaultPaymentChunk = 10_000

// PaymentWriter stores payments a chunk at a time.
type PaymentWriter interface {
	// WritePayments stores chunk in one transaction: payments whose line key
	// is already stored are skipped, the others are created and reconciled
	// in the same transaction (and marked reconciled), so that a crash
	// leaves a chunk all done or not at all.
	WritePayments(ctx context.Context, chunk []Payment) (ChunkResult, error)
}

// ChunkResult is what writing one chunk did.
type ChunkResult struct {
	Created   int64
	Skipped   int64       // already stored by an earlier run or file
	Amount    money.Cents // importo a debito of the payments created
	Reconcile ReconcileStats
}

// ImportOptions drive ImportPayments.
type ImportOptions struct {
	Source   string                 // the file name stored with each payment
	Chunk    int                    // lines per transaction; 0 means DefaultPaymentChunk
	Today    civil.Date             // the import date: later payment dates are refused
	Reject   func(PaymentLineError) // called for each refused line, in file order
	Progress func(offset int64, lines int64)
}

// ImportResult sums up an import.
type ImportResult struct {
	Read      int64 // data lines read (the header aside)
	Created   int64
	Skipped   int64
	Rejected  int64
	Amount    money.Cents // importo a debito of the payments created
	Reconcile ReconcileStats
}

// paymentChunk is a chunk of parsed lines on its way to the writer.
type paymentChunk struct {
	payments []Payment
	rejects  []PaymentLineError
	read     int64
	offset   int64
	err      error
}

// ImportPayments reads every line of r, validates it (ParseF24Line), gives
// it its line key (LineKeyer) and writes the valid ones to w in chunks of
// o.Chunk lines. Reading and parsing run ahead of the writer by one chunk.
// Refused lines go to o.Reject and are counted; an I/O or database error
// stops the import (the chunks written so far stay written).
func ImportPayments(ctx context.Context, r *F24Reader, w PaymentWriter, o ImportOptions) (ImportResult, error) {
	if o.Chunk <= 0 {
		o.Chunk = DefaultPaymentChunk
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	chunks := make(chan paymentChunk, 1)
	go producePayments(ctx, r, o, chunks)
	var res ImportResult
	for c := range chunks {
		if c.err != nil {
			return res, c.err
		}
		res.Read += c.read
		res.Rejected += int64(len(c.rejects))
		for _, le := range c.rejects {
			if o.Reject != nil {
				o.Reject(le)
			}
		}
		if err := writeChunk(ctx, w, c.payments, &res); err != nil {
			return res, err
		}
		if o.Progress != nil {
			o.Progress(c.offset, res.Read)
		}
	}
	return res, ctx.Err()
}

// writeChunk writes one chunk and adds its result to res.
func writeChunk(ctx context.Context, w PaymentWriter, payments []Payment, res *ImportResult) error {
	if len(payments) == 0 {
		return nil
	}
	cr, err := w.WritePayments(ctx, payments)
	if err != nil {
		return err
	}
	res.Created += cr.Created
	res.Skipped += cr.Skipped
	res.Amount += cr.Amount
	res.Reconcile.Add(cr.Reconcile)
	return nil
}

// producePayments reads and parses r into chunks sent to out, which it
// closes at the end (or when ctx is done).
func producePayments(ctx context.Context, r *F24Reader, o ImportOptions, out chan<- paymentChunk) {
	defer close(out)
	keys := NewLineKeyer()
	send := func(c paymentChunk) bool {
		select {
		case out <- c:
			return true
		case <-ctx.Done():
			return false
		}
	}
	c := paymentChunk{payments: make([]Payment, 0, o.Chunk)}
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			c.offset = r.Offset()
			send(c)
			return
		}
		if err != nil {
			send(paymentChunk{err: err})
			return
		}
		c.read++
		addLine(&c, rec, r.DecimalComma(), keys, o)
		if c.read == int64(o.Chunk) {
			c.offset = r.Offset()
			if !send(c) {
				return
			}
			c = paymentChunk{payments: make([]Payment, 0, o.Chunk)}
		}
	}
}

// addLine parses rec into c: a payment with its key and source, or a refusal.
func addLine(c *paymentChunk, rec F24Record, decimalComma bool, keys *LineKeyer, o ImportOptions) {
	if rec.Err != nil {
		var le *PaymentLineError
		if errors.As(rec.Err, &le) {
			c.rejects = append(c.rejects, *le)
		} else {
			c.rejects = append(c.rejects, PaymentLineError{Line: rec.Line, Reason: rec.Err.Error()})
		}
		return
	}
	p, err := ParseF24Line(rec.Line, rec.Fields, decimalComma, o.Today)
	if err != nil {
		var le *PaymentLineError
		errors.As(err, &le)
		c.rejects = append(c.rejects, *le)
		return
	}
	p.LineKey = keys.Key(p)
	p.Source = o.Source
	p.SourceLine = rec.Line
	c.payments = append(c.payments, p)
}
