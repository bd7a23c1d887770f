#!/usr/bin/env bash
# A throw-away PostgreSQL server for the registry tests (tests/models/registry/tst_registrypostgres).
#   eval "$(bash packaging/test-postgres.sh start)"  initdb in a temp dir, start on 127.0.0.1 and a free
#                                                    port (+ a unix socket in that dir), create the role
#                                                    "modeldesk" (CREATEDB); prints the exports
#                                                    MODELDESK_TEST_PG_URL and MODELDESK_TEST_PG_DIR
#   bash packaging/test-postgres.sh stop DIR          stop the server and remove DIR
#   bash packaging/test-postgres.sh stop-after PID DIR  wait until process PID ends, then stop (for callers
#                                                    that exec into the test run and cannot trap EXIT)
# The server refuses to run as root: as root it runs as the "postgres" user (Debian's package creates
# it), else as "nobody", via runuser. Loopback only, trust authentication, fsync off: test data only.
set -euo pipefail

PG_BIN="${MODELDESK_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"

as_server_user() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u "$SERVER_USER" -- "$@"
  else
    "$@"
  fi
}

pick_user() {
  if [[ $(id -u) -ne 0 ]]; then
    SERVER_USER=$(id -un)
  elif id postgres >/dev/null 2>&1; then
    SERVER_USER=postgres
  else
    SERVER_USER=nobody
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
  [[ -x "$PG_BIN/initdb" ]] || { echo "test-postgres: no PostgreSQL server found (apt install postgresql)" >&2; exit 1; }
  pick_user
  local dir port
  dir=$(mktemp -d /tmp/modeldesk-pg.XXXXXX)
  chmod 700 "$dir"
  [[ $(id -u) -eq 0 ]] && chown "$SERVER_USER" "$dir"
  as_server_user "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust --no-sync --no-instructions \
    --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  port=$(free_port)
  # fsync off: a crash loses test data only. max_connections: every test thread and process connects.
  as_server_user "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off \
        -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  as_server_user "$PG_BIN/psql" -X -q -h "$dir" -p "$port" -U postgres -d postgres \
    -c "CREATE ROLE modeldesk LOGIN CREATEDB" >/dev/null
  echo "export MODELDESK_TEST_PG_URL=postgresql://modeldesk@127.0.0.1:$port/postgres"
  echo "export MODELDESK_TEST_PG_DIR=$dir"
}

stop() {
  local dir=$1
  [[ -n "$dir" && -d "$dir/data" ]] || return 0
  pick_user
  as_server_user "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:?usage: test-postgres.sh stop DIR}" ;;
  stop-after)
    # tail --pid returns when the process ends (it checks once a second); then clean up.
    tail --pid="${2:?usage: test-postgres.sh stop-after PID DIR}" -f /dev/null
    stop "${3:?usage: test-postgres.sh stop-after PID DIR}" ;;
  *) echo "usage: test-postgres.sh start | stop DIR | stop-after PID DIR" >&2; exit 2 ;;
esac
