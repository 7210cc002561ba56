package api

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"github.com/cassetto-dev/cassetto/internal/errs"
)

// ProblemBase is the base of the stable problem type URIs; docs/api.md
// describes each type.
const ProblemBase = "https://cassetto.invalid/problems/"

// problemKind is one kind of problem: its type (after ProblemBase), title
// and status.
type problemKind struct {
	slug   string
	title  string
	status int
}

// The problems the API answers.
var (
	problemTokenMissing = problemKind{"token-missing", "Authentication required", http.StatusUnauthorized}
	problemTokenInvalid = problemKind{"token-invalid", "Unknown access token", http.StatusUnauthorized}
	problemTokenExpired = problemKind{"token-expired", "Access token expired", http.StatusUnauthorized}
	problemTokenRevoked = problemKind{"token-revoked", "Access token revoked", http.StatusUnauthorized}
	problemTokenScope   = problemKind{"token-scope", "Outside the token's scope", http.StatusForbidden}
	problemForbidden    = problemKind{"forbidden", "Not allowed", http.StatusForbidden}
	problemNotFound     = problemKind{"not-found", "Not found", http.StatusNotFound}
	problemInvalid      = problemKind{"invalid-parameters", "Invalid parameters", http.StatusUnprocessableEntity}
	problemRateLimited  = problemKind{"rate-limited", "Too many requests", http.StatusTooManyRequests}
	problemUnavailable  = problemKind{"unavailable", "Temporarily unavailable", http.StatusServiceUnavailable}
	problemInternal     = problemKind{"internal", "Internal error", http.StatusInternalServerError}
)

// problem is an RFC 9457 problem details object.
type problem struct {
	Type     string       `json:"type"`
	Title    string       `json:"title"`
	Status   int          `json:"status"`
	Detail   string       `json:"detail,omitempty"`
	Instance string       `json:"instance,omitempty"`
	Errors   []fieldError `json:"errors,omitempty"`
}

// fieldError names a bad parameter and why it is bad (a message id of the
// portal's catalogue or a short English reason).
type fieldError struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// problem writes a problem of kind k about the request.
func (a *API) problem(w http.ResponseWriter, r *http.Request, k problemKind, detail string, fields []fieldError) {
	p := problem{Type: ProblemBase + k.slug, Title: k.title, Status: k.status, Detail: detail,
		Instance: r.URL.RequestURI(), Errors: fields}
	b, _ := json.Marshal(p)
	h := w.Header()
	h.Set("Content-Type", "application/problem+json")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(k.status)
	_, _ = w.Write(b)
}

// fail maps err to a problem: its errs code decides the status; internal
// errors are logged with the request id and say nothing more.
func (a *API) fail(w http.ResponseWriter, r *http.Request, err error) {
	var e *errs.Error
	switch errs.CodeOf(err) {
	case errs.NotFound:
		a.problem(w, r, problemNotFound, "", nil)
	case errs.Invalid:
		var fields []fieldError
		if errors.As(err, &e) {
			for _, f := range e.Fields {
				fields = append(fields, fieldError{Name: f.Field, Reason: f.Message})
			}
		}
		a.problem(w, r, problemInvalid, messageOf(err), fields)
	case errs.Forbidden:
		a.problem(w, r, problemForbidden, "", nil)
	case errs.Unavailable:
		a.logError(r, w, err)
		a.problem(w, r, problemUnavailable, "", nil)
	default:
		a.logError(r, w, err)
		a.problem(w, r, problemInternal, "", nil)
	}
}

func (a *API) logError(r *http.Request, w http.ResponseWriter, err error) {
	a.Logger.Error("api", "request_id", w.Header().Get("X-Request-Id"), "path", r.URL.Path, "err", err)
}

// messageOf returns the message id of err, if it has one.
func messageOf(err error) string {
	var e *errs.Error
	if errors.As(err, &e) {
		return e.Message
	}
	return ""
}
