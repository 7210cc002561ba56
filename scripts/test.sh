#!/usr/bin/env bash
# Runs the whole test suite: vet and gofmt, then every test on SQLite, then
# again on PostgreSQL when CASSETTO_TEST_POSTGRES_URL is set
# (e.g. postgres://postgres@127.0.0.1:5432/test). Extra arguments go to go test.
set -euo pipefail
cd "$(dirname "$0")/.."

unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
  echo "gofmt would change: $unformatted" >&2
  exit 1
fi
go vet ./...

echo "== tests on SQLite"
CASSETTO_TEST_DB=sqlite go test -count=1 -timeout 40m "$@" ./...

if [ -n "${CASSETTO_TEST_POSTGRES_URL:-}" ]; then
  echo "== tests on PostgreSQL ($CASSETTO_TEST_POSTGRES_URL)"
  CASSETTO_TEST_DB=postgres go test -count=1 -timeout 40m -p 1 "$@" ./...
else
  echo "== PostgreSQL run skipped: set CASSETTO_TEST_POSTGRES_URL to run the suite on PostgreSQL too"
fi
