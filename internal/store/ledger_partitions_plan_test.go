package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

// pgPlan returns PostgreSQL's plan of query, with sequential scans
// disabled so that the plan shows whether an index can serve it.
func pgPlan(t *testing.T, db *store.DB, query string, args ...any) string {
	t.Helper()
	var lines []string
	err := db.InTx(context.Background(), func(q store.Querier) error {
		if _, err := q.Exec(context.Background(), `SET LOCAL enable_seqscan = off`); err != nil {
			return err
		}
		rows, err := q.Query(context.Background(), "EXPLAIN "+query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var l string
			if err := rows.Scan(&l); err != nil {
				return err
			}
			lines = append(lines, l)
		}
		return rows.Err()
	})
	if err != nil {
		t.Fatalf("%v in\n%s", err, query)
	}
	return strings.Join(lines, "\n")
}

// TestPartitionedQueriesPruneAndUseIndexes checks PostgreSQL's plans on
// the partitioned dues and payments: a query by position reads the
// position index of each partition, and a query that also names a year
// (dues) or a date range within a year (payments) reads that year's
// partition only.
func TestPartitionedQueriesPruneAndUseIndexes(t *testing.T) {
	if storetest.Backend() != "postgres" {
		t.Skip("partitions are PostgreSQL's")
	}
	ctx := context.Background()
	db := storetest.New(t)
	if err := store.YearPartitions(ctx, db, 2024, 2025, 2026); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		query    string
		args     []any
		want     []string // in the plan
		excluded []string // not in the plan
	}{
		{`SELECT d.id FROM dues d WHERE d.position_id = ?`, []any{1},
			[]string{"dues_2024_position_id_year_idx", "dues_2025_position_id_year_idx", "dues_default_position_id_year_idx"}, nil},
		{`SELECT d.id FROM dues d WHERE d.position_id = ? AND d.year = ?`, []any{1, 2025},
			[]string{"dues_2025_position_id_year_idx"}, []string{"dues_2024", "dues_2026", "dues_default"}},
		{`SELECT p.id FROM payments p WHERE p.position_id = ? AND p.paid_on >= ? AND p.paid_on <= ?`,
			[]any{1, civil.MustParse("2025-01-01"), civil.MustParse("2025-12-31")},
			[]string{"payments_2025_position_id_paid_on_idx"}, []string{"payments_2024", "payments_2026", "payments_default"}},
		{`SELECT a.amount FROM dues d JOIN allocations a ON a.due_id = d.id AND a.due_year = d.year
			WHERE d.position_id = ? AND d.year = ?`, []any{1, 2024},
			[]string{"dues_2024_position_id_year_idx", "allocations_due"}, []string{"dues_2025", "dues_default"}},
	}
	for _, c := range cases {
		plan := pgPlan(t, db, c.query, c.args...)
		for _, w := range c.want {
			if !strings.Contains(plan, w) {
				t.Errorf("plan without %s:\n%s", w, plan)
			}
		}
		for _, x := range c.excluded {
			if strings.Contains(plan, x) {
				t.Errorf("plan reads %s:\n%s", x, plan)
			}
		}
	}
}
