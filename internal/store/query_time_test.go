package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

// TestTimeArgIsWhatTheDriverWrites binds times both ways on the SQLite
// writer the store opens: as time.Time, formatted by the driver, and as
// the text of timeArg. The stored text must be the same, and read back as
// the same time, or the batches' created_at would differ from the
// portal's.
func TestTimeArgIsWhatTheDriverWrites(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "time.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.w.ExecContext(ctx, `CREATE TABLE times (n INTEGER, by_driver TIMESTAMP, by_arg TIMESTAMP)`); err != nil {
		t.Fatal(err)
	}
	rome, err := time.LoadLocation("Europe/Rome")
	if err != nil {
		rome = time.FixedZone("CET", 3600)
	}
	times := []time.Time{
		time.Date(2027, 3, 16, 9, 30, 0, 123456789, time.UTC),
		time.Date(2027, 3, 16, 9, 30, 0, 0, time.UTC),
		time.Date(2027, 7, 1, 0, 0, 0, 500, rome),
		time.Now().UTC(),
	}
	for i, at := range times {
		if _, err := db.w.ExecContext(ctx, `INSERT INTO times VALUES (?, ?, ?)`, i, at, timeArg(SQLite, at)); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := db.w.QueryContext(ctx, `SELECT n, CAST(by_driver AS TEXT), CAST(by_arg AS TEXT), by_driver, by_arg FROM times ORDER BY n`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var n int
		var textDriver, textArg string
		var readDriver, readArg time.Time
		if err := rows.Scan(&n, &textDriver, &textArg, &readDriver, &readArg); err != nil {
			t.Fatal(err)
		}
		if textDriver != textArg || !readArg.Equal(readDriver) || !readArg.Equal(times[n]) {
			t.Errorf("%v: the driver wrote %q, timeArg %q (read back %v and %v)", times[n], textDriver, textArg, readDriver, readArg)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if at := times[0]; timeArg(Postgres, at) != any(at) {
		t.Error("on PostgreSQL timeArg must bind the time itself")
	}
}
