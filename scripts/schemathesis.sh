#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Schemathesis against a live server: starts `wedge-server demo` (the CTN-0097 sample study, one account per role)
# on a free local port, waits for /healthz, then runs schemathesis against the server's own /openapi.json once per
# demo account (two site coordinators, data manager, statistician, monitor, admin; admin last, as its runs
# change accounts), each with that account's bearer token. Checks: no 5xx, and every status code, content type,
# documented header and body as docs/openapi.json says. Fixed seed and a bounded number of examples per
# operation, so a failure replays. Fails (non-zero) when any run fails.
#
#   scripts/schemathesis.sh                                      # the demo in a temporary SQLite file
#   scripts/with-postgres.sh scripts/schemathesis.sh --postgres  # the demo in a fresh PostgreSQL database
#
# The server binary is ${WEDGE_SERVER:-.build/debug/wedge-server} (build it first: swift build --product
# wedge-server). Schemathesis 4.32.5 is installed into a virtual environment under /tmp when `st` (4.x) is
# not on the PATH. Optional: ST_MAX_EXAMPLES (default 30), ST_SEED (default 1), ST_ROLES (a comma-separated list of
# roles to run as; default every account), WEDGE_ST_REPORTS (a folder to keep each run's JUnit report in).
set -euo pipefail
cd "$(dirname "$0")/.."

ST_VERSION=4.32.5
postgres=0
case "${1:-}" in
  --postgres) postgres=1 ;;
  "") ;;
  *) echo "usage: scripts/schemathesis.sh [--postgres]" >&2; exit 64 ;;
esac

WEDGE_SERVER="${WEDGE_SERVER:-.build/debug/wedge-server}"
[ -x "$WEDGE_SERVER" ] || { echo "schemathesis: no server binary at $WEDGE_SERVER (swift build --product wedge-server)" >&2; exit 1; }

# Schemathesis 4 (the option names below are 4.x's): the one on the PATH, else a pinned one in a venv.
st=""
for candidate in st schemathesis; do
  if command -v "$candidate" > /dev/null && "$candidate" --version 2>/dev/null | grep -q 'version 4\.'; then
    st=$(command -v "$candidate"); break
  fi
done
if [ -z "$st" ]; then
  venv="/tmp/wedge-schemathesis-$ST_VERSION"
  if [ ! -x "$venv/bin/st" ]; then
    echo "== installing schemathesis $ST_VERSION into $venv =="
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "schemathesis==$ST_VERSION"
  fi
  st="$venv/bin/st"
fi
echo "schemathesis: $("$st" --version)"

tmp=$(mktemp -d /tmp/wedge-st.XXXXXX)
name=schemathesis
. scripts/demo-server.sh

# One line per account, "role site token", the admin last.
python3 - "$tmp/accounts.json" "${ST_ROLES:-}" > "$tmp/accounts.txt" << 'EOF'
import json, sys
accounts = json.load(open(sys.argv[1]))
roles = set(filter(None, sys.argv[2].split(",")))
for a in sorted(accounts, key=lambda a: a["role"] == "admin"):
    if roles and a["role"] not in roles:
        continue
    print(a["role"], a["site"] or "-", a["token"])
EOF

checks=not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance
checks+=,response_schema_conformance
failed=()
runs=0
operations=0
while read -r role site token; do
  name=$role; [ "$site" = - ] || name="$role-$site"
  report_args=()
  if [ -n "${WEDGE_ST_REPORTS:-}" ]; then
    mkdir -p "$WEDGE_ST_REPORTS"
    report_args=(--report junit --report-junit-path "$(cd "$WEDGE_ST_REPORTS" && pwd)/$name.xml")
  fi
  echo "== schemathesis as $name"
  echo "   st run $base/openapi.json --header 'Authorization: Bearer ***' --checks $checks" \
    "--max-examples ${ST_MAX_EXAMPLES:-30} --seed ${ST_SEED:-1} --workers 1 --generation-database none" \
    "--request-timeout 30 --no-color ${report_args[*]}"
  runs=$((runs + 1))
  # From the temporary folder: schemathesis keeps a cache (.schemathesis/) in its working directory.
  if ! (cd "$tmp" && "$st" run "$base/openapi.json" \
      --header "Authorization: Bearer $token" \
      --checks "$checks" \
      --max-examples "${ST_MAX_EXAMPLES:-30}" \
      --seed "${ST_SEED:-1}" \
      --workers 1 \
      --generation-database none \
      --request-timeout 30 \
      --no-color \
      ${report_args[@]+"${report_args[@]}"} < /dev/null) 2>&1 | tee "$tmp/st.log"; then
    failed+=("$name")
  fi
  # "Selected: 26/26" in the summary: the operations schemathesis found (it leaves out /openapi.json itself).
  count=$(sed -n 's/^ *Selected: \([0-9]*\)\/.*/\1/p' "$tmp/st.log" | tail -n 1)
  [ -z "$count" ] || [ "$count" -le "$operations" ] || operations=$count
  kill -0 "$server_pid" 2> /dev/null \
    || { echo "schemathesis: the server died during the run as $name:" >&2; tail -n 50 "$tmp/server.log" >&2; exit 1; }
done < "$tmp/accounts.txt"

[ "$runs" -gt 0 ] || { echo "schemathesis: the accounts file lists no account" >&2; exit 1; }
if [ "${#failed[@]}" -gt 0 ]; then
  echo "schemathesis: FAILED as ${failed[*]} ($runs runs; replay with ST_SEED=${ST_SEED:-1})" >&2
  echo "--- server log (last 50 lines)" >&2; tail -n 50 "$tmp/server.log" >&2
  exit 1
fi
echo "schemathesis: all runs passed ($operations operations)"
