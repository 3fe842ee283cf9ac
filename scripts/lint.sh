#!/usr/bin/env bash
# `npm run lint`: types, lint rules, formatting, and that generated code is current
# (GraphQL types from the SDL; the migrations are checked by tests/db/migrations.test.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "lint: tsc" && npx tsc --noEmit -p .
echo "lint: eslint" && npx eslint --max-warnings=0 .
echo "lint: prettier" && npx prettier --check . --log-level warn
echo "lint: codegen" && npx graphql-codegen --config codegen.ts --check >/dev/null
