#!/usr/bin/env bash
# Provides a throwaway PostgreSQL server for the storage tests.
#
#   eval "$(tools/postgres-for-tests.sh)"   # start (installing PostgreSQL if needed), export ALLO_TEST_POSTGRES
#   tools/postgres-for-tests.sh stop        # stop it
#
# The cluster lives in $REPO/.test-run/pg, listens on 127.0.0.1 only (port 55432, or
# $ALLO_TEST_PG_PORT) and trusts every local connection: it is for tests, never for data.
# Only the export line goes to stdout, so that the output can be eval'ed; the rest goes to stderr.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_DIR="${ALLO_TEST_PG_DIR:-$REPO/.test-run/pg}"
DATA_DIR="$PG_DIR/data"
LOG_FILE="$PG_DIR/server.log"
PORT="${ALLO_TEST_PG_PORT:-}"

# Something answers on that loopback port (another PostgreSQL, another checkout's test server…).
port_taken() { (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The first port from $1 on that nothing answers on.
first_free_port() {
  local port
  for port in $(seq "$1" 55499); do
    port_taken "$port" || { echo "$port"; return; }
  done
  fail "no free port between $1 and 55499."
}

log() { echo "postgres-for-tests: $*" >&2; }
fail() { log "$*"; exit 1; }

find_bin_dir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
    echo "$dir"
  fi
}

# initdb and the server refuse to run as root, so as root they run as the postgres OS user.
as_pg_user() {
  if [[ "$(id -u)" -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

ensure_binaries() {
  BIN_DIR="$(find_bin_dir)"
  if [[ -z "$BIN_DIR" ]]; then
    [[ "$(id -u)" -eq 0 ]] || fail "PostgreSQL is not installed and installing it needs root."
    log "installing PostgreSQL from the distribution packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2
    apt-get install -y postgresql >&2
    BIN_DIR="$(find_bin_dir)"
    [[ -n "$BIN_DIR" ]] || fail "initdb/pg_ctl not found under /usr/lib/postgresql/*/bin after installing postgresql."
  fi
  if [[ "$(id -u)" -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    fail "the postgres OS user is missing; reinstall the postgresql package."
  fi
}

is_running() {
  [[ -f "$DATA_DIR/PG_VERSION" ]] && as_pg_user "$BIN_DIR/pg_ctl" -D "$DATA_DIR" status >/dev/null 2>&1
}

init_cluster() {
  mkdir -p "$PG_DIR"
  if [[ "$(id -u)" -eq 0 ]]; then
    chown postgres:postgres "$PG_DIR"
    as_pg_user test -w "$PG_DIR" || fail "the postgres OS user cannot write to $PG_DIR (check the permissions of its parent folders)."
  fi
  log "creating a test cluster in $DATA_DIR"
  as_pg_user "$BIN_DIR/initdb" -D "$DATA_DIR" -U postgres -E UTF8 --no-locale --auth=trust >/dev/null
  # Durability is pointless for a throwaway test server and costs the tests time.
  cat >>"$DATA_DIR/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
  cat >"$DATA_DIR/pg_hba.conf" <<HBA
local all all trust
host  all all 127.0.0.1/32 trust
HBA
}

start() {
  ensure_binaries
  if ! is_running; then
    [[ -f "$DATA_DIR/PG_VERSION" ]] || init_cluster
    # A port nothing answers on may still be taken: by a server binding it since, or as the local end of a
    # connection (the system's ephemeral range holds these ports). A chosen port that fails is passed over
    # for the next ones; a given one is not.
    local chosen="" attempt from=55432
    [[ -n "$PORT" ]] && chosen="$PORT"
    for attempt in 1 2 3 4 5; do
      [[ -n "$chosen" ]] && PORT="$chosen" || PORT="$(first_free_port "$from")"
      from=$((PORT + 1))
      log "starting PostgreSQL on 127.0.0.1:$PORT"
      as_pg_user "$BIN_DIR/pg_ctl" -D "$DATA_DIR" -l "$LOG_FILE" -o "-p $PORT" -w start >/dev/null && break
      if [[ -n "$chosen" || "$attempt" -eq 5 ]]; then
        tail -n 20 "$LOG_FILE" >&2 || true
        fail "PostgreSQL did not start (is port $PORT already taken?)."
      fi
      sleep 0.5
    done
  fi
  # A server started earlier keeps the port it was started with; line 4 of postmaster.pid has it.
  local running_port
  running_port="$(sed -n 4p "$DATA_DIR/postmaster.pid")"
  echo "export ALLO_TEST_POSTGRES='Host=127.0.0.1;Port=$running_port;Username=postgres;Database=postgres'"
}

stop() {
  BIN_DIR="$(find_bin_dir)"
  if [[ -n "$BIN_DIR" ]] && is_running; then
    as_pg_user "$BIN_DIR/pg_ctl" -D "$DATA_DIR" -m fast -w stop >/dev/null
    log "stopped"
  else
    log "not running"
  fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) fail "usage: $0 [start|stop]" ;;
esac
