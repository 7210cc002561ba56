package e2e

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// clusterWait bounds each wait for a cluster (start, streaming, replay): a
// safety net against a hung server, not a speed assertion.
const clusterWait = 60 * time.Second

// pgServer is a PostgreSQL cluster started by a test: a data directory and
// the loopback port it listens on.
type pgServer struct {
	bin, dir string
	port     int
}

// URL returns the URL of the cluster's postgres database.
func (s pgServer) URL() string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", s.port)
}

// pgBinDir returns the directory of the PostgreSQL server programs, or
// skips the test when they are missing — except in CI, where they must be
// there.
func pgBinDir(t *testing.T) string {
	t.Helper()
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	slices.Reverse(dirs) // the newest version first
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		dirs = append(dirs, filepath.Dir(p))
	}
	for _, d := range dirs {
		if ok(filepath.Join(d, "initdb")) && ok(filepath.Join(d, "pg_ctl")) && ok(filepath.Join(d, "pg_basebackup")) {
			return d
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("the PostgreSQL server programs (initdb, pg_ctl, pg_basebackup) are required in CI")
	}
	t.Skip("replica test skipped: the PostgreSQL server programs (initdb, pg_ctl, pg_basebackup) are not installed")
	return ""
}

func ok(path string) bool {
	st, err := os.Stat(path)
	return err == nil && !st.IsDir()
}

// clusterDir makes a directory the server programs may write: they refuse
// to run as root, so as root they run as the postgres user, who owns it.
func clusterDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "cassetto-replica-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if os.Geteuid() != 0 {
		return dir
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		t.Fatalf("running as root, the PostgreSQL programs need a postgres user: %v", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := os.Chown(dir, uid, gid); err != nil {
		t.Fatal(err)
	}
	return dir
}

// pgRun runs a PostgreSQL program (as the postgres user when root).
func pgRun(t *testing.T, bin, prog string, args ...string) error {
	t.Helper()
	path := filepath.Join(bin, prog)
	cmd := exec.Command(path, args...)
	if os.Geteuid() == 0 {
		cmd = exec.Command("runuser", append([]string{"-u", "postgres", "--", path}, args...)...)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %v\n%s", prog, strings.Join(args, " "), err, out)
	}
	return nil
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// appendConf adds lines to a file of the cluster (as its owner: the
// appended file keeps its owner and mode).
func appendConf(t *testing.T, path string, lines ...string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString("\n" + strings.Join(lines, "\n") + "\n"); err != nil {
		t.Fatal(err)
	}
}

// start starts the cluster and stops it when the test ends.
func (s pgServer) start(t *testing.T) {
	t.Helper()
	if err := pgRun(t, s.bin, "pg_ctl", "-D", s.dir, "-l", s.dir+".log", "-w", "-t", "60", "start"); err != nil {
		log, _ := os.ReadFile(s.dir + ".log")
		t.Fatalf("%v\n%s", err, tail(string(log), 2000))
	}
	t.Cleanup(func() { _ = s.stop(t) })
}

// stop stops the cluster (fast shutdown: sessions are ended).
func (s pgServer) stop(t *testing.T) error {
	if _, err := os.Stat(filepath.Join(s.dir, "postmaster.pid")); err != nil {
		return nil // not running
	}
	return pgRun(t, s.bin, "pg_ctl", "-D", s.dir, "-m", "fast", "-w", "-t", "60", "stop")
}

// startPrimaryAndReplica makes a primary cluster and a streaming replica of
// it with pg_basebackup, on two loopback ports, and returns them once the
// replica streams.
func startPrimaryAndReplica(t *testing.T) (primary, replica pgServer) {
	t.Helper()
	bin := pgBinDir(t)
	dir := clusterDir(t)
	primary = pgServer{bin: bin, dir: filepath.Join(dir, "primary"), port: freePort(t)}
	if err := pgRun(t, bin, "initdb", "-D", primary.dir, "-U", "postgres", "--auth=trust", "-E", "UTF8",
		"--locale=C", "--no-sync"); err != nil {
		t.Fatal(err)
	}
	appendConf(t, filepath.Join(primary.dir, "postgresql.conf"),
		"port = "+strconv.Itoa(primary.port), "listen_addresses = '127.0.0.1'",
		"unix_socket_directories = '"+dir+"'", "wal_level = replica", "max_wal_senders = 4",
		"hot_standby = on", "fsync = off", "full_page_writes = off", "max_connections = 60")
	appendConf(t, filepath.Join(primary.dir, "pg_hba.conf"),
		"host all all 127.0.0.1/32 trust", "host replication all 127.0.0.1/32 trust")
	primary.start(t)

	replica = pgServer{bin: bin, dir: filepath.Join(dir, "replica"), port: freePort(t)}
	if err := pgRun(t, bin, "pg_basebackup", "-h", "127.0.0.1", "-p", strconv.Itoa(primary.port), "-U", "postgres",
		"-D", replica.dir, "-R", "-X", "stream", "--checkpoint=fast", "--no-sync"); err != nil {
		t.Fatal(err)
	}
	appendConf(t, filepath.Join(replica.dir, "postgresql.conf"), "port = "+strconv.Itoa(replica.port))
	replica.start(t)
	waitFor(t, "the replica to stream from the primary", func(ctx context.Context) (bool, error) {
		var n int
		err := queryRow(ctx, primary.URL(), `SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'`, &n)
		return n > 0, err
	})
	var standby bool
	if err := queryRow(context.Background(), replica.URL(), `SELECT pg_is_in_recovery()`, &standby); err != nil || !standby {
		t.Fatalf("the replica is not in recovery: %v", err)
	}
	return primary, replica
}

// queryRow runs one query on a fresh connection to url.
func queryRow(ctx context.Context, url, query string, dest ...any) error {
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	return conn.QueryRow(ctx, query).Scan(dest...)
}

// waitFor polls cond until it holds, failing the test after clusterWait.
func waitFor(t *testing.T, what string, cond func(ctx context.Context) (bool, error)) {
	t.Helper()
	deadline := time.Now().Add(clusterWait)
	var last error
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		done, err := cond(ctx)
		cancel()
		if done && err == nil {
			return
		}
		last = err
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("waited in vain for %s (last error: %v)", what, last)
}
