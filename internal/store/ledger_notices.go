package store

import (
	"context"
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// Notices is the storage of the notices batch (ledger.NoticeStore): it
// finds what to notify, and issues each chunk of notices in one
// transaction on the writer.
type Notices struct {
	db  *DB
	now func() time.Time
}

// NewNotices returns the notices storage on db; now stamps created_at.
func NewNotices(db *DB, now func() time.Time) *Notices { return &Notices{db: db, now: now} }

var _ ledger.NoticeStore = (*Notices)(nil)

// fixedKinds is the SQL list of the fixed-rate kinds.
const fixedKinds = `('rata1', 'rata2', 'rata3', 'rata4')`

// capitalColumns compute, for a due d, the sum of its corrections and what
// was allocated to it and its corrections. The children are found by
// parent_id and year (the kind is tested in the sum), so that no planner is
// tempted to scan another index for the kind. A child has its parent's year
// (the foreign key (parent_id, year) on PostgreSQL): the year adds no
// condition, but lets PostgreSQL probe the one partition of dues that holds
// the children (run-time pruning) instead of all of them, each time.
const capitalColumns = `COALESCE((SELECT SUM(CASE WHEN c.kind = 'correction' THEN c.amount ELSE 0 END)
		FROM dues c WHERE c.parent_id = d.id AND c.year = d.year), 0),
	COALESCE((SELECT SUM(a.amount) FROM allocations a WHERE a.due_id = d.id), 0)
	+ COALESCE((SELECT SUM(CASE WHEN c.kind = 'correction' THEN a.amount ELSE 0 END)
		FROM dues c JOIN allocations a ON a.due_id = c.id WHERE c.parent_id = d.id AND c.year = d.year), 0)`

// openFixedWhere selects the fixed rates due in a window (two dates) and
// named by no notice: a due enters an avviso di addebito only through an
// avviso bonario, so "in no notice" is "in no avviso bonario", and the
// test is one probe of notice_items_due.
const openFixedWhere = `d.kind IN ` + fixedKinds + ` AND d.due_date >= ? AND d.due_date <= ?
	AND NOT EXISTS (SELECT 1 FROM notice_items ni WHERE ni.due_id = d.id)`

// bonarioPositionsQuery lists the positions with an open fixed rate still
// owed in the window.
const bonarioPositionsQuery = `SELECT DISTINCT d.position_id FROM dues d WHERE ` + openFixedWhere + `
	AND d.amount + COALESCE((SELECT SUM(CASE WHEN c.kind = 'correction' THEN c.amount ELSE 0 END)
		FROM dues c WHERE c.parent_id = d.id AND c.year = d.year), 0)
	> COALESCE((SELECT SUM(a.amount) FROM allocations a WHERE a.due_id = d.id), 0)
	+ COALESCE((SELECT SUM(CASE WHEN c.kind = 'correction' THEN a.amount ELSE 0 END)
		FROM dues c JOIN allocations a ON a.due_id = c.id WHERE c.parent_id = d.id AND c.year = d.year), 0)
	ORDER BY d.position_id`

// BonarioPositions implements ledger.NoticeStore.
func (s *Notices) BonarioPositions(ctx context.Context, p ledger.NoticePolicy) ([]int64, error) {
	var ids []int64
	err := s.read(ctx, func(q Querier) (err error) {
		ids, err = queryIDs(ctx, q, bonarioPositionsQuery, p.NotifiableFrom(), p.NotifiableUntil())
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: positions to notify: %w", err)
	}
	return ids, nil
}

// addebitoParentsQuery lists the avvisi bonari past their deadline (in a
// window) that no avviso di addebito follows.
const addebitoParentsQuery = `SELECT n.id FROM notices n
	WHERE n.kind = 'avviso_bonario' AND n.deadline >= ? AND n.deadline <= ?
	AND NOT EXISTS (SELECT 1 FROM notices x WHERE x.parent_id = n.id)
	ORDER BY n.id`

// AddebitoParents implements ledger.NoticeStore.
func (s *Notices) AddebitoParents(ctx context.Context, p ledger.NoticePolicy) ([]int64, error) {
	var ids []int64
	err := s.read(ctx, func(q Querier) (err error) {
		ids, err = queryIDs(ctx, q, addebitoParentsQuery, p.NotifiableFrom(), p.AddebitoDeadlineUntil())
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: avvisi bonari to follow: %w", err)
	}
	return ids, nil
}

// queryIDs runs a query of one integer column.
func queryIDs(ctx context.Context, q Querier, query string, args ...any) ([]int64, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// IssueBonari implements ledger.NoticeStore: in one transaction it loads
// the open fixed rates of positions, plans each position's avviso bonario
// and writes them.
func (s *Notices) IssueBonari(ctx context.Context, positions []int64, pl ledger.NoticePlanner) (ledger.NoticeTally, error) {
	t := ledger.NoticeTally{Read: int64(len(positions))}
	err := s.db.InTx(ctx, func(q Querier) error {
		if err := noticeSettings(ctx, q); err != nil {
			return err
		}
		infos, err := positionInfos(ctx, q, positions)
		if err != nil {
			return err
		}
		cands, err := openFixedDues(ctx, q, positions, pl.Policy)
		if err != nil {
			return err
		}
		var plans []ledger.NoticePlan
		for _, id := range positions {
			plan, ok, err := pl.Bonario(infos[id], cands[id])
			if err != nil {
				return err
			}
			if ok {
				plans = append(plans, plan)
			}
		}
		return writeNoticePlans(ctx, q, plans, pl.Policy.AsOf.Year, s.now(), &t)
	})
	if err != nil {
		return ledger.NoticeTally{}, fmt.Errorf("store: avvisi bonari: %w", err)
	}
	return t, nil
}

// IssueAddebiti implements ledger.NoticeStore: in one transaction it loads
// the avvisi bonari parents (those still without an avviso di addebito)
// with what their items still owe, plans and writes the avvisi di addebito.
func (s *Notices) IssueAddebiti(ctx context.Context, parents []int64, pl ledger.NoticePlanner) (ledger.NoticeTally, error) {
	t := ledger.NoticeTally{Read: int64(len(parents))}
	err := s.db.InTx(ctx, func(q Querier) error {
		if err := noticeSettings(ctx, q); err != nil {
			return err
		}
		notices, err := unfollowedBonari(ctx, q, parents)
		if err != nil {
			return err
		}
		cands, err := bonarioItems(ctx, q, parents)
		if err != nil {
			return err
		}
		var plans []ledger.NoticePlan
		for _, n := range notices {
			plan, ok, err := pl.Addebito(n.Notice, n.Position, cands[n.Notice.ID])
			if err != nil {
				return err
			}
			if ok {
				plans = append(plans, plan)
			}
		}
		return writeNoticePlans(ctx, q, plans, pl.Policy.AsOf.Year, s.now(), &t)
	})
	if err != nil {
		return ledger.NoticeTally{}, fmt.Errorf("store: avvisi di addebito: %w", err)
	}
	return t, nil
}

// read runs the batch's selection queries: on SQLite on the readers; on
// PostgreSQL in a transaction of their own, with noticeSettings (they
// carry the same per-due subqueries as the chunks' loads).
func (s *Notices) read(ctx context.Context, fn func(q Querier) error) error {
	if s.db.Dialect != Postgres {
		return fn(s.db.R())
	}
	return s.db.InTx(ctx, func(q Querier) error {
		if err := noticeSettings(ctx, q); err != nil {
			return err
		}
		return fn(q)
	})
}

// noticeSettings sets, on PostgreSQL, how the statements of the
// transaction are planned.
//
// plan_cache_mode = force_custom_plan: every statement is planned for its
// actual parameters and table sizes. A batch that fills tables which were
// empty when it started (notices, notice_items, documents, events) would
// otherwise keep, for the whole session, the foreign-key check plans made
// when they were tiny (sequential scans), and slow down as they grow.
//
// jit = off: the queries that load the open dues run three correlated
// subqueries per due (corrections and allocations, capitalColumns), each an
// Append over every yearly partition of dues, so the planner's estimate
// passes jit_above_cost and jit_optimize_above_cost (2.3 million for the
// 10,000 rates of a 2,000-position history) although they run in about
// 0.1 s. LLVM then compiled them for 0.7–1.2 s at every call: the demo
// history's notices runs took 14 s instead of 4. The payments import and
// the imposition turn JIT off for the same reason.
func noticeSettings(ctx context.Context, q Querier) error {
	if q.Dialect() != Postgres {
		return nil
	}
	for _, set := range []string{"SET LOCAL plan_cache_mode = force_custom_plan", "SET LOCAL jit = off"} {
		if _, err := q.Exec(ctx, set); err != nil {
			return fmt.Errorf("notices transaction: %w", err)
		}
	}
	return nil
}
