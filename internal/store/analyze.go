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
// ANALYZE on the same tables with analysis_limit = sqliteAnalysisLimit, as
// SQLite advises: the statistics of a sample, in milliseconds rather than
// the seconds a full pass over millions of dues takes. Table names are the
// caller's constants.
func Analyze(ctx context.Context, db *DB, tables ...string) error {
	if len(tables) == 0 {
		return nil
	}
	if db.Dialect == Postgres {
		_, err := db.W().Exec(ctx, "ANALYZE "+strings.Join(tables, ", "))
		return wrapAnalyze(err)
	}
	return db.InTx(ctx, func(q Querier) error {
		if _, err := q.Exec(ctx, fmt.Sprintf("PRAGMA analysis_limit = %d", sqliteAnalysisLimit)); err != nil {
			return wrapAnalyze(err)
		}
		defer func() { _, _ = q.Exec(context.WithoutCancel(ctx), "PRAGMA analysis_limit = 0") }()
		for _, t := range tables {
			if _, err := q.Exec(ctx, "ANALYZE "+t); err != nil {
				return wrapAnalyze(err)
			}
		}
		return nil
	})
}

// sqliteAnalysisLimit is the number of rows of each index SQLite's ANALYZE
// looks at.
const sqliteAnalysisLimit = 1000

func wrapAnalyze(err error) error {
	if err != nil {
		return fmt.Errorf("store: analyze: %w", err)
	}
	return nil
}
