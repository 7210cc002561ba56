package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Dialect names the SQL dialect of a database.
type Dialect string

// The supported dialects.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// DB is an open database: a writer and a reader pool (the same pool on
// PostgreSQL; on SQLite one writer connection and several readers, so that
// writers never meet SQLITE_BUSY and readers run in parallel).
//
// On PostgreSQL a read replica may be attached (AttachReplica): the reads of
// pages go there, chosen by DB.R from the request's context (replica.go).
type DB struct {
	Dialect Dialect
	w       *sql.DB
	r       *sql.DB
	pool    *pgxpool.Pool // PostgreSQL only: native access (COPY)
	replica *replica      // PostgreSQL only: the read replica, or nil
	stats   poolStats     // statements by pool
	stmts   *stmtCaches   // SQLite only: the prepared statements of R and W
}

// Open opens the database at url: "postgres://…" or "postgresql://…" for
// PostgreSQL, otherwise a SQLite file path (or "sqlite:PATH").
func Open(ctx context.Context, url string) (*DB, error) {
	if IsPostgresURL(url) {
		return openPostgres(ctx, url)
	}
	return openSQLite(ctx, strings.TrimPrefix(url, "sqlite:"))
}

// IsPostgresURL reports whether url names a PostgreSQL server.
func IsPostgresURL(url string) bool {
	return strings.HasPrefix(url, "postgres://") || strings.HasPrefix(url, "postgresql://")
}

func sqliteDSN(path string, readOnly bool) string {
	q := url.Values{}
	// busy_timeout first, then WAL: the order pocketbase documents.
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(ON)")
	if readOnly {
		q.Add("_pragma", "query_only(ON)")
	} else {
		q.Set("_txlock", "immediate")
	}
	return "file:" + path + "?" + q.Encode()
}

func openSQLite(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("store: empty SQLite path")
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("store: create data directory: %w", err)
		}
	}
	w, err := sql.Open("sqlite", sqliteDSN(path, false))
	if err != nil {
		return nil, fmt.Errorf("store: open sqlite: %w", err)
	}
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open sqlite %s: %w", path, err)
	}
	r, err := sql.Open("sqlite", sqliteDSN(path, true))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open sqlite readers: %w", err)
	}
	r.SetMaxOpenConns(8)
	r.SetMaxIdleConns(8)
	return &DB{Dialect: SQLite, w: w, r: r, stmts: newStmtCaches(w, r)}, nil
}

func openPostgres(ctx context.Context, url string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("store: bad PostgreSQL URL: %w", err)
	}
	defaultPoolSize(cfg, url)
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("store: connect to PostgreSQL: %w", err)
	}
	pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := pool.Ping(pctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("store: connect to PostgreSQL at %s: %w", redactURL(url), err)
	}
	db := stdlib.OpenDBFromPool(pool)
	return &DB{Dialect: Postgres, w: db, r: db, pool: pool}, nil
}

// defaultPoolSize gives the pool 8 connections unless the URL sets
// pool_max_conns: the portal's requests, the notification worker and a
// batch share it. On a machine shared with the database, fewer
// connections waste less of its CPU on waking backends
// (docs/operations.md).
func defaultPoolSize(cfg *pgxpool.Config, rawURL string) {
	if u, err := url.Parse(rawURL); err == nil && u.Query().Has("pool_max_conns") {
		return
	}
	cfg.MaxConns = max(cfg.MaxConns, 8)
}

// redactURL hides the password of a database URL for messages and logs.
func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}

// Close closes every pool and the statements prepared on them.
func (db *DB) Close() error {
	err := errors.Join(db.stmts.close(), db.w.Close())
	if db.r != db.w {
		err = errors.Join(err, db.r.Close())
	}
	if db.pool != nil {
		db.pool.Close()
	}
	return errors.Join(err, db.closeReplica())
}

// Ping checks that the database answers (used by /readyz).
func (db *DB) Ping(ctx context.Context) error {
	if err := db.w.PingContext(ctx); err != nil {
		return err
	}
	var one int
	return db.r.QueryRowContext(ctx, "SELECT 1").Scan(&one)
}

// Pool returns the native PostgreSQL pool, or nil on SQLite.
func (db *DB) Pool() *pgxpool.Pool { return db.pool }

// Writer returns the raw writer pool (migrations, bulk loads).
func (db *DB) Writer() *sql.DB { return db.w }
