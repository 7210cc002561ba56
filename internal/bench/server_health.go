package bench

import (
	"context"
	"fmt"
)

// bloatedCatalogBytes is the size of pg_attribute above which the report
// warns: a new database's is under 1 MB; schemas created and dropped
// without vacuum grow it by the megabyte.
const bloatedCatalogBytes = 16 << 20

// healthNotes are the report's warnings about a PostgreSQL server that
// is not kept as a deployment keeps one: autovacuum off, or system
// catalogs grown by schemas created and dropped without vacuum. Each
// makes every statement dearer, so the portal's figures are lower bounds.
func healthNotes(autovacuum string, attributeBytes int64) []string {
	var out []string
	if autovacuum == "off" {
		out = append(out, "the PostgreSQL server runs with autovacuum off: its tables and system catalogs are never "+
			"vacuumed, so these figures are lower bounds (docs/performance.md, \"The PostgreSQL server's own health\")")
	}
	if attributeBytes > bloatedCatalogBytes {
		out = append(out, fmt.Sprintf("the database's system catalogs are bloated (pg_attribute holds %d MB; a new "+
			"database's holds under 1 MB): every statement pays for it; vacuum them first (vacuumdb --full)",
			attributeBytes>>20))
	}
	return out
}

// serverHealth adds healthNotes to r for a PostgreSQL target; it says
// nothing about SQLite, nor when the server will not answer.
func (r *Database) serverHealth(ctx context.Context, t *target) {
	if t.kind != "postgres" {
		return
	}
	var autovacuum string
	var attribute int64
	err := t.db.R().QueryRow(ctx, `SELECT current_setting('autovacuum'), pg_total_relation_size('pg_catalog.pg_attribute')`).
		Scan(&autovacuum, &attribute)
	if err != nil {
		return
	}
	r.Notes = append(r.Notes, healthNotes(autovacuum, attribute)...)
}
