#!/usr/bin/env bash
# The store on both engines, release build: a 100,000-participant import (by default), enrollments from one and from two
# processes, and the analysis snapshot. Starts a throwaway PostgreSQL (scripts/with-postgres.sh). Prints one JSON
# line per measurement (wedge-store-load's output).
#
#   Benchmarks/store-bench.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-100000}"
swift build -c release --product wedge-store-load > /dev/null
scripts/with-postgres.sh bash -c '
  set -euo pipefail
  L=.build/release/wedge-store-load rows='"$rows"'
  psql "$WEDGE_TEST_POSTGRES" -qc "CREATE DATABASE store_bench"
  PG="${WEDGE_TEST_POSTGRES%/postgres*}/store_bench?sslmode=disable"
  LITE=$(mktemp -d)/study.sqlite
  for store in "$LITE" "$PG"; do
    echo "== ${store%%\?*}"
    $L init --store "$store" --protocol Protocols/ctn-0097.toml
    $L import --store "$store" --rows "$rows"
    $L enroll --store "$store" --count 500 --prefix ONE
    $L enroll --store "$store" --count 500 --prefix TWO-A & $L enroll --store "$store" --count 500 --prefix TWO-B; wait
    $L snapshot --store "$store"
  done'
