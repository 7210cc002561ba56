package bench

import (
	"context"
	"os"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

// TestCloneFillMeasure fills a database of CASSETTO_BENCH_CLONE_POSITIONS
// positions from a template of cloneTemplatePositions and logs the times:
// a measurement run by hand, skipped otherwise. It asserts no duration.
func TestCloneFillMeasure(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("CASSETTO_BENCH_CLONE_POSITIONS"))
	if n == 0 {
		t.Skip("set CASSETTO_BENCH_CLONE_POSITIONS to measure a clone fill")
	}
	db := storetest.New(t)
	start, cpu := time.Now(), cpuTime()
	st, err := cloneFill(context.Background(), db, n, cloneTemplatePositions)
	if err != nil {
		t.Fatal(err)
	}
	total := time.Since(start).Seconds()
	t.Logf("%s: %d positions from a template of %d: %d copies (last %d positions), %d rows in %.1f s (%.0f rows/s); "+
		"with the template's seed and history %.1f s; CPU of this process %.1f s",
		storetest.Backend(), st.Positions, st.Template, st.Blocks, st.Partial, st.Rows, st.Seconds,
		float64(st.Rows)/st.Seconds, total, (cpuTime() - cpu).Seconds())
	for table, c := range tableCounts(t, db) {
		t.Logf("%s: %d rows", table, c)
	}
	size := "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()"
	if storetest.Backend() == "postgres" {
		size = `SELECT SUM(pg_total_relation_size(c.oid)) FROM pg_class c
			JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'`
	}
	t.Logf("size: %.0f MB", float64(partialCount(t, db, size))/(1<<20))
}

// cpuTime is the user and system time of this process.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
