// Package api is the JSON API of the Cassetto (/api/v1), for the software
// of the titolari and, above all, of the intermediaries they delegate.
//
// The contract is the OpenAPI 3.1 document openapi.json, embedded and
// served at /api/v1/openapi.json; the handlers are written by hand against
// it (no generator handles 3.1) and the tests validate every request and
// response against it.
//
// A caller authenticates with a personal access token (Authorization:
// Bearer cst_…) that acts for its person with the same access policy as
// the pages (access.Allow on store.AccessFacts): on each position the
// actor's profile is "self" when the person is its titolare, otherwise
// "intermediary" — so a delegated position is visible only while a
// delegation is active today, and every read of it is written to the
// access log before the answer is sent. A position the caller may not see
// is a 404, as in the pages. Errors are application/problem+json (RFC 9457)
// with a stable type under ProblemBase.
package api
