package store

import (
	"strings"
	"testing"
)

// TestLedgerViewQueriesUseIndexes fails when SQLite plans a full scan for
// a query of the ledger consultation pages (see TestLedgerQueriesUseIndexes).
func TestLedgerViewQueriesUseIndexes(t *testing.T) {
	db := planDB(t)
	queries := map[string][]any{
		noticeInterestQuery: {1},
	}
	for query, args := range queries {
		steps := planSteps(t, db, query, args)
		if len(steps) == 0 {
			t.Fatalf("no plan for\n%s", query)
		}
		for _, step := range steps {
			if strings.HasPrefix(step, "SCAN ") && !strings.HasPrefix(step, "SCAN CONSTANT") {
				t.Errorf("full scan %q in\n%s", step, query)
			}
		}
	}
}
