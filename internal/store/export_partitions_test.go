package store

import (
	"context"
	"fmt"
)

// MigrateUpTo applies the embedded migrations up to version, for the tests
// that upgrade a database holding data from an older schema.
func MigrateUpTo(ctx context.Context, db *DB, version int64) error {
	p, err := db.migrator()
	if err != nil {
		return err
	}
	if _, err := p.UpTo(ctx, version); err != nil {
		return fmt.Errorf("store: migrate to %d: %w", version, err)
	}
	return nil
}
