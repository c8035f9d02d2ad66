#!/usr/bin/env bash
# `npm test`: the checks (ESLint, Prettier, tsc) run beside the test projects, not before them. Each check is
# single-threaded: beside the tests they take the cores' idle moments instead of holding the first test back (a
# clean-clone CI went from 484 s to 462 s). Either failing fails the run; the checks' output is printed after the
# tests'. Arguments go to Jest.
set -uo pipefail
cd "$(dirname "$0")/.."
checks_log=$(mktemp)
npm run --silent check > "$checks_log" 2>&1 &
checks=$!
npx jest --maxWorkers=100% "$@"
tests_status=$?
wait "$checks"
checks_status=$?
echo "--- npm run check (lint, format, types)"
cat "$checks_log"
rm -f "$checks_log"
if [ "$checks_status" -ne 0 ]; then
  echo "npm run check failed (exit $checks_status)"
  exit "$checks_status"
fi
exit "$tests_status"
