package load

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

// readyTimeout bounds the wait for the server's /readyz.
const readyTimeout = 60 * time.Second

// server is `cassetto serve` running in a child process.
type server struct {
	cmd    *exec.Cmd
	base   string // http://127.0.0.1:PORT
	pprof  string // 127.0.0.1:PORT of the runtime profiles; "": none
	dir    string // holds the server's log
	exited chan struct{}
	err    error // the process's exit, once exited is closed
}

// startServer runs `cfg.Binary serve` with cfg.Env on a free loopback port,
// the baseline routes on, and waits until /readyz answers.
func startServer(ctx context.Context, cfg Config) (*server, error) {
	addr, err := freePort()
	if err != nil {
		return nil, err
	}
	var pprof string
	if cfg.CPUProfile != "" {
		if pprof, err = freePort(); err != nil {
			return nil, err
		}
	}
	dir, err := os.MkdirTemp("", "cassetto-load-")
	if err != nil {
		return nil, err
	}
	logf, err := os.Create(filepath.Join(dir, "server.log"))
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	defer logf.Close()
	cmd := exec.Command(cfg.Binary, "serve")
	cmd.Env = append(append([]string(nil), cfg.Env...), // later entries win
		"CASSETTO_LISTEN="+addr, "CASSETTO_BASE_URL=http://"+addr, "CASSETTO_BENCH_BASELINE=1")
	if pprof != "" {
		cmd.Env = append(cmd.Env, "CASSETTO_PPROF_LISTEN="+pprof)
	}
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("load: start %s serve: %w", cfg.Binary, err)
	}
	s := &server{cmd: cmd, base: "http://" + addr, pprof: pprof, dir: dir, exited: make(chan struct{})}
	go func() { s.err = cmd.Wait(); close(s.exited) }()
	if err := s.waitReady(ctx); err != nil {
		s.stop()
		return nil, err
	}
	return s, nil
}

// drainNotifications runs `Binary notify --once` with cfg.Env: it processes
// the pending notification events, as the server's worker would at start.
func drainNotifications(ctx context.Context, cfg Config) error {
	start := time.Now()
	cmd := exec.CommandContext(ctx, cfg.Binary, "notify", "--once")
	cmd.Env = cfg.Env
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("load: %s notify --once: %w: %s", cfg.Binary, err, bytes.TrimSpace(out))
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	cfg.logf("notifications pending before the runs processed in %.1f s: %s", time.Since(start).Seconds(), lines[len(lines)-1])
	return nil
}

// freePort returns a loopback address no one listens on now.
func freePort() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("load: find a free port: %w", err)
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

func (s *server) waitReady(ctx context.Context) error {
	deadline := time.Now().Add(readyTimeout)
	client := &http.Client{Timeout: 2 * time.Second}
	for time.Now().Before(deadline) {
		select {
		case <-s.exited:
			return fmt.Errorf("load: the server exited before it was ready (%v): %s", s.err, s.logTail())
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
		res, err := client.Get(s.base + "/readyz")
		if err == nil {
			_, _ = io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
		}
	}
	return fmt.Errorf("load: the server was not ready within %s: %s", readyTimeout, s.logTail())
}

// stop ends the server gracefully (SIGTERM), killing it after 20 s.
func (s *server) stop() error {
	defer os.RemoveAll(s.dir)
	select {
	case <-s.exited:
		return nil
	default:
	}
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.exited:
	case <-time.After(20 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.exited
		return errors.New("load: the server did not stop within 20 s and was killed")
	}
	var exit *exec.ExitError
	if s.err != nil && !errors.As(s.err, &exit) {
		return s.err
	}
	return nil
}

// logTail returns the end of the server's log, for error messages.
func (s *server) logTail() string {
	b, err := os.ReadFile(filepath.Join(s.dir, "server.log"))
	if err != nil {
		return "(no log)"
	}
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return strings.TrimSpace(string(b))
}

// rssSampler records the peak resident memory of a process, read from
// /proc/PID/status every 100 ms (zero where /proc is missing).
type rssSampler struct {
	pid  int
	peak atomic.Int64
	stop chan struct{}
	done chan struct{}
}

func sampleRSS(pid int) *rssSampler {
	r := &rssSampler{pid: pid, stop: make(chan struct{}), done: make(chan struct{})}
	r.sample()
	go func() {
		defer close(r.done)
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-r.stop:
				return
			case <-t.C:
				r.sample()
			}
		}
	}()
	return r
}

// Stop ends the sampling and returns the peak in bytes.
func (r *rssSampler) Stop() int64 {
	close(r.stop)
	<-r.done
	r.sample()
	return r.peak.Load()
}

func (r *rssSampler) sample() {
	if v := vmRSS(r.pid); v > r.peak.Load() {
		r.peak.Store(v)
	}
}

// vmRSS reads VmRSS of pid in bytes, 0 when it cannot.
func vmRSS(pid int) int64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:")
		if !ok {
			continue
		}
		f := strings.Fields(rest) // "123456 kB"
		if len(f) == 2 && f[1] == "kB" {
			if kb, err := strconv.ParseInt(f[0], 10, 64); err == nil {
				return kb << 10
			}
		}
	}
	return 0
}
