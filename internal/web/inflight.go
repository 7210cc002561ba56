package web

import (
	"net/http"
	"strings"
)

// limitInFlight lets at most n requests run next at once; the others wait
// their turn, holding only their connection, so that a burst past what the
// cores serve queues instead of filling the memory with half-built pages.
// A request whose client gives up while waiting gets 503. The probes and
// static files never wait. n ≤ 0: no limit.
func limitInFlight(next http.Handler, n int) http.Handler {
	if n <= 0 {
		return next
	}
	slots := make(chan struct{}, n)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if unlimited(r.URL.Path) {
			next.ServeHTTP(w, r)
			return
		}
		select {
		case slots <- struct{}{}:
		case <-r.Context().Done():
			http.Error(w, http.StatusText(http.StatusServiceUnavailable), http.StatusServiceUnavailable)
			return
		}
		defer func() { <-slots }()
		next.ServeHTTP(w, r)
	})
}

// unlimited reports whether path skips the queue: the health probes must
// answer while the portal is busy, and static files cost nothing.
func unlimited(path string) bool {
	return path == "/healthz" || path == "/readyz" || strings.HasPrefix(path, "/static/")
}
