#!/usr/bin/env bash
# The test command of the README (`npm test`): installs what the tests need from Debian
# when it is missing, then runs every test file with Node's test runner.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
shopt -s globstar nullglob
files=(server/**/*.test.ts trainer/**/*.test.ts web/**/*.test.ts tests/**/*.test.ts)
if [ "$#" -gt 0 ]; then files=("$@"); fi
exec node --import tsx --test --test-concurrency="${TEST_CONCURRENCY:-2}" --test-timeout=600000 "${files[@]}"
