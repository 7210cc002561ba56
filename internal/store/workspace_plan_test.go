package store

import (
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
)

// TestWorkspaceQueriesUseIndexes fails when SQLite plans a full scan for
// the workspace's own queries (its ledger figures come from the deadline
// queries, checked in news_plan_test.go).
func TestWorkspaceQueriesUseIndexes(t *testing.T) {
	db := planDB(t)
	day := civil.MustParse("2026-11-23")
	for query, args := range map[string][]any{
		workspaceClientsQuery: {1, 1, day, day},
		workspacePendingQuery: {1, "2026-11-23"},
	} {
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
