package store

import (
	"context"
	"fmt"
	"iter"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/registry"
)

// SeedSource is a data set for Seed: a run name, the reference data (offices,
// intermediaries, staff) and the positions, produced one at a time so that
// millions of them need not sit in memory. demo.Dataset is one.
type SeedSource interface {
	RunName() string // recorded in seed_runs once the whole set is loaded
	BaseData() SeedBase
	Positions() iter.Seq[SeedPosition]
}

// SeedBase is the reference data of a seed, loaded before the positions.
type SeedBase struct {
	Offices        []registry.Office
	Intermediaries []SeedIntermediary
	Staff          []SeedStaff
}

// SeedPerson is a person with the contact data stored when the person is new.
type SeedPerson struct {
	registry.Person // ID and the Contact's IDs are ignored
	Contact         *registry.Contact
}

// SeedPosition is a position with its titolare, collaboratori and the
// delegations given on it. The IDs in it are ignored: the database
// assigns them, and titolari and members are linked by codice fiscale.
type SeedPosition struct {
	registry.Position
	Titolare    SeedPerson
	Members     []SeedMember
	Delegations []SeedDelegation
}

// SeedMember is a collaboratore with the person; its IDs are ignored.
type SeedMember struct {
	registry.Member
	Person SeedPerson
}

// SeedDelegation is a delegation on a position to an intermediary of the
// same data set, named by codice fiscale.
type SeedDelegation struct {
	IntermediaryCF string
	Scope          string // consultation or full
	Status         string // active, revoked or expired
	ValidFrom      civil.Date
	ValidTo        civil.Date // zero: open-ended; the end for revoked and expired ones
}

// SeedIntermediary is a person registered as an intermediary.
type SeedIntermediary struct {
	Person             SeedPerson
	Kind               string // consulente_lavoro, commercialista, caf, associazione
	RegistrationNumber string
	Firm               string
}

// SeedStaff is an office operator or administrator.
type SeedStaff struct {
	Username, CodiceFiscale, DisplayName, Role, OfficeCode string
}

// SeedStats counts what Seed inserted. Skipped counts positions whose
// number was already in the database.
type SeedStats struct {
	Run string // the run name

	Offices, Intermediaries, Staff       int
	Positions, Skipped, Persons, Members int
	Contacts, Delegations                int
	AlreadyDone                          bool // the run was complete before: nothing done
}

// SeedChunk is the number of positions Seed writes per transaction: big
// enough that SQLite writes each index page touched by random-order keys
// (codice fiscale, position number) once for many rows.
const SeedChunk = 10_000

// Seed loads src in transactions of SeedChunk positions, each table
// written with multi-row INSERTs through prepared statements, then records
// src.RunName() in seed_runs. A run already recorded does nothing.
//
// Seed resumes after a crash: a chunk is all in or all out, positions whose
// number exists are skipped, persons are matched by codice fiscale (one
// already present is reused, its contact data left alone), and offices,
// staff and intermediaries already present are kept. The data set must
// therefore be deterministic, as demo.Generate is. The same matching lets
// several data sets share the fixed demo identities.
func Seed(ctx context.Context, db *DB, src SeedSource) (SeedStats, error) {
	name := src.RunName()
	st := SeedStats{Run: name}
	var n int
	if err := db.W().QueryRow(ctx, `SELECT COUNT(*) FROM seed_runs WHERE name = ?`, name).Scan(&n); err != nil {
		return st, fmt.Errorf("store: seed %s: %w", name, err)
	}
	if n > 0 {
		st.AlreadyDone = true
		return st, nil
	}
	if db.Dialect == SQLite {
		defer seedCache(ctx, db)()
	}
	l := &seedLoader{db: db, now: time.Now().UTC(), st: &st}
	if err := l.load(ctx, src); err != nil {
		return st, fmt.Errorf("store: seed %s: %w", name, err)
	}
	detail := fmt.Sprintf("positions=%d skipped=%d persons=%d", st.Positions, st.Skipped, st.Persons)
	if _, err := db.W().Exec(ctx, `INSERT INTO seed_runs (name, done_at, detail) VALUES (?, ?, ?)
		ON CONFLICT (name) DO NOTHING`, name, time.Now().UTC(), detail); err != nil {
		return st, fmt.Errorf("store: seed %s: record the run: %w", name, err)
	}
	return st, nil
}

// load writes the reference data, then the positions SeedChunk at a time.
func (l *seedLoader) load(ctx context.Context, src SeedSource) error {
	if err := l.inTx(ctx, func(t *seedTx) error { return l.base(t, src.BaseData()) }); err != nil {
		return fmt.Errorf("reference data: %w", err)
	}
	chunk := make([]SeedPosition, 0, SeedChunk)
	flush := func() error {
		err := l.inTx(ctx, func(t *seedTx) error { return l.positions(t, chunk) })
		chunk = chunk[:0]
		return err
	}
	for p := range src.Positions() {
		if chunk = append(chunk, p); len(chunk) == SeedChunk {
			if err := flush(); err != nil {
				return fmt.Errorf("positions: %w", err)
			}
		}
	}
	if err := flush(); err != nil {
		return fmt.Errorf("positions: %w", err)
	}
	return nil
}

// seedCacheKiB is the SQLite page cache of the writer while seeding: the
// unique indexes filled in random order (codice fiscale, position number)
// thrash the default 2 MB cache once the database outgrows it.
const seedCacheKiB = 64 << 10

// seedCache enlarges the page cache of the SQLite writer connection and
// returns the function that restores it.
func seedCache(ctx context.Context, db *DB) (restore func()) {
	var old int64
	if err := db.w.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&old); err != nil {
		return func() {}
	}
	if _, err := db.w.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = -%d`, seedCacheKiB)); err != nil {
		return func() {}
	}
	return func() {
		_, _ = db.w.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf(`PRAGMA cache_size = %d`, old))
	}
}
