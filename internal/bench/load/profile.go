package load

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// profiled runs fn while taking a CPU profile of the server for d, written
// to path; without path (or without the profiles' listener) it runs fn.
func (r *runner) profiled(ctx context.Context, path string, d time.Duration, fn func()) error {
	if path == "" || r.srv.pprof == "" {
		fn()
		return nil
	}
	done := make(chan error, 1)
	go func() { done <- fetchProfile(ctx, r.srv.pprof, path, d) }()
	fn()
	return <-done
}

// fetchProfile asks the server's /debug/pprof/profile for d of CPU samples.
func fetchProfile(ctx context.Context, addr, path string, d time.Duration) error {
	secs := max(1, int(d/time.Second))
	url := fmt.Sprintf("http://%s/debug/pprof/profile?seconds=%d", addr, secs)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	res, err := (&http.Client{Timeout: time.Duration(secs)*time.Second + 30*time.Second}).Do(req)
	if err != nil {
		return fmt.Errorf("load: CPU profile: %w", err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("load: CPU profile: %s", res.Status)
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("load: CPU profile: %w", err)
	}
	if _, err := io.Copy(f, res.Body); err != nil {
		f.Close()
		return fmt.Errorf("load: CPU profile: %w", err)
	}
	return f.Close()
}

// profilePath names the profile of one page of Latency: cpu.pprof becomes
// cpu-dashboard.pprof.
func profilePath(path, name string) string {
	if path == "" {
		return ""
	}
	ext := filepath.Ext(path)
	return strings.TrimSuffix(path, ext) + "-" + name + ext
}
