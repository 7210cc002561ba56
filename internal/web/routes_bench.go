package web

import (
	"net/http"

	"github.com/cassetto-dev/cassetto/internal/access"
)

// benchRoutes are the baselines of `cassetto bench`, registered only when
// the server runs with CASSETTO_BENCH_BASELINE=1 (Deps.BenchBaseline): pages
// that do nothing behind the same middleware, session lookup and gate as the
// portal's pages, so that every page's figure is also a ratio to what the
// stack alone costs. /bench/baseline needs a session; /bench/baseline/{num}
// also goes through the position gate (position, access facts, access log).
func (s *Server) benchRoutes() []route {
	if !s.BenchBaseline {
		return nil
	}
	return []route{
		{pattern: "GET /bench/baseline", action: access.Authenticated, handler: s.benchBaseline},
		{pattern: "GET /bench/baseline/{num}", action: access.ViewPosition, detail: "bench (baseline)", handler: s.benchBaseline},
	}
}

// benchBaseline writes "ok": the least a page can do.
func (s *Server) benchBaseline(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write([]byte("ok"))
}
