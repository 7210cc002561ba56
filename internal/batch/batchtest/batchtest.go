// Package batchtest proves that a batch survives a crash: it runs the real
// cassetto binary, kills it with SIGKILL halfway through, runs it again, and
// lets the test compare the result with a clean run.
package batchtest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
	buildOut  []byte
)

// Binary builds cmd/cassetto once per test process and returns its path.
func Binary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		root, err := moduleRoot()
		if err != nil {
			buildErr = err
			return
		}
		dir, err := os.MkdirTemp("", "cassetto-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "cassetto")
		cmd := exec.Command("go", "build", "-o", binPath, "./cmd/cassetto")
		cmd.Dir = root
		buildOut, buildErr = cmd.CombinedOutput()
	})
	if buildErr != nil {
		t.Fatalf("batchtest: build cassetto: %v\n%s", buildErr, buildOut)
	}
	return binPath
}

func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", err
	}
	return filepath.Dir(strings.TrimSpace(string(out))), nil
}

// Run runs the binary to the end and returns its standard output; a non-zero
// exit fails the test.
func Run(t testing.TB, bin string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("batchtest: %v: %v\n%s%s", args, err, out.String(), errOut.String())
	}
	return out.String()
}

// KillWhen starts the binary and sends it SIGKILL as soon as halfway()
// returns true (polled every 10 ms): halfway should look at the database for
// the first committed part of the work. It fails the test when the batch
// ends before it could be killed, so that a test that could not crash it
// does not pass unnoticed: give it enough work.
func KillWhen(t testing.TB, bin string, env []string, halfway func() bool, args ...string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case err := <-exited:
			t.Fatalf("batchtest: %v ended (%v) before it was killed: give it more work\n%s", args, err, out.String())
		case <-tick.C:
			if halfway() {
				_ = cmd.Process.Signal(syscall.SIGKILL)
				err := <-exited
				if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
					t.Fatalf("batchtest: %v finished (%v) before SIGKILL arrived: give it more work", args, err)
				}
				return
			}
		}
	}
}
