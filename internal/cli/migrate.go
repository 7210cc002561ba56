package cli

import (
	"context"
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/config"
	"github.com/cassetto-dev/cassetto/internal/store"
)

func runMigrate(ctx context.Context, env Env) error {
	fs := newFlagSet("migrate", env)
	resolve := config.RegisterFlags(fs)
	if err := parseFlags(fs, env.Args); err != nil {
		return err
	}
	cfg, err := resolve(env.Getenv)
	if err != nil {
		return err
	}
	db, err := openDB(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	n, err := db.Migrate(ctx)
	if err != nil {
		return err
	}
	cur, _, _ := db.MigrationStatus(ctx)
	fmt.Fprintf(env.Stdout, "applied %d migrations; schema version %d (%s)\n", n, cur, db.Dialect)
	return nil
}

// openDB opens the configured database.
func openDB(ctx context.Context, cfg config.Config) (*store.DB, error) {
	db, err := store.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return nil, fmt.Errorf("cannot open the database (CASSETTO_DATABASE_URL): %w", err)
	}
	return db, nil
}

// openConfigured resolves a command's configuration (its flags, registered
// with config.RegisterFlags, over the environment), opens the database and
// applies pending migrations. The caller closes the database.
func openConfigured(ctx context.Context, resolve func(func(string) string) (config.Config, error),
	getenv func(string) string) (config.Config, *store.DB, error) {
	cfg, err := resolve(getenv)
	if err != nil {
		return cfg, nil, err
	}
	db, err := openMigrated(ctx, cfg)
	return cfg, db, err
}

// openMigrated opens the configured database and applies pending migrations.
func openMigrated(ctx context.Context, cfg config.Config) (*store.DB, error) {
	db, err := openDB(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if _, err := db.Migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}
