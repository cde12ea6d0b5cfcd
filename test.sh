#!/usr/bin/env bash
# Runs every test: installs what they need (PostgreSQL, Chromium, speech tools, front-end packages),
# starts a throwaway PostgreSQL, builds, runs both xunit projects and ends with "N passed, N failed" for both.
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
# The unit tests first (seconds), then everything that runs processes, clusters and browsers.
projects=(AlloIndustrie.UnitTests AlloIndustrie.Tests)
for project in "${projects[@]}"; do
  dotnet test "tests/$project" -c Release --no-build \
    --logger "console;verbosity=normal" --logger "trx;LogFileName=$project.trx" --results-directory "$results" || status=$?
done

passed=0 failed=0
for project in "${projects[@]}"; do
  trx="$results/$project.trx"
  if [[ ! -f "$trx" ]]; then
    # A project whose run left no results (it did not build or start) counts as one failure.
    failed=$((failed + 1))
    continue
  fi
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  count() { local n; n="$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters")"; echo "${n:-0}"; }
  # A test that did not run (skipped, or lost in a crash) is a failure here: CI runs every test.
  passed=$((passed + $(count passed)))
  failed=$((failed + $(count failed) + $(count total) - $(count executed)))
done
((failed == 0)) || status=1
for project in "${projects[@]}"; do
  if [[ -f "$results/$project.trx" ]]; then
    # CI shows only the end of the output: name the failures where they will be read.
    grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$results/$project.trx" \
      | sed -n 's/.*testName="\([^"]*\)".*/failed: \1/p' || true
    # And the first words of each failure's message, enough to tell a timeout from a wrong value.
    tr '\n' ' ' <"$results/$project.trx" | grep -o '<Message>[^<]*' | cut -c10-400 | sed 's/^/  reason: /' | head -n 20 || true
  fi
done
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"
