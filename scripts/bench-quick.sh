#!/usr/bin/env bash
# Runs `cassetto bench --quick`: a short bench (a few hundred positions,
# 20,000 payment lines, 3-second load runs) that catches a broken benchmark
# harness. It reports figures and never fails on speed: only an error, a
# batch that wrote no rows or load errors at the fixed rate make it fail.
# On SQLite, and on PostgreSQL too when CASSETTO_TEST_POSTGRES_URL is set
# (a fresh schema, dropped at the end). The reports go to $BENCH_OUT
# (default a new temporary directory); the Markdown table also to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${BENCH_OUT:-$(mktemp -d -t cassetto-bench-XXXXXX)}
if [ -n "${CASSETTO_TEST_POSTGRES_URL:-}" ]; then
  export CASSETTO_BENCH_POSTGRES_URL=$CASSETTO_TEST_POSTGRES_URL
fi
echo "== cassetto bench --quick (reports in $out)"
go run ./cmd/cassetto bench --quick --out "$out" "$@"
