package bench

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/cassetto-dev/cassetto/internal/store"
)

// target is one fresh database of the run: a SQLite file in its own
// directory, or a PostgreSQL schema created for the run.
type target struct {
	kind string // "sqlite" or "postgres"
	url  string // what store.Open and the server's CASSETTO_DATABASE_URL take
	dir  string // the data directory (SQLite file, stored files)
	db   *store.DB
	base string // PostgreSQL: the server URL the schema lives on
	name string // PostgreSQL: the schema
}

// newTarget creates and migrates a fresh database called name.
func newTarget(ctx context.Context, o Options, kind, name string) (*target, error) {
	t := &target{kind: kind, dir: filepath.Join(o.Dir, kind+"-"+name)}
	if err := os.RemoveAll(t.dir); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(t.dir, 0o750); err != nil {
		return nil, err
	}
	t.url = filepath.Join(t.dir, "cassetto.db")
	if kind == "postgres" {
		if err := t.createSchema(ctx, o.PostgresURL, name); err != nil {
			return nil, err
		}
	}
	db, err := store.Open(ctx, t.url)
	if err == nil {
		_, err = db.Migrate(ctx)
	}
	if err != nil {
		if db != nil {
			db.Close()
		}
		t.drop()
		return nil, fmt.Errorf("fresh %s database: %w", kind, err)
	}
	t.db = db
	return t, nil
}

// createSchema creates a schema for the run and points t.url at it.
func (t *target) createSchema(ctx context.Context, base, name string) error {
	u, err := url.Parse(base)
	if err != nil {
		return fmt.Errorf("CASSETTO_BENCH_POSTGRES_URL: %w", err)
	}
	suffix := make([]byte, 4)
	_, _ = rand.Read(suffix)
	t.base, t.name = base, "bench_"+strings.ReplaceAll(name, "-", "_")+"_"+hex.EncodeToString(suffix)
	conn, err := connectServer(ctx, base)
	if err != nil {
		return fmt.Errorf("CASSETTO_BENCH_POSTGRES_URL: %w", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+t.name); err != nil {
		return fmt.Errorf("create schema %s: %w", t.name, err)
	}
	q := u.Query()
	q.Set("search_path", t.name)
	u.RawQuery = q.Encode()
	t.url = u.String()
	return nil
}

// connectServer opens one connection to the server of url, whose pool
// settings (pool_max_conns, …) are for the server's pool, not a
// connection's parameters.
func connectServer(ctx context.Context, url string) (*pgx.Conn, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, err
	}
	return pgx.ConnectConfig(ctx, cfg.ConnConfig)
}

// drop removes the PostgreSQL schema, if any.
func (t *target) drop() {
	if t.name == "" {
		return
	}
	ctx := context.Background()
	conn, err := connectServer(ctx, t.base)
	if err != nil {
		return
	}
	defer conn.Close(ctx)
	_, _ = conn.Exec(ctx, "DROP SCHEMA "+t.name+" CASCADE")
	t.name = ""
}

// close closes the database and drops the schema; with remove it also
// deletes the SQLite directory.
func (t *target) close(remove bool) {
	if t.db != nil {
		t.db.Close()
		t.db = nil
	}
	t.drop()
	if remove {
		_ = os.RemoveAll(t.dir)
	}
}

// env is the environment of a server child process on t.
func (t *target) env() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "CASSETTO_") {
			env = append(env, kv)
		}
	}
	return append(env, "CASSETTO_DATABASE_URL="+t.url, "CASSETTO_DATA_DIR="+t.dir,
		"CASSETTO_LOG_LEVEL=warn", "CASSETTO_NOTIFY_INTERVAL=1h")
}

// version returns the database's version string.
func (t *target) version(ctx context.Context) string {
	q := "SELECT 'SQLite ' || sqlite_version()"
	if t.kind == "postgres" {
		q = "SELECT 'PostgreSQL ' || current_setting('server_version')"
	}
	var v string
	if err := t.db.R().QueryRow(ctx, q).Scan(&v); err != nil {
		return "unknown: " + err.Error()
	}
	return v
}
