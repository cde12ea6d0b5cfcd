#!/usr/bin/env bash
# Builds the previous release's silo and web front (Release) from this repository's own history, once, and prints
# the folder holding them: .test-run/previous-release/<commit>, kept and reused while that folder is complete.
#
#   tools/previous-release.sh            # the release the upgrade test runs beside this one
#   tools/previous-release.sh <commit>   # another one
#
# The mixed-version test (tests/AlloIndustrie.Tests/Upgrades) runs its processes beside this checkout's.
# Everything but the folder goes to stderr.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The last release that passed CI before this one: update it when a release is cut.
COMMIT="${1:-487872ea5cffc755274ff18395ca7cf0f61c3508}"
ROOT="$REPO/.test-run/previous-release"
TARGET="$ROOT/$COMMIT"
cd "$REPO"

if [[ -f "$TARGET/.built" ]]; then
  echo "$TARGET"
  exit 0
fi

# A CI clone may be shallow: fetch the commit alone, then deepen, before giving up.
if ! git cat-file -e "$COMMIT^{commit}" 2>/dev/null; then
  echo "previous-release: fetching $COMMIT from origin" >&2
  git fetch --quiet --depth=1 origin "$COMMIT" >&2 2>/dev/null \
    || git fetch --quiet --deepen=200 origin >&2 2>/dev/null \
    || git fetch --quiet --unshallow origin >&2 2>/dev/null \
    || true
fi
if ! git cat-file -e "$COMMIT^{commit}" 2>/dev/null; then
  echo "previous-release: commit $COMMIT is not in this clone and origin did not give it; fetch it (git fetch origin $COMMIT) and run again." >&2
  exit 1
fi

# Built in place (a build's outputs name their folder); a folder without .built is an interrupted build.
work="$TARGET"
rm -rf "$work"
mkdir -p "$work"
git archive "$COMMIT" | tar -x -C "$work"

# Its front-end packages: this checkout's when they are the same ones (hard links, nothing downloaded), else npm's.
if [[ -d WebFront/node_modules ]] \
  && cmp -s WebFront/package.json "$work/WebFront/package.json" \
  && cmp -s WebFront/package-lock.json "$work/WebFront/package-lock.json"; then
  cp -al WebFront/node_modules "$work/WebFront/node_modules"
  # Newer than the archive's package files, so that its build does not run npm ci again.
  touch "$work/WebFront/node_modules/.package-lock.json"
else
  (cd "$work/WebFront" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi

echo "previous-release: building $COMMIT" >&2
for project in Silo/Silo.csproj WebFront/WebFront.csproj; do
  dotnet build "$work/$project" -c Release -v quiet -nologo >&2
done

touch "$work/.built"
echo "$TARGET"
