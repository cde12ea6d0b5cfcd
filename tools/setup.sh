#!/usr/bin/env bash
# Installs what the service (and, with "test", its tests) needs on a Debian machine that has the .NET SDK.
#
#   tools/setup.sh run    # speech tools and Node.js (the build fetches the front-end packages once)
#   tools/setup.sh test   # the same, plus Chromium for the browser tests (PostgreSQL: tools/postgres-for-tests.sh)
#
# Re-runnable: it installs only what is missing. Everything goes to stderr.
set -euo pipefail
exec 1>&2

MODE="${1:-run}"

packages=(espeak-ng lame sox libsox-fmt-mp3 sqlite3 nodejs npm)
if [[ "$MODE" == "test" ]]; then
  packages+=(chromium fonts-dejavu-core nginx openssl systemd)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
# A Node.js from elsewhere (with its own npm) is as good as Debian's.
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  missing=("${missing[@]/nodejs}")
  missing=("${missing[@]/npm}")
fi
read -r -a missing <<<"${missing[*]}"

if ((${#missing[@]} > 0)); then
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "setup: missing packages ${missing[*]}; run as root or install them with apt-get." >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

