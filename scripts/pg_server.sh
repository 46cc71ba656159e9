#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for the contract tests.
#   eval "$(scripts/pg_server.sh start)"   # prints export lines: DETENTE_TEST_PG_URL, DETENTE_PG_DIR
#   scripts/pg_server.sh stop "$DETENTE_PG_DIR"
set -euo pipefail

pg_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/pg_ctl" ] && { echo "$d"; return; }; done
  command -v pg_ctl >/dev/null && { dirname "$(command -v pg_ctl)"; return; }
  echo "pg_server.sh: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1
}

# initdb refuses to run as root: run the server as the 'postgres' system user then.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    bin=$(pg_bin)
    dir=$(mktemp -d /tmp/detente-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bin/initdb" -D "$dir/data" -U detente --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "export DETENTE_TEST_PG_URL=postgresql://detente@127.0.0.1:$port/postgres"
    echo "export DETENTE_PG_DIR=$dir"
    ;;
  stop)
    dir=${2:?usage: pg_server.sh stop DIR}
    as_owner "$(pg_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    rm -rf "$dir"
    ;;
  *) echo "usage: pg_server.sh start | stop DIR" >&2; exit 2 ;;
esac
