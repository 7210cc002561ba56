package web

import (
	"net/http"
	"sync"

	"github.com/cassetto-dev/cassetto/internal/store"
)

// lsnCookie carries the primary's WAL position after the browser's last
// write, until the read replica has replayed it: read-your-writes.
const lsnCookie = "cassetto_lsn"

// replicaReads lets the pages that only read (GET and HEAD, behind the
// session) be served by the read replica, when one is attached. It runs
// after the session is loaded, so the session and its owner are always
// read from the primary. A browser that has just written reads from the
// primary until the replica has replayed that write: after a
// state-changing request that wrote, the response carries the primary's
// WAL position in a cookie; while the replica is behind it the request
// stays on the primary, and once the replica has caught up the cookie is
// removed.
func (s *Server) replicaReads(next http.Handler) http.Handler {
	if s.DB == nil || !s.DB.HasReplica() {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if sessionless(r.URL.Path) { // the API, probes and files stay on the primary
			next.ServeHTTP(w, r)
			return
		}
		ctx := store.TrackWrites(r.Context())
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			r2 := r.WithContext(ctx)
			lw := &lsnWriter{ResponseWriter: w, s: s, r: r2}
			next.ServeHTTP(lw, r2)
			lw.before()
			r.Pattern = r2.Pattern // the outer middleware logs the route the mux matched
			return
		}
		if s.replicaCaughtUp(w, r) {
			ctx = store.WithReplica(r.Context())
		}
		r2 := r.WithContext(ctx)
		next.ServeHTTP(w, r2)
		r.Pattern = r2.Pattern
	})
}

// replicaCaughtUp reports whether the replica shows the browser's last
// write (or it made none), removing the cookie once it does.
func (s *Server) replicaCaughtUp(w http.ResponseWriter, r *http.Request) bool {
	c, err := r.Cookie(lsnCookie)
	if err != nil {
		return true
	}
	lsn, err := store.ParseLSN(c.Value)
	if err == nil && !s.DB.ReplicaHasReplayed(r.Context(), lsn) {
		return false
	}
	http.SetCookie(w, s.lsnCookie("", -1))
	return true
}

func (s *Server) lsnCookie(value string, maxAge int) *http.Cookie {
	return &http.Cookie{Name: lsnCookie, Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: s.Secure, SameSite: http.SameSiteLaxMode}
}

// lsnWriter sets the WAL position cookie just before the response's
// headers go out, if the request wrote by then.
type lsnWriter struct {
	http.ResponseWriter
	s    *Server
	r    *http.Request
	once sync.Once
}

func (w *lsnWriter) before() {
	w.once.Do(func() {
		if !store.Wrote(w.r.Context()) {
			return
		}
		lsn, err := w.s.DB.PrimaryLSN(w.r.Context())
		if err != nil {
			w.s.Logger.Warn("primary WAL position unavailable: the next pages may not show this write at once",
				"request_id", stateOf(w.r).requestID, "err", err)
			return
		}
		http.SetCookie(w.ResponseWriter, w.s.lsnCookie(lsn.String(), 0))
	})
}

func (w *lsnWriter) WriteHeader(code int) {
	w.before()
	w.ResponseWriter.WriteHeader(code)
}

func (w *lsnWriter) Write(b []byte) (int, error) {
	w.before()
	return w.ResponseWriter.Write(b)
}

func (w *lsnWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
