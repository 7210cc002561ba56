package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
)

// lsnCacheFor is how long the replica's replayed WAL position is trusted
// before it is asked again: at most one extra query per process in this
// time, whatever the number of requests.
const lsnCacheFor = 100 * time.Millisecond

// replicaRetryAfter is how long reads stay on the primary after the replica
// failed, before it is tried again.
const replicaRetryAfter = 2 * time.Second

// replica is a PostgreSQL streaming replica that serves the reads of pages.
type replica struct {
	db     *sql.DB
	pool   *pgxpool.Pool
	logger *slog.Logger

	mu        sync.Mutex
	replayed  LSN       // highest WAL position the replica was seen to have replayed
	checkedAt time.Time // when replayed was last asked
	downUntil time.Time // the replica failed: reads go to the primary until then
}

// PoolStats counts the statements run through a Querier, by pool.
type PoolStats struct {
	Primary   uint64 // on the primary (SQLite: the database file)
	Replica   uint64 // on the read replica
	Fallbacks uint64 // reads meant for the replica served by the primary because the replica failed
}

// poolStats are the counters behind PoolStats.
type poolStats struct{ primary, replica, fallbacks atomic.Uint64 }

// Stats returns the statement counters of db.
func (db *DB) Stats() PoolStats {
	return PoolStats{Primary: db.stats.primary.Load(), Replica: db.stats.replica.Load(),
		Fallbacks: db.stats.fallbacks.Load()}
}

// HasReplica reports whether db has a read replica attached.
func (db *DB) HasReplica() bool { return db.replica != nil }

// ReplicaUp reports whether the replica is in use: attached and not failed
// recently.
func (db *DB) ReplicaUp() bool { return db.replica != nil && db.replica.up(time.Now()) }

// AttachReplica opens the PostgreSQL streaming replica at url for the reads
// of pages (see WithReplica). The primary must be PostgreSQL. A replica
// that does not answer now is not an error: reads stay on the primary and
// it is tried again later (a warning is logged).
func (db *DB) AttachReplica(ctx context.Context, url string, logger *slog.Logger) error {
	if db.Dialect != Postgres {
		return errors.New("store: a read replica needs a PostgreSQL primary")
	}
	if !IsPostgresURL(url) {
		return errors.New("store: the read replica must be a postgres:// URL")
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return fmt.Errorf("store: bad PostgreSQL URL of the replica: %w", err)
	}
	defaultPoolSize(cfg, url)
	if cfg.ConnConfig.ConnectTimeout == 0 || cfg.ConnConfig.ConnectTimeout > 2*time.Second {
		cfg.ConnConfig.ConnectTimeout = 2 * time.Second // a lost replica must not hold pages up
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return fmt.Errorf("store: read replica: %w", err)
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	r := &replica{db: stdlib.OpenDBFromPool(pool), pool: pool, logger: logger}
	db.replica = r
	r.check(ctx, redactURL(url))
	return nil
}

// check logs whether the replica answers and is a standby.
func (r *replica) check(ctx context.Context, where string) {
	var standby bool
	err := r.db.QueryRowContext(ctx, `SELECT pg_is_in_recovery()`).Scan(&standby)
	switch {
	case err != nil:
		r.fail(fmt.Errorf("read replica at %s: %w", where, err))
	case !standby:
		r.logger.Warn("the read replica is not in recovery (not a standby): reads of pages may see other data than the primary", "replica", where)
	default:
		r.logger.Info("read replica attached", "replica", where)
	}
}

// closeReplica closes the replica's pools.
func (db *DB) closeReplica() error {
	if db.replica == nil {
		return nil
	}
	err := db.replica.db.Close()
	db.replica.pool.Close()
	return err
}

// PrimaryLSN returns the primary's current WAL position: taken after a
// write, every replica that has replayed it sees the write.
func (db *DB) PrimaryLSN(ctx context.Context) (LSN, error) {
	if db.Dialect != Postgres {
		return 0, nil
	}
	var s string
	if err := db.w.QueryRowContext(ctx, `SELECT pg_current_wal_lsn()::text`).Scan(&s); err != nil {
		return 0, fmt.Errorf("store: primary WAL position: %w", err)
	}
	db.stats.primary.Add(1)
	return ParseLSN(s)
}

// ReplicaHasReplayed reports whether the replica is up and has replayed the
// primary's WAL up to lsn, so it shows every write made before lsn was
// taken. The replica's position is asked at most once per lsnCacheFor.
func (db *DB) ReplicaHasReplayed(ctx context.Context, lsn LSN) bool {
	r := db.replica
	if r == nil {
		return false
	}
	now := time.Now()
	r.mu.Lock()
	if now.Before(r.downUntil) {
		r.mu.Unlock()
		return false
	}
	if r.replayed >= lsn {
		r.mu.Unlock()
		return true
	}
	if now.Sub(r.checkedAt) < lsnCacheFor {
		r.mu.Unlock()
		return false
	}
	r.checkedAt = now
	r.mu.Unlock()
	got, err := r.replayLSN(ctx)
	if err != nil {
		if ctx.Err() == nil {
			r.fail(err)
		}
		return false
	}
	db.stats.replica.Add(1)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.replayed = max(r.replayed, got)
	return r.replayed >= lsn
}

// replayLSN asks the replica how far it has replayed the primary's WAL (its
// own position when it is not a standby).
func (r *replica) replayLSN(ctx context.Context) (LSN, error) {
	var s string
	err := r.db.QueryRowContext(ctx,
		`SELECT COALESCE(pg_last_wal_replay_lsn(), pg_current_wal_lsn())::text`).Scan(&s)
	if err != nil {
		return 0, fmt.Errorf("store: replica WAL position: %w", err)
	}
	return ParseLSN(s)
}

// up reports whether the replica may be tried at now.
func (r *replica) up(now time.Time) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return !now.Before(r.downUntil)
}

// fail marks the replica down for replicaRetryAfter and logs why, once.
func (r *replica) fail(err error) {
	now := time.Now()
	r.mu.Lock()
	wasUp := !now.Before(r.downUntil)
	r.downUntil = now.Add(replicaRetryAfter)
	r.mu.Unlock()
	if wasUp {
		r.logger.Warn("read replica unavailable: reads go to the primary", "retry_in", replicaRetryAfter.String(), "err", err)
	}
}

// replicaBroken reports whether err from the replica says the replica
// itself is unusable (connection lost, shutting down, recovery conflict),
// rather than a problem of the statement that the primary would have too.
func replicaBroken(err error) bool {
	var pg *pgconn.PgError
	if !errors.As(err, &pg) {
		return true // not an answer of the server: the connection failed
	}
	if len(pg.Code) < 2 {
		return true
	}
	switch pg.Code[:2] {
	case "08", "57", "53", "58": // connection, operator intervention, resources, system
		return true
	}
	return pg.Code == "40001" // canceled by a conflict with recovery
}
