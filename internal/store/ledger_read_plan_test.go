package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// ledgerQueries are the queries of the read models and of the notices
// batch with example arguments.
func ledgerQueries() map[string][]any {
	day := civil.MustParse("2026-03-16")
	ids := fmt.Sprintf("(%s)", Placeholders(3))
	where, args := paymentWhere(1, ledger.PaymentFilter{Year: 2025, Causale: "CF", From: day, To: day,
		After: ledger.PaymentCursor{PaidOn: day, ID: 9}})
	return map[string][]any{
		readPositionQuery:                 {1},
		readPersonsQuery:                  {1, 1},
		readDuesQuery:                     {1},
		readDuesQuery + " AND d.year = ?": {1, 2025},
		fmt.Sprintf(readAllocationsQuery, sqliteIn("a.due_id"), sqliteIn("a.payment_id")): {"[1,2]", "[3]"},
		readPaymentsQuery:    {1},
		readNoticeLinksQuery: {1},
		`SELECT ` + PaymentSelect + ` FROM payments p WHERE ` + where + ` ORDER BY p.paid_on DESC, p.id DESC LIMIT ?`: append(args, 51),
		`SELECT ` + allocationColumns + ` FROM allocations a WHERE a.payment_id IN ` + ids:                            {1, 2, 3},
		bonarioPositionsQuery: {day, day},
		`SELECT ` + DueSelect + `, ` + capitalColumns + ` FROM dues d WHERE d.position_id IN ` + ids + ` AND ` + openFixedWhere: {1, 2, 3, day, day},
		addebitoParentsQuery: {day, day},
		fmt.Sprintf(unfollowedBonariQuery, Placeholders(3)):           {1, 2, 3},
		fmt.Sprintf(bonarioItemsQuery, Placeholders(3)):               {1, 2, 3},
		`SELECT natural_key FROM notices WHERE natural_key IN ` + ids: {"a", "b", "c"},
	}
}

// TestLedgerQueriesUseIndexes fails when SQLite plans a full scan of a
// table for a read-model or notices query (PostgreSQL plans by statistics,
// so the same indexes serve it).
func TestLedgerQueriesUseIndexes(t *testing.T) {
	db := planDB(t)
	for query, args := range ledgerQueries() {
		for _, step := range planSteps(t, db, query, args) {
			fullScan := strings.HasPrefix(step, "SCAN ") && !strings.HasPrefix(step, "SCAN CONSTANT") && !scansList(step)
			if fullScan || strings.HasSuffix(step, "(kind=?)") { // every row of a kind is a scan too
				t.Errorf("full scan %q in\n%s", step, query)
			}
		}
	}
}

// planDB returns a migrated, empty SQLite database for checking query
// plans; on PostgreSQL the test is skipped (it plans by statistics, and the
// same indexes serve it).
func planDB(t *testing.T) *DB {
	t.Helper()
	if os.Getenv("CASSETTO_TEST_DB") == "postgres" {
		t.Skip("query plans are checked on SQLite")
	}
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "plan.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return db
}

// sqliteIn is the condition payIn gives col on SQLite, for a list passed
// as its one argument.
func sqliteIn(col string) string {
	cond, _, _ := payIn(SQLite, col, []int64{})
	return cond
}

// scansList reports whether a plan step walks the list of values a query
// was given (payIn's json_each), not a table.
func scansList(step string) bool { return strings.HasPrefix(step, "SCAN json_each VIRTUAL TABLE") }

func planSteps(t *testing.T, db *DB, query string, args []any) []string {
	t.Helper()
	rows, err := db.R().Query(context.Background(), "EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		t.Fatalf("%v in\n%s", err, query)
	}
	defer rows.Close()
	var steps []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		steps = append(steps, detail)
	}
	return steps
}
