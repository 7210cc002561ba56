package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
)

func TestLimitInFlightQueuesPastTheLimit(t *testing.T) {
	release := make(chan struct{})
	var running, peak atomic.Int32
	h := limitInFlight(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := running.Add(1)
		for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
		}
		if r.URL.Path != "/healthz" {
			<-release
		}
		running.Add(-1)
	}), 2)
	done := make(chan int, 4)
	for range 4 {
		go func() {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", "/posizioni/10000001/", nil))
			done <- rec.Code
		}()
	}
	for running.Load() < 2 { // the first two run, the others wait
	}
	probe := httptest.NewRecorder()
	h.ServeHTTP(probe, httptest.NewRequest("GET", "/healthz", nil))
	if probe.Code != http.StatusOK {
		t.Fatalf("the probe waited or failed: %d", probe.Code)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	gaveUp := httptest.NewRecorder()
	h.ServeHTTP(gaveUp, httptest.NewRequest("GET", "/posizioni/10000001/", nil).WithContext(ctx))
	if gaveUp.Code != http.StatusServiceUnavailable {
		t.Fatalf("a request whose client left while waiting: %d, want 503", gaveUp.Code)
	}
	close(release)
	for range 4 {
		if code := <-done; code != http.StatusOK {
			t.Fatalf("a queued request ended with %d", code)
		}
	}
	if p := peak.Load(); p > 3 { // two pages and the probe at most
		t.Fatalf("%d requests ran at once with a limit of 2", p)
	}
}
