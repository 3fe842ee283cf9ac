#!/usr/bin/env bash
# Runs the Prisma CLI offline: the schema's datasource URL must be set even for
# `generate` (else the CLI looks for its downloadable Rust engine), and the update
# check is off (no internet here).
set -euo pipefail
export DATABASE_URL="${DATABASE_URL:-postgresql://localhost:5432/unset}"
export CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
exec "$(dirname "$0")/../node_modules/.bin/prisma" "$@"
