package demo

import (
	"context"
	"fmt"
	"iter"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// ReferenceDate returns the default date the data describes, 31 October
// 2026: ages, activity starts and delegations are relative to it. It is
// fixed, not today, so that a seed gives the same data on any day.
func ReferenceDate() civil.Date { return civil.Date{Year: 2026, Month: 10, Day: 31} }

// DemoPositions is the number of random positions of the demo data.
const DemoPositions = 2000

// Options chooses the data set.
type Options struct {
	Seed      uint64     // same seed, same data
	Positions int        // random positions beside those of the fixed identities
	Name      string     // seed_runs name; default "seed:POSITIONS:SEED"
	Today     civil.Date // the date the data describes; default ReferenceDate
}

// Dataset is a generated data set. The positions are produced on demand by
// Positions, always the same for the same options, so that millions of them
// need not be held in memory. A Dataset is a store.SeedSource.
type Dataset struct {
	Options        Options // with the defaults filled in
	Offices        []registry.Office
	Intermediaries []store.SeedIntermediary // the fixed commercialista first
	Staff          []store.SeedStaff

	places   *places
	others   []string // codici fiscali of the random intermediaries
	reserved []string // codici fiscali of the fixed people and the intermediaries
}

// Generate builds the data set of opts. It does no I/O.
func Generate(opts Options) *Dataset {
	if opts.Today.IsZero() {
		opts.Today = ReferenceDate()
	}
	if opts.Name == "" {
		opts.Name = fmt.Sprintf("seed:%d:%d", opts.Positions, opts.Seed)
	}
	opts.Positions = max(0, opts.Positions)
	ds := &Dataset{Options: opts, Offices: append([]registry.Office(nil), offices...),
		Staff: fixedStaff(), places: newPlaces()}
	ds.Intermediaries = []store.SeedIntermediary{fixedIntermediary()}
	g := newGen(opts.Seed, streamIntermediaries, opts.Today, ds.places, fixedCFs())
	for range min(2000, max(3, opts.Positions/200)) {
		ds.Intermediaries = append(ds.Intermediaries, g.intermediary())
	}
	for _, in := range ds.Intermediaries[1:] {
		ds.others = append(ds.others, in.Person.CodiceFiscale)
	}
	ds.reserved = append(fixedCFs(), ds.others...)
	return ds
}

// RunName returns the name Seed records in seed_runs.
func (ds *Dataset) RunName() string { return ds.Options.Name }

// BaseData returns the offices, intermediaries and staff.
func (ds *Dataset) BaseData() store.SeedBase {
	return store.SeedBase{Offices: ds.Offices, Intermediaries: ds.Intermediaries, Staff: ds.Staff}
}

// Positions yields the positions of the fixed titolari, then the random ones.
func (ds *Dataset) Positions() iter.Seq[store.SeedPosition] {
	return func(yield func(store.SeedPosition) bool) {
		for _, p := range fixedPositions() {
			if !yield(p) {
				return
			}
		}
		g := newGen(ds.Options.Seed, streamPositions, ds.Options.Today, ds.places, ds.reserved)
		num := newNumbering(ds.Options.Seed)
		fixed := ds.Intermediaries[0].Person.CodiceFiscale
		q := quota{active: 5, expired: 1, revoked: 1}
		for i := range ds.Options.Positions {
			p := g.position(num.number(i))
			g.delegations(&p, fixed, ds.others, &q)
			if !yield(p) {
				return
			}
		}
	}
}

// Load generates the data set of opts and writes it to db once: a run
// already recorded under the same name does nothing (store.Seed).
func Load(ctx context.Context, db *store.DB, opts Options) (store.SeedStats, error) {
	return store.Seed(ctx, db, Generate(opts))
}

// LoadDemo loads the demo data once: the fixed identities and DemoPositions
// random positions, recorded as the run "demo".
func LoadDemo(ctx context.Context, db *store.DB) (store.SeedStats, error) {
	return Load(ctx, db, Options{Seed: 1, Positions: DemoPositions, Name: "demo"})
}
