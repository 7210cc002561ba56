package store

import (
	"context"
	"fmt"
	"strings"
)

// Analyze refreshes the planner's statistics of tables after a bulk load:
// right after thousands of rows arrive, PostgreSQL still plans for the
// tables as they were (often empty) until autovacuum catches up, and picks
// scans that make the next batch many times slower. On SQLite it runs
// ANALYZE on the same tables. Table names are the caller's constants.
func Analyze(ctx context.Context, db *DB, tables ...string) error {
	if len(tables) == 0 {
		return nil
	}
	if db.Dialect == Postgres {
		_, err := db.W().Exec(ctx, "ANALYZE "+strings.Join(tables, ", "))
		return wrapAnalyze(err)
	}
	for _, t := range tables {
		if _, err := db.W().Exec(ctx, "ANALYZE "+t); err != nil {
			return wrapAnalyze(err)
		}
	}
	return nil
}

func wrapAnalyze(err error) error {
	if err != nil {
		return fmt.Errorf("store: analyze: %w", err)
	}
	return nil
}
