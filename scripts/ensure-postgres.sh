#!/usr/bin/env bash
# Make sure the local Debian PostgreSQL cluster is up and accepting connections.
# Idempotent: does nothing when pg_isready already succeeds.
#
# Env overrides:
#   PG_VERSION      major version of the cluster (default: newest in /etc/postgresql)
#   PG_CLUSTER      cluster name (default: main)
#   PGHOST / PGPORT where to probe (default: 127.0.0.1 / 5432)
#   PG_WAIT_TIMEOUT seconds to wait for readiness (default: 30)
set -euo pipefail

log() { printf '[ensure-postgres] %s\n' "$*"; }
die() { printf '[ensure-postgres] ERROR: %s\n' "$*" >&2; exit 1; }

HOST="${PGHOST:-127.0.0.1}"
PORT="${PGPORT:-5432}"
CLUSTER="${PG_CLUSTER:-main}"
TIMEOUT="${PG_WAIT_TIMEOUT:-30}"

if [[ -z "${PG_VERSION:-}" ]]; then
  if [[ -d /etc/postgresql ]]; then
    PG_VERSION="$(ls -1 /etc/postgresql 2>/dev/null | sort -V | tail -n1 || true)"
  fi
fi
[[ -n "${PG_VERSION:-}" ]] || die "no cluster found under /etc/postgresql (is the postgresql package installed?)"

PG_ISREADY="/usr/lib/postgresql/${PG_VERSION}/bin/pg_isready"
[[ -x "$PG_ISREADY" ]] || PG_ISREADY="$(command -v pg_isready || true)"
[[ -n "$PG_ISREADY" ]] || die "pg_isready not found"

is_ready() { "$PG_ISREADY" -q -h "$HOST" -p "$PORT" -t 2; }

if is_ready; then
  log "PostgreSQL ${PG_VERSION}/${CLUSTER} already accepting connections on ${HOST}:${PORT}"
  exit 0
fi

log "PostgreSQL ${PG_VERSION}/${CLUSTER} not accepting connections on ${HOST}:${PORT}; starting it"
command -v pg_ctlcluster >/dev/null || die "pg_ctlcluster not found (postgresql-common missing?)"
# pg_ctlcluster exits non-zero when the cluster is already running (e.g. still
# in recovery / starting up); that is fine, we wait for readiness below.
if ! pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$CLUSTER" start; then
  log "pg_ctlcluster start returned non-zero (maybe already starting); waiting anyway"
fi

deadline=$((SECONDS + TIMEOUT))
until is_ready; do
  if (( SECONDS >= deadline )); then
    log "last lines of /var/log/postgresql/postgresql-${PG_VERSION}-${CLUSTER}.log:"
    tail -n 20 "/var/log/postgresql/postgresql-${PG_VERSION}-${CLUSTER}.log" 2>/dev/null || true
    die "PostgreSQL did not become ready within ${TIMEOUT}s"
  fi
  sleep 1
done
log "PostgreSQL ${PG_VERSION}/${CLUSTER} is accepting connections on ${HOST}:${PORT}"
