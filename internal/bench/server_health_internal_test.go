package bench

import (
	"strings"
	"testing"
)

func TestHealthNotesWarnOfAServerNotKeptAsADeploymentKeepsOne(t *testing.T) {
	if n := healthNotes("on", 900<<10); len(n) != 0 {
		t.Errorf("a healthy server got notes: %q", n)
	}
	n := healthNotes("off", 107<<20)
	if len(n) != 2 || !strings.Contains(n[0], "autovacuum off") || !strings.Contains(n[1], "pg_attribute holds 107 MB") {
		t.Errorf("autovacuum off and 107 MB of pg_attribute: %q", n)
	}
	if n := healthNotes("on", 40<<20); len(n) != 1 || !strings.Contains(n[0], "vacuumdb --full") {
		t.Errorf("bloated catalogs alone: %q", n)
	}
}
