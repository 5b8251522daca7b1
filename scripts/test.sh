#!/usr/bin/env bash
# The whole test suite, as the README's test command runs it:
#   lint (ESLint + Prettier + typecheck) → unit tests (turbo) → web build → API/database integration suite on PGlite,
#   then the same suite on PostgreSQL + pgvector, and again with reads on a streaming replica
#   (scripts/replica.sh) → browser end-to-end tests in Chromium.
# Machine prerequisites (local PostgreSQL running with pgvector, Chromium) are installed by
# idempotent scripts that return at once when everything is present.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1

step() { printf '\n=== %s\n' "$*"; }

# turbo looks for the package manager binary; when this script runs outside `pnpm test`
# (e.g. plain `bash scripts/test.sh`) put a pnpm shim on PATH.
if ! command -v pnpm >/dev/null 2>&1; then
  shim="$(mktemp -d)"
  printf '#!/bin/sh\nexec npx -y pnpm@10 "$@"\n' > "$shim/pnpm"
  chmod +x "$shim/pnpm"
  export PATH="$shim:$PATH"
fi

step "machine prerequisites"
bash scripts/ensure-postgres.sh
bash scripts/install-pgvector.sh
bash scripts/install-chromium.sh

step "lint (ESLint, Prettier, typecheck)"
pnpm lint

step "unit tests"
node_modules/.bin/turbo run test --output-logs=errors-only

step "build the web app"
node_modules/.bin/turbo run build --filter=@talentmap/web --output-logs=errors-only

cd test
step "integration suite on PGlite (embedded)"
TEST_DRIVER=pglite npx vitest run --config vitest.integration.config.ts

step "integration suite on PostgreSQL + pgvector"
TEST_DRIVER=postgres npx vitest run --config vitest.integration.config.ts

step "integration suite on PostgreSQL with its reads on a streaming replica (port 5433)"
bash ../scripts/replica.sh start
TEST_DRIVER=postgres TEST_REPLICA_PORT=5433 npx vitest run --config vitest.integration.config.ts

step "browser end-to-end (headless Chromium)"
npx vitest run --config vitest.e2e.config.ts
