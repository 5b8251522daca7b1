#!/usr/bin/env bash
# A streaming replica of the local PostgreSQL cluster, for the integration suite's replica run:
#   scripts/replica.sh start   make it (pg_basebackup -R) if absent, start it, wait until it replays
#   scripts/replica.sh stop    stop it at once (-m immediate: what a crash looks like to clients)
#   scripts/replica.sh remove  stop it and delete its data directory
# Idempotent. Env: REPLICA_PORT (5433), REPLICA_DIR (/var/tmp/talentmap-replica), PRIMARY_PORT (5432).
set -euo pipefail

log() { printf '[replica] %s\n' "$*"; }
die() { printf '[replica] ERROR: %s\n' "$*" >&2; exit 1; }

PORT="${REPLICA_PORT:-5433}"
DIR="${REPLICA_DIR:-/var/tmp/talentmap-replica}"
PRIMARY_PORT="${PRIMARY_PORT:-5432}"
PG_VERSION="${PG_VERSION:-$(ls -1 /etc/postgresql | sort -V | tail -n1)}"
BIN="/usr/lib/postgresql/${PG_VERSION}/bin"
HBA="/etc/postgresql/${PG_VERSION}/main/pg_hba.conf"

# PostgreSQL refuses to run as root: run its tools as the postgres user when we are root.
as_postgres() { if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
primary() { psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -Atqc "$1"; }
replica_ready() { "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -t 1; }

streaming() {
  for _ in $(seq 1 60); do
    [[ "$(primary "select count(*) from pg_stat_replication where state = 'streaming'")" -ge 1 ]] && return 0
    sleep 0.5
  done
  return 1
}

start() {
  if replica_ready; then
    [[ "$(psql -h 127.0.0.1 -p "$PORT" -U postgres -Atqc 'select pg_is_in_recovery()')" == t ]] || die "port $PORT answers but is not a replica"
    streaming && { log "replica already streaming on port $PORT"; return; }
    # Up but not streaming: it fell behind WAL the primary has since recycled. Make it anew.
    log "replica on port $PORT is not streaming; making it anew"
    stop
    rm -rf "$DIR"
  fi
  if [[ -f "$DIR/standby.signal" ]]; then
    log "starting the existing replica in $DIR"
    if as_postgres "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -t 60 start >/dev/null && streaming; then
      log "streaming on port $PORT"
      return
    fi
    log "it does not stream (see $DIR/server.log); making it anew"
    stop
    rm -rf "$DIR"
  fi
  # Replication connections match only `replication` lines in pg_hba.conf, never `all`.
  if ! grep -Eq '^host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32' "$HBA"; then
    log "allowing replication connections from 127.0.0.1 in $HBA"
    echo 'host replication all 127.0.0.1/32 trust' >> "$HBA"
    primary 'select pg_reload_conf()' >/dev/null
  fi
  log "pg_basebackup from port $PRIMARY_PORT into $DIR"
  rm -rf "$DIR"
  mkdir -p "$(dirname "$DIR")"
  as_postgres "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$DIR" -R -X stream -c fast
  # Debian keeps the configuration in /etc: the copy has none of its own. A hot standby needs
  # at least the primary's connection and worker limits.
  cat > "$DIR/postgresql.conf" <<CONF
port = $PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '/tmp'
hot_standby = on
shared_buffers = '512MB'
max_connections = $(primary 'show max_connections')
max_worker_processes = $(primary 'show max_worker_processes')
max_wal_senders = $(primary 'show max_wal_senders')
max_locks_per_transaction = $(primary 'show max_locks_per_transaction')
max_prepared_transactions = $(primary 'show max_prepared_transactions')
CONF
  printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' > "$DIR/pg_hba.conf"
  : > "$DIR/pg_ident.conf"
  # ALTER SYSTEM settings of the primary came along in postgresql.auto.conf; the replica's own win.
  sed -i -E '/^(shared_buffers|port|listen_addresses|max_connections)[[:space:]]*=/d' "$DIR/postgresql.auto.conf"
  chown -R postgres:postgres "$DIR"
  chmod 700 "$DIR"
  log "starting the replica on port $PORT"
  as_postgres "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -t 60 start >/dev/null || { tail -n 20 "$DIR/server.log" >&2; die "replica did not start"; }
  streaming || die "replica started but is not streaming (see $DIR/server.log)"
  log "streaming on port $PORT"
}

stop() {
  [[ -f "$DIR/postmaster.pid" ]] || { log "not running"; return; }
  if as_postgres "$BIN/pg_ctl" -D "$DIR" -m immediate -w stop >/dev/null; then log "stopped"; else log "was not running"; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  remove) stop; rm -rf "$DIR"; log "removed $DIR" ;;
  *) die "usage: $0 start|stop|remove" ;;
esac
