package store

import (
	"context"
	"fmt"
	"slices"
	"sync"
)

// YearPartitions makes sure the PostgreSQL partitions of dues and payments
// exist for each of years (migration 00015, function
// cassetto_year_partitions), each in its own short transaction. A batch
// calls it before its first write of a year: making a partition locks the
// partitioned table, which must not happen inside a batch transaction that
// already reads it. A year whose rows are already in the default partition
// keeps them there (PostgreSQL cannot make a partition over them): they
// stay correct, only unpruned. On SQLite it does nothing.
func YearPartitions(ctx context.Context, db *DB, years ...int) error {
	if db.Dialect != Postgres {
		return nil
	}
	for _, y := range years {
		if _, err := db.W().Exec(ctx, `SELECT cassetto_year_partitions(?)`, y); err != nil {
			return fmt.Errorf("store: partitions of %d: %w", y, err)
		}
	}
	return nil
}

// pgGenericPlans makes a PostgreSQL transaction use generic plans. A foreign key that points at a partitioned table (allocations and
// notice_items to dues and payments, a sanction to its parent due) is
// checked, row by row, with a query whose cached plan the planner would
// otherwise rebuild for every row, because a plan made for the row's key
// prunes the other partitions and looks cheaper than the generic one: the
// profile of COPY into allocations showed 67% of the server's time in the
// planner and 10,000 rows took 5–9 s instead of about 1. A generic plan
// prunes at run time, so it reads one partition too. Only around the
// writes: the reconciliation's reads with long lists of keys need a plan
// for their values (with generic plans one of them took 14–39 s instead of
// 0.3).
const pgGenericPlans = `SET LOCAL plan_cache_mode = force_generic_plan`

// pgGenericPlansFor runs write with pgGenericPlans in force, then puts the
// planner back to its default; exec runs a statement in the transaction.
//
// It first drops the session's cached plans (DISCARD PLANS: the statements
// stay prepared, and are planned again at their next use). A generic plan
// is kept for the whole session, and the foreign-key checks' plans choose
// a scan for each partition from its size when they are made: made while a
// year's partition was still empty (the first write of a year, or an
// earlier batch on the same pooled connection), the plan goes on scanning
// that partition sequentially for every row as it fills. The demo history
// on PostgreSQL showed it: the chunk of each payments import that pays into
// the new year's partition wrote its allocations 6–9 times slower than the
// others (1.2–1.8 s instead of 0.2 s for 10,000 rows).
func pgGenericPlansFor(exec func(q string) error, write func() error) error {
	if err := exec(`DISCARD PLANS`); err != nil {
		return fmt.Errorf("store: discard plans: %w", err)
	}
	if err := exec(pgGenericPlans); err != nil {
		return fmt.Errorf("store: generic plans: %w", err)
	}
	if err := write(); err != nil {
		return err
	}
	if err := exec(`SET LOCAL plan_cache_mode = auto`); err != nil {
		return fmt.Errorf("store: plans: %w", err)
	}
	return nil
}

// querierGenericPlans is pgGenericPlansFor on the transaction q; on SQLite
// it just runs write.
func querierGenericPlans(ctx context.Context, q Querier, write func() error) error {
	if q.Dialect() != Postgres {
		return write()
	}
	return pgGenericPlansFor(func(s string) error { _, err := q.Exec(ctx, s); return err }, write)
}

// partitionYears remembers the years a batch has made partitions for, so
// that it asks the database once per year.
type partitionYears struct {
	mu   sync.Mutex
	done map[int]bool
}

// ensure calls YearPartitions for those of years not asked for before.
func (p *partitionYears) ensure(ctx context.Context, db *DB, years []int) error {
	if db.Dialect != Postgres {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	var missing []int
	for _, y := range years {
		if !p.done[y] && !slices.Contains(missing, y) {
			missing = append(missing, y)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	if err := YearPartitions(ctx, db, missing...); err != nil {
		return err
	}
	if p.done == nil {
		p.done = map[int]bool{}
	}
	for _, y := range missing {
		p.done[y] = true
	}
	return nil
}
