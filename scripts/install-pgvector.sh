#!/usr/bin/env bash
# Build and install pgvector >= 0.8 (iterative index scans) into the local
# Debian PostgreSQL server, from Debian's *source* package.
#
# bookworm only carries pgvector 0.5.x, so the source comes from a newer suite
# (sid / forky / trixie / bookworm-backports, newest first: the first one that
# has >= 0.8 and builds wins). It is compiled against the local server's
# pg_config with `make with_llvm=no` and installed with `make install`.
#
# Idempotent: exits at once when the server already offers vector >= 0.8.
# Meant to run as root (apt-get, make install into /usr/lib/postgresql).
#
# Env overrides:
#   PG_VERSION            server major version (default: newest in /etc/postgresql)
#   PGHOST / PGPORT       server address (default 127.0.0.1 / 5432), user postgres
#   PGVECTOR_SUITES       suites to try, in order (default "sid forky trixie bookworm-backports")
#   PGVECTOR_MIN_VERSION  minimum acceptable version (default 0.8)
#   DEBIAN_MIRROR         mirror URL (default: taken from /etc/apt/sources.list*)
#   KEEP_PGVECTOR_SRC_LIST=1  keep /etc/apt/sources.list.d/pgvector-src.list afterwards
set -euo pipefail

log() { printf '[install-pgvector] %s\n' "$*"; }
die() { printf '[install-pgvector] ERROR: %s\n' "$*" >&2; exit 1; }

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
HOST="${PGHOST:-127.0.0.1}"
PORT="${PGPORT:-5432}"
MIN_VERSION="${PGVECTOR_MIN_VERSION:-0.8}"
SUITES="${PGVECTOR_SUITES:-sid forky trixie bookworm-backports}"
SRC_LIST=/etc/apt/sources.list.d/pgvector-src.list

if [[ -z "${PG_VERSION:-}" ]]; then
  PG_VERSION="$(ls -1 /etc/postgresql 2>/dev/null | sort -V | tail -n1 || true)"
fi
[[ -n "$PG_VERSION" ]] || die "no PostgreSQL cluster under /etc/postgresql"
export PG_VERSION
PG_CONFIG="/usr/lib/postgresql/${PG_VERSION}/bin/pg_config"

PSQL=(psql -X -q -h "$HOST" -p "$PORT" -U postgres -v ON_ERROR_STOP=1)

# "x.y" -> "{x,y}" for a numeric (not lexical) comparison inside SQL.
min_array="{$(printf '%s' "$MIN_VERSION" | tr '.' ',')}"
have_vector() {
  local out
  out="$("${PSQL[@]}" -d postgres -tAc \
    "select 1 from pg_available_extensions where name='vector'
       and string_to_array(split_part(default_version,'-',1),'.')::int[] >= '${min_array}'::int[]" 2>/dev/null || true)"
  [[ "$out" == 1 ]]
}

# --- 0. server up? already installed? ---------------------------------------
bash "$SCRIPT_DIR/ensure-postgres.sh"
if have_vector; then
  ver="$("${PSQL[@]}" -d postgres -tAc "select default_version from pg_available_extensions where name='vector'")"
  log "pgvector ${ver} already available in PostgreSQL ${PG_VERSION}; nothing to do"
  exit 0
fi

[[ $EUID -eq 0 ]] || die "must run as root (apt-get install, make install into /usr/lib/postgresql)"
export DEBIAN_FRONTEND=noninteractive
APT_OPTS=(-q -o DPkg::Lock::Timeout=300)

WORK="$(mktemp -d /tmp/pgvector-build.XXXXXX)"
chmod 0755 "$WORK"   # apt's _apt sandbox user must be able to reach lists/ and the download dirs
VERIFY_DB="pgvector_verify_$$"
cleanup() {
  "${PSQL[@]}" -d postgres -c "drop database if exists ${VERIFY_DB}" >/dev/null 2>&1 || true
  if [[ "${KEEP_PGVECTOR_SRC_LIST:-0}" != 1 ]]; then rm -f "$SRC_LIST"; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- 1. build dependencies ----------------------------------------------------
apt_lists_empty() { ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; }
apt_install() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if (( ${#missing[@]} == 0 )); then log "build deps already installed: $*"; return 0; fi
  log "installing build deps: ${missing[*]}"
  if apt_lists_empty; then
    log "apt package lists are empty; running apt-get update"
    apt-get "${APT_OPTS[@]}" update
  fi
  if ! apt-get "${APT_OPTS[@]}" install -y --no-install-recommends "${missing[@]}"; then
    log "apt-get install failed; refreshing package lists and retrying"
    apt-get "${APT_OPTS[@]}" update
    apt-get "${APT_OPTS[@]}" install -y --no-install-recommends "${missing[@]}"
  fi
}
# postgresql-server-dev-N: server headers + PGXS (pulls clang/llvm-dev, unused
# because we build with with_llvm=no). dpkg-dev: dpkg-source for apt-get source.
apt_install "postgresql-server-dev-${PG_VERSION}" gcc make libc6-dev dpkg-dev
[[ -x "$PG_CONFIG" ]] || die "$PG_CONFIG missing after installing postgresql-server-dev-${PG_VERSION}"

# --- 2. source suites ---------------------------------------------------------
mirror="${DEBIAN_MIRROR:-}"
if [[ -z "$mirror" ]]; then
  # First non-security Debian archive URI from deb822 .sources or one-line lists.
  mirror="$( { grep -hE '^\s*URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | sed -E 's/^\s*URIs:\s*//' | tr ' ' '\n';
               grep -hE '^\s*deb(-src)?\s' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
                 | sed -E 's/\[[^]]*\]//' | awk '{print $2}'; } \
             | grep -E '^https?://' | grep -v -- '-security' | grep -E '/debian/?$' | head -n1 || true)"
  mirror="${mirror:-http://deb.debian.org/debian}"
fi
mirror="${mirror%/}"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
log "mirror: ${mirror}; candidate suites: ${SUITES}"

: >"$SRC_LIST"
for s in $SUITES; do
  printf 'deb-src [signed-by=%s] %s %s main\n' "$keyring" "$mirror" "$s" >>"$SRC_LIST"
done
log "wrote ${SRC_LIST} (removed again on exit)"

# Use ONLY that file and a private lists dir, so the system's apt lists and
# caches are left untouched (no full `apt-get update` of the binary suites).
mkdir -p "$WORK/lists/partial" "$WORK/parts"
chown -R _apt:root "$WORK/lists" 2>/dev/null || true
SRC_APT=(-o Dir::Etc::SourceList="$SRC_LIST" -o Dir::Etc::SourceParts="$WORK/parts"
         -o Dir::State::Lists="$WORK/lists" -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache=)
log "fetching source indexes"
# A suite that fails (e.g. signing-key rotation) must not stop the others.
apt-get "${APT_OPTS[@]}" "${SRC_APT[@]}" update || log "warning: some source indexes failed to download"

# --- 3. fetch, build, install: newest suite first -----------------------------
built=""
failed_versions=" "
for s in $SUITES; do
  d="$WORK/src-$s"
  mkdir -p "$d"
  chown _apt:root "$d" 2>/dev/null || true   # lets apt's _apt sandbox write here (no "unsandboxed as root" warning)
  log "[$s] apt-get source pgvector/$s"
  if ! (cd "$d" && apt-get "${APT_OPTS[@]}" "${SRC_APT[@]}" source "pgvector/$s" >"$d.log" 2>&1); then
    log "[$s] no usable pgvector source ($(grep -m1 -E '^E:' "$d.log" || tail -n1 "$d.log"))"
    continue
  fi
  dsc="$(ls "$d"/pgvector_*.dsc | head -n1)"
  ver="$(sed -n 's/^Version: //p' "$dsc" | head -n1)"
  upstream="${ver%-*}"; upstream="${upstream#*:}"
  if ! dpkg --compare-versions "$upstream" ge "$MIN_VERSION"; then
    log "[$s] pgvector ${ver} < ${MIN_VERSION}; skipping"; continue
  fi
  if [[ "$failed_versions" == *" $ver "* ]]; then
    log "[$s] pgvector ${ver} already failed to build; skipping"; continue
  fi
  srcdir="$(find "$d" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -n1)"
  [[ -n "$srcdir" ]] || { log "[$s] unpacked source dir not found"; failed_versions+="$ver "; continue; }

  log "[$s] building pgvector ${ver} against $("$PG_CONFIG" --version) (with_llvm=no)"
  t0=$SECONDS
  # OPTFLAGS= : no -march=native, so the binary also runs on other x86-64 CPUs
  # (pgvector does its own runtime CPU dispatch). Same as Debian's packaging.
  if make -C "$srcdir" -j"$(nproc)" with_llvm=no OPTFLAGS= PG_CONFIG="$PG_CONFIG" >"$d.build.log" 2>&1 \
     && make -C "$srcdir" with_llvm=no OPTFLAGS= PG_CONFIG="$PG_CONFIG" install >>"$d.build.log" 2>&1; then
    log "[$s] built and installed pgvector ${ver} in $((SECONDS - t0))s"
    built="$ver ($s)"
    break
  fi
  log "[$s] build of pgvector ${ver} failed; last lines:"
  tail -n 15 "$d.build.log" >&2
  failed_versions+="$ver "
done
[[ -n "$built" ]] || die "could not obtain and build pgvector >= ${MIN_VERSION} from any of: ${SUITES}"

# --- 4. verify in a scratch database -------------------------------------------
log "verifying in scratch database ${VERIFY_DB}"
"${PSQL[@]}" -d postgres -c "create database ${VERIFY_DB}"
"${PSQL[@]}" -d "$VERIFY_DB" -tA <<'SQL'
create extension if not exists vector;
select 'extversion=' || extversion from pg_extension where extname = 'vector';
select 'l2([1,2,3],[4,5,6])=' || ('[1,2,3]'::vector <-> '[4,5,6]'::vector);
set hnsw.iterative_scan = relaxed_order;
select 'hnsw.iterative_scan=' || current_setting('hnsw.iterative_scan');
drop extension vector;
SQL
"${PSQL[@]}" -d postgres -c "drop database ${VERIFY_DB}"
have_vector || die "vector >= ${MIN_VERSION} still not listed in pg_available_extensions"
log "done: pgvector ${built} installed into PostgreSQL ${PG_VERSION}"
