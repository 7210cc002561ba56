package bench

import (
	"context"
	"maps"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

// The clone test: a template of 40 random positions (42 with the fixed
// ones) cloned to 130 random positions is the template, two whole copies
// and a copy of its first 6 positions.
const (
	cloneTestTemplate  = 40
	cloneTestPositions = 130
	cloneTestCopies    = 3 // whole copies counted with the template, the partial one apart
)

func TestCloneFillCopiesTheTemplateWithItsHistory(t *testing.T) {
	ctx := context.Background()
	want, cut := templateCounts(t)
	db := storetest.New(t)
	st, err := cloneFill(ctx, db, cloneTestPositions, cloneTestTemplate)
	if err != nil {
		t.Fatal(err)
	}
	if st.Template != 42 || st.Positions != 132 || st.Blocks != 3 || st.Partial != 6 {
		t.Fatalf("stats %+v, want a template of 42, 132 positions, 3 copies, the last of 6", st)
	}
	got := tableCounts(t, db)
	for table, n := range want {
		if got[table] != n {
			t.Errorf("%s: %d rows, want %d", table, got[table], n)
		}
	}
	assertUniqueKeys(t, db)
	assertSequencesMoved(t, db)
	assertSameSituations(t, db, st, cut)
	assertCodelinesVerify(t, db)

	again := storetest.New(t)
	if _, err := cloneFill(ctx, again, cloneTestPositions, cloneTestTemplate); err != nil {
		t.Fatal(err)
	}
	if got2 := tableCounts(t, again); !maps.Equal(got, got2) {
		t.Errorf("a second fill counts %v, the first %v", got2, got)
	}
}

// templateCounts seeds the template alone and returns the counts a fill
// must reach — the template's × cloneTestCopies plus the rows of its first
// positions — and the last position of the partial copy.
func templateCounts(t *testing.T) (map[string]int64, int64) {
	ctx := context.Background()
	db := storetest.New(t)
	_, run, err := seedBatch(ctx, db, cloneTestTemplate)
	if err == nil {
		_, err = historyBatch(ctx, db, run)
	}
	if err != nil {
		t.Fatal(err)
	}
	var cut int64
	if err := db.R().QueryRow(ctx, "SELECT id FROM positions ORDER BY id LIMIT 1 OFFSET 5").Scan(&cut); err != nil {
		t.Fatal(err)
	}
	partial := map[string]string{
		"positions": "SELECT COUNT(*) FROM positions WHERE id <= ?",
		"persons": `SELECT COUNT(*) FROM (SELECT titolare_id FROM positions WHERE id <= ?
			UNION SELECT person_id FROM members WHERE position_id <= ?
			UNION SELECT intermediary_id FROM delegations WHERE position_id <= ?) p`,
		"dues":        "SELECT COUNT(*) FROM dues WHERE position_id <= ?",
		"payments":    "SELECT COUNT(*) FROM payments WHERE position_id <= ?",
		"allocations": "SELECT COUNT(*) FROM allocations a JOIN dues d ON d.id = a.due_id WHERE d.position_id <= ?",
		"notices":     "SELECT COUNT(*) FROM notices WHERE position_id <= ?",
	}
	all := tableCounts(t, db)
	want := map[string]int64{}
	for table, q := range partial {
		var n int64
		args := []any{cut}
		if table == "persons" {
			args = []any{cut, cut, cut}
		}
		if err := db.R().QueryRow(ctx, q, args...).Scan(&n); err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		if n == 0 || n == all[table] {
			t.Fatalf("%s: the first 6 positions have %d of %d rows: not a partial copy", table, n, all[table])
		}
		want[table] = cloneTestCopies*all[table] + n
	}
	if all["payments"] != partialCount(t, db, "SELECT COUNT(*) FROM payments WHERE position_id IS NOT NULL") {
		t.Fatal("the template has payments of no position: the expected counts do not hold")
	}
	return want, cut
}

func partialCount(t *testing.T, db *store.DB, q string) int64 {
	t.Helper()
	var n int64
	if err := db.R().QueryRow(context.Background(), q).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func tableCounts(t *testing.T, db *store.DB) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	for _, table := range clonedTables {
		out[table] = partialCount(t, db, "SELECT COUNT(*) FROM "+table)
	}
	return out
}

func assertUniqueKeys(t *testing.T, db *store.DB) {
	t.Helper()
	for _, q := range []string{
		"SELECT COUNT(*) - COUNT(DISTINCT number) FROM positions",
		"SELECT COUNT(*) FROM positions WHERE length(number) <> 8 OR number NOT BETWEEN '10000000' AND '99999999'",
		"SELECT COUNT(*) - COUNT(DISTINCT codice_fiscale) FROM persons",
		"SELECT COUNT(*) FROM persons WHERE length(codice_fiscale) <> 16",
		"SELECT COUNT(*) - COUNT(DISTINCT number) FROM notices",
		"SELECT COUNT(*) FROM payments p JOIN persons s ON s.id = p.person_id WHERE p.codice_fiscale <> s.codice_fiscale",
		"SELECT COUNT(*) FROM dues d JOIN positions p ON p.id = d.position_id WHERE d.codeline <> '' AND substr(d.codeline, 1, 8) <> p.number",
	} {
		if n := partialCount(t, db, q); n != 0 {
			t.Errorf("%s: %d", q, n)
		}
	}
}

// assertSequencesMoved checks that, on PostgreSQL, the next id of every
// copied table is past its largest.
func assertSequencesMoved(t *testing.T, db *store.DB) {
	t.Helper()
	if db.Dialect != store.Postgres {
		return
	}
	for _, table := range clonedTables {
		if !tableHasID(table) {
			continue
		}
		q := "SELECT nextval(pg_get_serial_sequence('" + table + "', 'id')) - (SELECT MAX(id) FROM " + table + ")"
		if n := partialCount(t, db, q); n <= 0 {
			t.Errorf("%s: the next id is %d below the largest", table, -n)
		}
	}
}
