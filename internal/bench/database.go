package bench

import (
	"context"
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/store"
)

// Database is the report of one database.
type Database struct {
	Kind      string   `json:"database"` // "sqlite" or "postgres"
	Version   string   `json:"version"`
	Positions int      `json:"positions"`
	Batches   []Batch  `json:"batches"`
	Portal    *Portal  `json:"portal,omitempty"`
	Growth    *Growth  `json:"growth,omitempty"`
	Notes     []string `json:"notes,omitempty"`
}

// runDatabase measures one kind of database: a fresh main database for the
// batches and the portal, then the growth curve.
func runDatabase(ctx context.Context, o Options, kind string, p progress) (*Database, error) {
	params, err := benchParams()
	if err != nil {
		return nil, err
	}
	t, err := newTarget(ctx, o, kind, "main")
	if err != nil {
		return nil, err
	}
	defer t.close(false)
	r := &Database{Kind: kind, Version: t.version(ctx), Positions: o.Positions}
	r.serverHealth(ctx, t)
	for _, n := range r.Notes {
		p.printf("%s: %s", kind, n)
	}
	if !o.SkipPortal {
		r.Growth = &Growth{Pages: growthColumns(), Rate: o.GrowthRate}
	}
	if err := r.history(ctx, o, t, p); err != nil {
		return r, err
	}
	if err := r.growthPoint(ctx, o, t, o.Positions, p); err != nil {
		return r, err
	}
	if r.Growth != nil && len(r.Growth.Points) == 1 { // the main database's point: its seed and history
		r.Growth.Points[0].SeedSeconds = r.Batches[0].Seconds + r.Batches[1].Seconds
	}
	steps := []struct {
		shape shape
		run   func() (Batch, error)
	}{
		{dueShape, func() (Batch, error) { return imposeBatch(ctx, t.db, params) }},
		{paymentShape, func() (Batch, error) { return paymentsBatch(ctx, t.db, params, t.dir, o.Lines) }},
		{noticeShape, func() (Batch, error) { return noticesBatch(ctx, t.db, params) }},
	}
	for _, s := range steps {
		if err := r.measure(ctx, t.db, s.shape, s.run, p); err != nil {
			return r, err
		}
	}
	if !o.SkipPortal {
		if err := r.portal(ctx, o, t, p); err != nil {
			return r, err
		}
		if err := r.growthCurve(ctx, o, p); err != nil {
			return r, err
		}
	}
	return r, nil
}

// history seeds the main database and loads its history, both measured.
func (r *Database) history(ctx context.Context, o Options, t *target, p progress) error {
	var run string
	err := r.measure(ctx, t.db, personShape, func() (Batch, error) {
		b, name, err := seedBatch(ctx, t.db, o.Positions)
		run = name
		return b, err
	}, p)
	if err != nil {
		return err
	}
	return r.measure(ctx, t.db, dueShape, func() (Batch, error) { return historyBatch(ctx, t.db, run) }, p)
}

// measure runs a batch, then its baseline, and appends the figures.
func (r *Database) measure(ctx context.Context, db *store.DB, s shape, run func() (Batch, error), p progress) error {
	b, err := run()
	if err != nil {
		return fmt.Errorf("%s: %w", b.Name, err)
	}
	if b.Rows == 0 {
		return fmt.Errorf("%s: the batch wrote no rows", b.Name)
	}
	p.printf("%s %s: %d %s in %.1f s (%.0f/s) — %s", r.Kind, b.Name, b.Rows, b.Unit, b.Seconds, b.RowsPerSec, b.Detail)
	if b.Baseline, err = runBaseline(ctx, db, s, b.Rows); err != nil {
		return err
	}
	b.Ratio = b.RowsPerSec / b.Baseline.RowsPerSec
	p.printf("%s %s baseline: %d rows in %.1f s (%.0f/s), ratio %.3f", r.Kind, b.Name, b.Baseline.Rows,
		b.Baseline.Seconds, b.Baseline.RowsPerSec, b.Ratio)
	r.Batches = append(r.Batches, b)
	return nil
}

// seedWithHistory fills a growth database: n positions with their history,
// cloned from the real history of a template of cloneTemplatePositions
// (clone.go), so that every point of the growth curve has the same data
// per position.
func seedWithHistory(ctx context.Context, db *store.DB, n int) error {
	_, err := cloneFill(ctx, db, n, cloneTemplatePositions)
	return err
}
