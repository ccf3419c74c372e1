# SPDX-License-Identifier: Apache-2.0
# Sourced by the scripts that test a live server (schemathesis.sh, browser-tests.sh): starts
# `$WEDGE_SERVER demo` (the CTN-0097 sample study, one account per role) on a free local port, in a temporary
# SQLite file or, with postgres=1, in a new database of $WEDGE_TEST_POSTGRES (scripts/with-postgres.sh), waits for
# /healthz, and stops it on exit. The caller sets `name` (for messages), `postgres` (0 or 1) and `tmp` (a
# temporary folder, removed on exit); afterwards `base` is the server's URL, `server_pid` its process,
# `$tmp/accounts.json` its accounts, and `$tmp/server.log` its output.

server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2> /dev/null || true; wait "$server_pid" 2> /dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"

server_args=(demo --listen "127.0.0.1:$port" --accounts-file "$tmp/accounts.json")
if [ "$postgres" = 1 ]; then
  [ -n "${WEDGE_TEST_POSTGRES:-}" ] \
    || { echo "$name: --postgres needs WEDGE_TEST_POSTGRES: run it under scripts/with-postgres.sh" >&2; exit 1; }
  database="${name//[^a-z]/_}_$$"
  psql "$WEDGE_TEST_POSTGRES" -qc "CREATE DATABASE $database"
  server_args+=(--postgres "${WEDGE_TEST_POSTGRES%/postgres*}/$database?sslmode=disable")
fi

echo "== starting $WEDGE_SERVER ${server_args[*]}"
"$WEDGE_SERVER" "${server_args[@]}" > "$tmp/server.log" 2>&1 &
server_pid=$!

code=""
for _ in $(seq 120); do
  if ! kill -0 "$server_pid" 2> /dev/null; then
    echo "$name: the server exited before answering /healthz:" >&2; cat "$tmp/server.log" >&2; exit 1
  fi
  code=$(curl -s -o /dev/null -w '%{http_code}' "$base/healthz" || true)
  [ "$code" = 200 ] && break
  sleep 0.5
done
[ "$code" = 200 ] || { echo "$name: /healthz did not answer 200 within 60 s" >&2; cat "$tmp/server.log" >&2; exit 1; }
[ -s "$tmp/accounts.json" ] || { echo "$name: the server wrote no accounts file" >&2; exit 1; }
