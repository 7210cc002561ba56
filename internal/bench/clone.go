package bench

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/cassetto-dev/cassetto/internal/demo"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// cloneTemplatePositions is the number of random positions whose real
// history a growth database is cloned from (cloneFill).
const cloneTemplatePositions = 10_000

// cloneStats is what cloneFill did.
type cloneStats struct {
	Template  int     // positions of the template (random and fixed)
	Positions int     // positions of the filled database
	Blocks    int     // copies of the template, the last one maybe partial
	Partial   int     // positions of the partial copy, 0 when none
	Rows      int64   // rows the copies wrote
	Seconds   float64 // time of the copies, ANALYZE included
}

// cloneFill fills db with n random positions (plus the fixed ones the seed
// always adds) that all have a real history: it seeds and loads the
// history of a template of t random positions with the real code, then
// copies that whole block — registry and ledger — with new identifiers
// until the database holds as many positions as a seed of n would.
func cloneFill(ctx context.Context, db *store.DB, n, t int) (cloneStats, error) {
	t = min(n, t)
	_, run, err := seedBatch(ctx, db, t)
	if err != nil {
		return cloneStats{}, err
	}
	if _, err := historyBatch(ctx, db, run); err != nil {
		return cloneStats{}, err
	}
	return copyTemplate(ctx, db, n, t)
}

// copyTemplate copies the template in db, of t random positions, until
// the database holds as many positions as a seed of n would.
func copyTemplate(ctx context.Context, db *store.DB, n, t int) (cloneStats, error) {
	var st cloneStats
	start := time.Now()
	tp, err := readTemplate(ctx, db)
	if err != nil {
		return st, err
	}
	st.Template = int(tp.positions)
	target := int64(n) + tp.positions - int64(t) // n random positions plus the fixed ones
	full := target / tp.positions
	st.Partial = int(target % tp.positions)
	st.Blocks = int(full) - 1
	if st.Partial > 0 {
		st.Blocks++
	}
	if err := tp.checkRanges(int64(st.Blocks)); err != nil {
		return st, err
	}
	defer bigCache(ctx, db)()
	for k := int64(1); k <= int64(st.Blocks); k++ {
		cut := tp.maxID["positions"]
		if k == int64(st.Blocks) && st.Partial > 0 {
			if cut, err = tp.cutAt(ctx, db, st.Partial); err != nil {
				return st, err
			}
		}
		rows, err := tp.copyBlock(ctx, db, tp.block(k, cut))
		if err != nil {
			return st, fmt.Errorf("clone block %d: %w", k, err)
		}
		st.Rows += rows
	}
	if err := finishClone(ctx, db); err != nil {
		return st, err
	}
	st.Positions = int(target)
	st.Seconds = time.Since(start).Seconds()
	return st, nil
}

// copyBlock copies the template once, one INSERT … SELECT per table, in
// one transaction, and returns the rows written.
func (tp *template) copyBlock(ctx context.Context, db *store.DB, b cloneBlock) (int64, error) {
	var rows int64
	err := db.InTx(ctx, func(q store.Querier) error {
		for _, ct := range cloneTables(b) {
			res, err := q.Exec(ctx, tp.insert(ct, b))
			if err != nil {
				return fmt.Errorf("%s: %w", ct.name, err)
			}
			n, _ := res.RowsAffected()
			rows += n
		}
		return nil
	})
	return rows, err
}

// finishClone moves the PostgreSQL identity sequences past the copies and
// refreshes the planner's statistics.
func finishClone(ctx context.Context, db *store.DB) error {
	if db.Dialect == store.Postgres {
		for _, t := range clonedTables {
			if !tableHasID(t) {
				continue
			}
			q := fmt.Sprintf("SELECT setval(pg_get_serial_sequence('%s', 'id'), (SELECT MAX(id) FROM %s))", t, t)
			if _, err := db.W().Exec(ctx, q); err != nil {
				return fmt.Errorf("clone: sequence of %s: %w", t, err)
			}
		}
	}
	return store.Analyze(ctx, db, clonedTables...)
}

// cutAt returns the id of the m-th template position: a partial copy
// takes the positions up to it.
func (tp *template) cutAt(ctx context.Context, db *store.DB, m int) (int64, error) {
	var id int64
	err := db.R().QueryRow(ctx, "SELECT id FROM positions WHERE id <= ? ORDER BY id LIMIT 1 OFFSET ?",
		tp.maxID["positions"], m-1).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("clone: the %d-th position: %w", m, err)
	}
	return id, nil
}

// noteClones adds, once, the note that says how the growth databases are
// filled.
func (r *Database) noteClones() {
	note := fmt.Sprintf("growth databases: the real seed and 2019–%d history of min(n, %d) positions, "+
		"copied with new ids and keys up to n positions (the main database's point has its own real history)",
		demo.HistoryLastYear, cloneTemplatePositions)
	if !slices.Contains(r.Notes, note) {
		r.Notes = append(r.Notes, note)
	}
}

// cloneCacheKiB is the SQLite page cache of the copies: the indexes of
// dues and payments take random inserts (natural and line keys), several
// times faster when their pages stay in memory.
const cloneCacheKiB = 256 << 10

// bigCache gives the SQLite writer connection (there is one) a page cache
// of cloneCacheKiB and returns the function that restores the previous one.
func bigCache(ctx context.Context, db *store.DB) func() {
	if db.Dialect != store.SQLite {
		return func() {}
	}
	var prev int64
	if err := db.W().QueryRow(ctx, "PRAGMA cache_size").Scan(&prev); err != nil {
		return func() {}
	}
	if _, err := db.W().Exec(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", cloneCacheKiB)); err != nil {
		return func() {}
	}
	return func() { _, _ = db.W().Exec(context.WithoutCancel(ctx), fmt.Sprintf("PRAGMA cache_size = %d", prev)) }
}
