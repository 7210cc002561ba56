package store

import (
	"context"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// pgTestDB returns a fresh migrated PostgreSQL database (a schema of its
// own, dropped at the end), or skips the test on SQLite. storetest cannot
// be used here: it imports this package.
func pgTestDB(t *testing.T) *DB {
	t.Helper()
	base := os.Getenv("CASSETTO_TEST_POSTGRES_URL")
	if os.Getenv("CASSETTO_TEST_DB") != "postgres" || base == "" {
		t.Skip("PostgreSQL only")
	}
	ctx := context.Background()
	schema := "t_notices_" + strings.ReplaceAll(strings.ToLower(t.Name()), "/", "_")
	exec := func(q string) {
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema)
	t.Cleanup(func() { exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE") })
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	db, err := Open(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestNoticeQueriesRunWithoutJIT checks that the notices batch reads with
// JIT compilation off on PostgreSQL: its per-due subqueries over every
// partition of dues are estimated costly enough for JIT, which then took
// ten times longer to compile them than to run them.
func TestNoticeQueriesRunWithoutJIT(t *testing.T) {
	db := pgTestDB(t)
	ctx := context.Background()
	var jit, mode string
	err := NewNotices(db, nil).read(ctx, func(q Querier) error {
		return q.QueryRow(ctx, `SELECT current_setting('jit'), current_setting('plan_cache_mode')`).Scan(&jit, &mode)
	})
	if err != nil {
		t.Fatal(err)
	}
	if jit != "off" || mode != "force_custom_plan" {
		t.Errorf("the notices batch reads with jit = %s, plan_cache_mode = %s; want off, force_custom_plan", jit, mode)
	}
}

// TestDueChildrenReadOnePartition checks that the corrections, sanctions
// and their allocations of a due (capitalColumns, sanctionColumns, the
// reconciliation's residual) are looked for in the due's year's partition
// only, at run time, not in every partition of dues for every due.
func TestDueChildrenReadOnePartition(t *testing.T) {
	db := pgTestDB(t)
	ctx := context.Background()
	if err := YearPartitions(ctx, db, 2024, 2025, 2026); err != nil {
		t.Fatal(err)
	}
	// Two rows, so that the planner cannot fold the year into a constant:
	// the pruning has to happen as each due is read.
	from := ` FROM (VALUES (1::bigint, 2025, 0::bigint), (2, 2025, 0)) AS d(id, year, amount)`
	for name, cols := range map[string]string{"capital": capitalColumns, "sanctions": sanctionColumns,
		"residual": recOpenDueSelect[strings.Index(recOpenDueSelect, "d.amount -"):]} {
		var plan []string
		err := db.InTx(ctx, func(q Querier) error {
			rows, err := q.Query(ctx, `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT `+cols+from)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var l string
				if err := rows.Scan(&l); err != nil {
					return err
				}
				plan = append(plan, l)
			}
			return rows.Err()
		})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		read2025 := false
		for _, l := range plan {
			if strings.Contains(l, " on dues_2025 ") && !strings.Contains(l, "never executed") {
				read2025 = true
			}
			for _, other := range []string{" on dues_2024 ", " on dues_2026 ", " on dues_default "} {
				if strings.Contains(l, other) && !strings.Contains(l, "never executed") {
					t.Errorf("%s: a 2025 due's children are looked for in %s:\n%s", name, strings.Fields(other)[1], strings.Join(plan, "\n"))
				}
			}
		}
		if !read2025 {
			t.Errorf("%s: the children are not read in dues_2025:\n%s", name, strings.Join(plan, "\n"))
		}
	}
}
