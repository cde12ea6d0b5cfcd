#!/usr/bin/env bash
# Backs up and restores an embedded (SQLite) deployment's data folder while the service runs.
#
#   tools/backup.sh backup  [DATA_DIR] BACKUP_DIR     # DATA_DIR: $ALLO_DATA_DIR, else ./data
#   tools/backup.sh restore BACKUP_DIR NEW_DATA_DIR
#
# backup: a consistent copy of the database as of one instant (SQLite's VACUUM INTO, a read transaction: the
# service goes on reading and writing meanwhile), checked with PRAGMA integrity_check, plus the web fronts'
# cookie keys (web-keys/) and demo-credentials.json when present. BACKUP_DIR must not exist yet.
# restore: the same files into a data folder that holds no database yet; start the service on it afterwards
# (ALLO_DATA_DIR=NEW_DATA_DIR). The key ring secret is never in a backup: restore warns when the subscriptions' key
# ring it restores is sealed and no secret is where the silo will look (Allo__Subscriptions__KeyRingSecretFile of
# restore's environment, else NEW_DATA_DIR/keyring-secret as ./run.sh has it). A PostgreSQL cluster is backed up
# with pg_dump instead (README, Operating).
set -euo pipefail
umask 077

DB=alloindustrie.db
die() { echo "backup.sh: $*" >&2; exit 1; }
command -v sqlite3 >/dev/null || die "sqlite3 is missing (apt-get install sqlite3)"

# SQL string literal of a path.
quoted() { printf "'%s'" "${1//\'/\'\'}"; }

check() {
  local result
  result="$(sqlite3 -bail "$1" "PRAGMA integrity_check;")" || die "$1 cannot be read"
  [[ "$result" == "ok" ]] || die "$1 is damaged: $result"
}

copy_files() {
  local from="$1" to="$2"
  [[ -d "$from/web-keys" ]] && cp -a "$from/web-keys" "$to/"
  [[ -f "$from/demo-credentials.json" ]] && cp -a "$from/demo-credentials.json" "$to/"
  return 0
}

backup() {
  local data="${ALLO_DATA_DIR:-./data}" target
  if (($# == 2)); then data="$1"; target="$2"; elif (($# == 1)); then target="$1"; else die "usage: backup [DATA_DIR] BACKUP_DIR"; fi
  [[ -f "$data/$DB" ]] || die "no database at $data/$DB"
  [[ ! -e "$target" ]] || die "$target already exists; give a new folder"
  mkdir -p "$target"
  # Waits up to 30 s for a writer's lock; the copy is one read transaction, so it holds every write acknowledged before it began.
  sqlite3 -bail -cmd ".timeout 30000" "$data/$DB" "VACUUM INTO $(quoted "$target/$DB");"
  check "$target/$DB"
  copy_files "$data" "$target"
  echo "backup.sh: $data backed up to $target ($(du -sh "$target" | cut -f1))" >&2
}

# The silo opens a sealed ring only with the secret it was sealed with; ./run.sh would make a new one beside a restored
# database that lacks it, and the silo would then refuse to start.
warn_of_missing_secret() {
  local database="$1" data="$2" secret sealed
  [[ -z "${Allo__Subscriptions__KeyRingSecret:-}" ]] || return 0
  secret="${Allo__Subscriptions__KeyRingSecretFile:-$data/keyring-secret}"
  [[ ! -s "$secret" ]] || return 0
  sealed="$(sqlite3 -bail "$database" "SELECT count(*) FROM OrleansStorage WHERE GrainTypeString = 'subscriptionKeys'
    AND (instr(PayloadBinary, CAST('sealedKey' AS BLOB)) > 0 OR instr(PayloadBinary, CAST('\"sealedHashKey\":\"' AS BLOB)) > 0);")"
  ((sealed == 0)) || echo "backup.sh: warning: the subscriptions' key ring restored is sealed, and there is no key ring secret at $secret, where the service will look: before the first start put there the secret it was sealed with (install -m 600 OLD_DATA_DIR/keyring-secret $secret) or set Allo__Subscriptions__KeyRingSecretFile to its file; without it ./run.sh makes a new secret and the silo refuses the ring (exit code 78)" >&2
}

restore() {
  (($# == 2)) || die "usage: restore BACKUP_DIR NEW_DATA_DIR"
  local source="$1" data="$2"
  [[ -f "$source/$DB" ]] || die "no database at $source/$DB"
  [[ ! -e "$data/$DB" ]] || die "$data already holds a database; restore into a new folder (stop the service, move the old one away)"
  check "$source/$DB"
  mkdir -p "$data"
  cp "$source/$DB" "$data/$DB"
  copy_files "$source" "$data"
  echo "backup.sh: $source restored into $data; start the service with ALLO_DATA_DIR=$data" >&2
  warn_of_missing_secret "$data/$DB" "$data"
}

case "${1:-}" in
  backup) shift; backup "$@" ;;
  restore) shift; restore "$@" ;;
  *) die "usage: tools/backup.sh backup [DATA_DIR] BACKUP_DIR | restore BACKUP_DIR NEW_DATA_DIR" ;;
esac
