package web

import (
	"context"
	"net/http"
	"time"

	"github.com/cassetto-dev/cassetto/internal/errs"
)

// statusOf maps an error code to an HTTP status: the one place this happens.
func statusOf(code errs.Code) int {
	switch code {
	case errs.Invalid:
		return http.StatusUnprocessableEntity
	case errs.NotFound, errs.Forbidden:
		return http.StatusNotFound // never reveal that something exists
	case errs.Unauthenticated:
		return http.StatusUnauthorized
	case errs.Conflict:
		return http.StatusConflict
	case errs.Unavailable:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// fail renders the page for err. Internal errors are logged once with the
// request id and shown as a generic message; when the database does not
// answer the page says the service is temporarily unavailable (503).
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	code := errs.CodeOf(err)
	status := statusOf(code)
	msg := "error.internal"
	if e, ok := err.(*errs.Error); ok && code != errs.Internal && e.Message != "" {
		msg = e.Message
	}
	if status == http.StatusInternalServerError {
		if s.databaseDown(r.Context()) {
			status, msg = http.StatusServiceUnavailable, "error.unavailable"
		}
		s.Logger.Error("request failed", "request_id", stateOf(r).requestID, "path", r.URL.Path, "err", err)
	}
	s.renderError(w, r, status, msg)
}

func (s *Server) databaseDown(ctx context.Context) bool {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	return s.DB.Ping(ctx) != nil
}

// errorPage is the data of the error page.
type errorPage struct {
	Status  int
	Message string // message id
}

// renderError renders the error page with a status and a message id.
func (s *Server) renderError(w http.ResponseWriter, r *http.Request, status int, msg string) {
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "30")
	}
	s.render(w, r, status, "error", &View{Title: "error.title", Data: errorPage{Status: status, Message: msg}})
}
