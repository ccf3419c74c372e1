#!/usr/bin/env bash
# wedge-server under faults (issue 16), release build, 50 clients on loopback (Benchmarks/server-load.py):
#   1. kill -9 the server (SQLite) in the middle of the load, and start it again on the same file;
#   2. the same on PostgreSQL;
#   3. restart PostgreSQL in the middle of the load: the server answers 503 while it is down and reconnects by itself.
# Each run then checks that every acknowledged write is stored, that a participant stored without an
# acknowledgement is one whose answer was lost, that no refused write is stored, and that the audit chain verifies;
# run 3 also that the server answered 503 while PostgreSQL was down. Prints one JSON line per run; fails otherwise.
#
#   Benchmarks/server-faults.sh [WRITES]
set -euo pipefail
cd "$(dirname "$0")/.."
export WRITES="${1:-10000}"
swift build -c release --product wedge-server > /dev/null
scripts/with-postgres.sh bash -c '
  set -euo pipefail
  S=$PWD/.build/release/wedge-server L=Benchmarks/server-load.py tmp=$(mktemp -d)
  trap "kill \$(cat $tmp/*.pid 2>/dev/null) 2>/dev/null || true; rm -rf $tmp" EXIT
  wait_up() { for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$1/healthz" > /dev/null && return 0; sleep 0.5; done; return 1; }
  start() { local name=$1; shift; "$S" "$@" > /dev/null 2>&1 & echo $! > "$tmp/$name.pid"; }
  base="${WEDGE_TEST_POSTGRES%/postgres*}"
  # A short connect_timeout, so that requests fail (503) within a second while PostgreSQL is down, not after 30 s.
  psql "$WEDGE_TEST_POSTGRES" -qc "CREATE DATABASE fault_kill" -c "CREATE DATABASE fault_restart"

  start sqlite demo --db "$tmp/study.sqlite" --listen 127.0.0.1:18281 --accounts-file "$tmp/sqlite.json"
  wait_up 18281
  python3 $L --accounts "$tmp/sqlite.json" --url http://127.0.0.1:18281 --writes "$WRITES" --label sqlite-kill-9 \
    --fault-after 1.5 --fault-cmd "kill -9 \$(cat $tmp/sqlite.pid); sleep 0.5; \
      \"$S\" serve --db \"$tmp/study.sqlite\" --listen 127.0.0.1:18281 > /dev/null 2>&1 & echo \$! > $tmp/sqlite.pid"

  pg="$base/fault_kill?sslmode=disable&connect_timeout=1"
  start pgkill demo --postgres "$pg" --listen 127.0.0.1:18282 --accounts-file "$tmp/pgkill.json"
  wait_up 18282
  python3 $L --accounts "$tmp/pgkill.json" --url http://127.0.0.1:18282 --writes "$WRITES" --label postgres-kill-9 \
    --fault-after 2 --fault-cmd "kill -9 \$(cat $tmp/pgkill.pid); sleep 0.5; \
      \"$S\" serve --postgres \"$pg\" --listen 127.0.0.1:18282 > /dev/null 2>&1 & echo \$! > $tmp/pgkill.pid"

  pg="$base/fault_restart?sslmode=disable&connect_timeout=1"
  start pgrestart demo --postgres "$pg" --listen 127.0.0.1:18283 --accounts-file "$tmp/pgrestart.json"
  wait_up 18283
  python3 $L --accounts "$tmp/pgrestart.json" --url http://127.0.0.1:18283 --writes "$WRITES" \
    --label postgres-restart --fault-after 2 --fault-cmd "$WEDGE_TEST_PG_STOP > /dev/null; sleep 2; $WEDGE_TEST_PG_START > /dev/null" \
    | tee "$tmp/restart.out"
  python3 -c "import json,sys; r=json.load(open(sys.argv[1])); sys.exit(0 if r[\"answered_503\"] > 0 else \"no 503 while PostgreSQL was down\")" "$tmp/restart.out"
'
