// Package storetest gives each test a fresh, migrated database: a SQLite file
// in the test's temporary directory, or — when CASSETTO_TEST_DB=postgres — a
// new schema on the server named by CASSETTO_TEST_POSTGRES_URL, dropped when
// the test ends. The README's test command runs the whole suite both ways.
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/cassetto-dev/cassetto/internal/store"
)

// Backend returns the backend the tests run on: "sqlite" or "postgres".
func Backend() string {
	if os.Getenv("CASSETTO_TEST_DB") == "postgres" {
		return "postgres"
	}
	return "sqlite"
}

// URL returns the URL of a fresh, empty database for tb (not migrated),
// removed when the test ends.
func URL(tb testing.TB) string {
	tb.Helper()
	if Backend() == "sqlite" {
		return filepath.Join(tb.TempDir(), "cassetto.db")
	}
	base := os.Getenv("CASSETTO_TEST_POSTGRES_URL")
	if base == "" {
		tb.Fatal("CASSETTO_TEST_DB=postgres needs CASSETTO_TEST_POSTGRES_URL (e.g. postgres://postgres@127.0.0.1:5432/test)")
	}
	schema := "t_" + randomHex(8)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		tb.Fatalf("storetest: PostgreSQL at CASSETTO_TEST_POSTGRES_URL cannot be reached: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		tb.Fatalf("storetest: create schema: %v", err)
	}
	tb.Cleanup(func() {
		c, err := pgx.Connect(context.Background(), base)
		if err != nil {
			return
		}
		defer c.Close(context.Background())
		_, _ = c.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
	})
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatalf("storetest: bad CASSETTO_TEST_POSTGRES_URL: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// New returns a fresh migrated database, closed when the test ends.
func New(tb testing.TB) *store.DB {
	tb.Helper()
	db, err := store.Open(context.Background(), URL(tb))
	if err != nil {
		tb.Fatalf("storetest: open: %v", err)
	}
	tb.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(context.Background()); err != nil {
		tb.Fatalf("storetest: migrate: %v", err)
	}
	return db
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Prepared returns the URL of a fresh database, migrated and filled by
// prepare, then closed: for tests that run the command line or a real
// process on it.
func Prepared(tb testing.TB, prepare func(ctx context.Context, db *store.DB) error) string {
	tb.Helper()
	url := URL(tb)
	ctx := context.Background()
	db, err := store.Open(ctx, url)
	if err != nil {
		tb.Fatalf("storetest: open: %v", err)
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		tb.Fatalf("storetest: migrate: %v", err)
	}
	if err := prepare(ctx, db); err != nil {
		tb.Fatalf("storetest: prepare: %v", err)
	}
	return url
}
