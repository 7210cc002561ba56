package store

import (
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
)

// TestAssociationQueriesUseIndexes fails when SQLite plans a full scan for
// the queries that give an association's staff access, list the staff and
// assignments, and read their activity.
func TestAssociationQueriesUseIndexes(t *testing.T) {
	db := planDB(t)
	day := civil.MustParse("2026-11-23")
	for query, args := range map[string][]any{
		accessDelegationsQuery: {1, 2, 2, 1},
		"SELECT pos.id FROM positions pos " + delegatedPositionsWhere: {1, 1, day, day},
		associationStaffQuery:       {1},
		associationAssignmentsQuery: {1},
		associationActivityQuery:    {1, 1 << 62, 1, 50},
	} {
		steps := planSteps(t, db, query, args)
		if len(steps) == 0 {
			t.Fatalf("no plan for\n%s", query)
		}
		for _, step := range steps {
			if strings.HasPrefix(step, "SCAN ") && !strings.HasPrefix(step, "SCAN CONSTANT") {
				t.Errorf("full scan %q in\n%s\nplan: %q", step, query, steps)
			}
		}
	}
}
