#!/usr/bin/env bash
# Install Debian's chromium (for headless screenshots) plus a CJK font so that
# Chinese text renders as glyphs instead of boxes. Idempotent; run as root.
#
# Env overrides:
#   CJK_FONT_PACKAGES  font packages to try in order (default "fonts-noto-cjk fonts-wqy-zenhei")
set -euo pipefail

log() { printf '[install-chromium] %s\n' "$*"; }
die() { printf '[install-chromium] ERROR: %s\n' "$*" >&2; exit 1; }

CHROMIUM=/usr/bin/chromium
FONT_CANDIDATES="${CJK_FONT_PACKAGES:-fonts-noto-cjk fonts-wqy-zenhei}"
export DEBIAN_FRONTEND=noninteractive
APT_OPTS=(-q -o DPkg::Lock::Timeout=300)

chromium_ok() { [[ -x "$CHROMIUM" ]] && "$CHROMIUM" --version >/dev/null 2>&1; }
cjk_font_ok() { command -v fc-list >/dev/null && [[ -n "$(fc-list :lang=zh family 2>/dev/null)" ]]; }

updated=0
apt_update_once() { if (( !updated )); then log "apt-get update"; apt-get "${APT_OPTS[@]}" update; updated=1; fi; }
apt_lists_empty() { ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; }
apt_install() {
  [[ $EUID -eq 0 ]] || die "must run as root to apt-get install $*"
  log "apt-get install $*"
  if apt_lists_empty; then apt_update_once; fi
  if ! apt-get "${APT_OPTS[@]}" install -y --no-install-recommends "$@"; then
    (( updated )) && return 1
    log "install failed; refreshing package lists and retrying"
    apt_update_once
    apt-get "${APT_OPTS[@]}" install -y --no-install-recommends "$@"
  fi
}

if chromium_ok; then
  log "chromium already installed"
else
  # fonts-liberation: metric-compatible Latin fonts (chromium only Recommends them).
  apt_install chromium fonts-liberation fontconfig
  chromium_ok || die "$CHROMIUM --version does not run after install"
fi

if cjk_font_ok; then
  log "CJK font already present: $(fc-list :lang=zh family | head -n1)"
else
  installed_font=""
  for pkg in $FONT_CANDIDATES; do
    if apt_install "$pkg"; then installed_font="$pkg"; break; fi
    log "could not install $pkg; trying next candidate"
  done
  [[ -n "$installed_font" ]] || die "none of ${FONT_CANDIDATES} could be installed"
  command -v fc-cache >/dev/null && fc-cache -f >/dev/null 2>&1 || true
  cjk_font_ok || die "no font for lang=zh visible to fontconfig after installing ${installed_font}"
  log "CJK font installed: ${installed_font} ($(fc-list :lang=zh family | head -n1))"
fi

log "$("$CHROMIUM" --version 2>/dev/null)"
