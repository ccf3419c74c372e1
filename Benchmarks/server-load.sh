#!/usr/bin/env bash
# wedge-server under load (issue 16), release build: 50 clients on loopback making 10,000 writes (enrollments and
# outcome recordings, every fifth participant also a deliberately stale write that must be refused), on SQLite, on
# PostgreSQL, and with two server instances sharing one PostgreSQL database. Prints one JSON line per run
# (Benchmarks/server-load.py); fails when a run loses an acknowledged write, stores an unacknowledged one, or the
# audit chain does not verify. Starts a throwaway PostgreSQL (scripts/with-postgres.sh).
#
#   Benchmarks/server-load.sh [WRITES] [CLIENTS]
#
# WEDGE_SERVER=PATH runs that binary instead of building one (to compare two builds on the same machine state).
# WARMUP=N (default 3): each client first makes N reads, not counted, so that the figures are the steady state of a
# running server; WARMUP=0 measures from a cold start (the first half second pays for every token's first lookup and
# the pool's new connections: see docs/server.md, "Cold start").
set -euo pipefail
cd "$(dirname "$0")/.."
writes="${1:-10000}" clients="${2:-50}"
if [ -z "${WEDGE_SERVER:-}" ]; then
  swift build -c release --product wedge-server > /dev/null
  WEDGE_SERVER=.build/release/wedge-server
fi
export WRITES="$writes" CLIENTS="$clients" WEDGE_SERVER WARMUP="${WARMUP:-3}"
scripts/with-postgres.sh bash -c '
  set -euo pipefail
  S=$WEDGE_SERVER L=Benchmarks/server-load.py tmp=$(mktemp -d)
  pids=()
  trap "kill \${pids[*]} 2>/dev/null || true; rm -rf $tmp" EXIT
  wait_up() { for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$1/healthz" > /dev/null && return 0; sleep 0.5; done; return 1; }
  run() { python3 $L --accounts "$1" --clients "$CLIENTS" --writes "$WRITES" --label "$2" --warmup "$WARMUP" "${@:3}"; }
  stop() { kill "${pids[@]}"; wait "${pids[@]}" 2>/dev/null || true; pids=(); }

  $S demo --listen 127.0.0.1:18181 --accounts-file $tmp/sqlite.json > /dev/null 2>&1 & pids+=($!)
  wait_up 18181; run $tmp/sqlite.json sqlite --url http://127.0.0.1:18181; stop

  psql "$WEDGE_TEST_POSTGRES" -qc "CREATE DATABASE load_one" -c "CREATE DATABASE load_two"
  base="${WEDGE_TEST_POSTGRES%/postgres*}"
  $S demo --postgres "$base/load_one?sslmode=disable" --listen 127.0.0.1:18182 --accounts-file $tmp/pg.json > /dev/null 2>&1 & pids+=($!)
  wait_up 18182; run $tmp/pg.json postgres --url http://127.0.0.1:18182; stop

  $S demo --postgres "$base/load_two?sslmode=disable" --listen 127.0.0.1:18183 --accounts-file $tmp/pg2.json > /dev/null 2>&1 & pids+=($!)
  wait_up 18183
  $S serve --postgres "$base/load_two?sslmode=disable" --listen 127.0.0.1:18184 > /dev/null 2>&1 & pids+=($!)
  wait_up 18184; run $tmp/pg2.json postgres-two-instances --url http://127.0.0.1:18183 --url http://127.0.0.1:18184; stop
'
