package store

import (
	"strings"
	"testing"
	"time"
)

// TestDocumentQueriesUseIndexes fails when SQLite plans a full scan of
// documents for the atti emessi queries.
func TestDocumentQueriesUseIndexes(t *testing.T) {
	db := planDB(t)
	queries := map[string][]any{
		documentsOfPositionQuery: {1},
		documentQuery:            {1, 1},
		markReadQuery:            {time.Now(), 1, 1},
	}
	for query, args := range queries {
		steps := planSteps(t, db, query, args)
		if len(steps) == 0 {
			t.Errorf("no plan for\n%s", query)
		}
		for _, step := range steps {
			if strings.HasPrefix(step, "SCAN ") || strings.Contains(step, "USE TEMP B-TREE") {
				t.Errorf("%q in\n%s", step, query)
			}
		}
	}
}
