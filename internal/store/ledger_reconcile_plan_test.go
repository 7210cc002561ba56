package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReconcileByPrefixUsesTheCodelineIndex fails when SQLite plans
// anything but a range of dues_codeline per prefix for the dues of
// re-generated codes.
func TestReconcileByPrefixUsesTheCodelineIndex(t *testing.T) {
	if os.Getenv("CASSETTO_TEST_DB") == "postgres" {
		t.Skip("query plans are checked on SQLite")
	}
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "plan.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	query := fmt.Sprintf(recByPrefixQuery, `(SELECT value AS prefix FROM json_each(?)) j`)
	var usesIndex bool
	for _, step := range planSteps(t, db, query, []any{`["1000000110125"]`}) {
		if strings.HasPrefix(step, "SCAN d") || strings.HasPrefix(step, "SCAN dues") {
			t.Errorf("full scan %q in\n%s", step, query)
		}
		usesIndex = usesIndex || strings.Contains(step, "dues_codeline (codeline>? AND codeline<?)")
	}
	if !usesIndex {
		t.Errorf("no range of dues_codeline in the plan of\n%s", query)
	}
}
