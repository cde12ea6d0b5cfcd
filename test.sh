#!/usr/bin/env bash
# Runs every test: installs what they need (PostgreSQL, Chromium, speech tools, front-end packages),
# starts a throwaway PostgreSQL, builds, runs the xunit suite and ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

tools/setup.sh test
postgres="$(tools/postgres-for-tests.sh)"
eval "$postgres"
trap 'tools/postgres-for-tests.sh stop >/dev/null 2>&1 || true' EXIT

dotnet build AlloIndustrie.sln -c Release -v quiet -nologo

results="$(pwd)/.test-run/results"
rm -rf "$results"
status=0
dotnet test tests/AlloIndustrie.Tests -c Release --no-build \
  --logger "console;verbosity=normal" --logger "trx;LogFileName=tests.trx" --results-directory "$results" || status=$?

passed=0 failed=0
if [[ -f "$results/tests.trx" ]]; then
  counters="$(grep -o '<Counters [^>]*>' "$results/tests.trx" | head -n 1)"
  passed="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  failed="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  executed="$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  total="$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")"
  # A test that did not run (skipped, or lost in a crash) is a failure here: CI runs every test.
  failed=$((failed + total - executed))
elif ((status != 0)); then
  failed=1
fi
((failed == 0)) || status=1
if [[ -f "$results/tests.trx" ]]; then
  # CI shows only the end of the output: name the failures where they will be read.
  grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$results/tests.trx" \
    | sed -n 's/.*testName="\([^"]*\)".*/failed: \1/p' || true
fi
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"
