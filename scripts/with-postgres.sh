#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster: initdb and pg_ctl as the `postgres` user (initdb refuses
# root) in a temporary folder, on a random private port and socket directory, listening on 127.0.0.1 only.
# Exports WEDGE_TEST_POSTGRES (an admin URL to the `postgres` database, user `wedge`, trust authentication),
# WEDGE_TEST_PG_RESTART, WEDGE_TEST_PG_STOP and WEDGE_TEST_PG_START (commands that restart, stop and start the
# cluster, for the fault tests) and WEDGE_TEST_PG_DATA, runs
# "$@", and stops the cluster whatever happens.
#
#   scripts/with-postgres.sh swift test --filter Conformance
#
# Installs Debian's `postgresql` package first when it is missing (needs root and apt).
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "== installing PostgreSQL (Debian's postgresql) =="
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq postgresql > /dev/null
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

dir=$(mktemp -d /tmp/wedge-pg.XXXXXX)
chown postgres "$dir"
chmod 700 "$dir"
port=$(( 20000 + RANDOM % 20000 ))
as_postgres() { su postgres -s /bin/bash -c "$*"; }
stop() { as_postgres "'$bin/pg_ctl' -D '$dir/data' -m fast stop" > /dev/null 2>&1 || true; rm -rf "$dir"; }
trap stop EXIT

as_postgres "'$bin/initdb' -D '$dir/data' -A trust -U wedge" > "$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log"; exit 1; }
opts="-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200"
as_postgres "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -o '$opts' -w start" > /dev/null

export WEDGE_TEST_POSTGRES="postgres://wedge@127.0.0.1:$port/postgres?sslmode=disable"
export WEDGE_TEST_PG_DATA="$dir/data"
pg_ctl_as_postgres() { echo "su postgres -s /bin/bash -c \"'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -o '$opts' $*\""; }
export WEDGE_TEST_PG_RESTART=$(pg_ctl_as_postgres -m fast -w restart)
export WEDGE_TEST_PG_STOP=$(pg_ctl_as_postgres -m fast -w stop)
export WEDGE_TEST_PG_START=$(pg_ctl_as_postgres -w start)
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $dir/data)"
"$@"
