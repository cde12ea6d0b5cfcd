#!/usr/bin/env bash
# Runs AlloIndustrie on this machine with its embedded default: one silo (SQLite file in the data
# folder, localhost clustering) and one web front, its Orleans client. Ctrl-C or SIGTERM stops both.
#
#   ./run.sh                      # http://localhost:5000 (ASPNETCORE_URLS or --urls to change), data in ./data
#   ./run.sh --urls http://0.0.0.0:8080
#   ALLO_DATA_DIR=/var/lib/allo ./run.sh
# Any argument is passed to the web front (ASP.NET Core's usual --urls etc.).
set -euo pipefail
cd "$(dirname "$0")"

tools/setup.sh run
dotnet build AlloIndustrie.sln -c Release -v quiet -nologo

export ALLO_DATA_DIR="$(mkdir -p "${ALLO_DATA_DIR:-./data}" && cd "${ALLO_DATA_DIR:-./data}" && pwd)"
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5000}"

# The secret that seals the subscriptions' key ring in storage: made once, readable by this user only.
if [[ -z "${Allo__Subscriptions__KeyRingSecret:-}${Allo__Subscriptions__KeyRingSecretFile:-}" ]]; then
  export Allo__Subscriptions__KeyRingSecretFile="$ALLO_DATA_DIR/keyring-secret"
  [[ -s "$Allo__Subscriptions__KeyRingSecretFile" ]] || (umask 077 && head -c 32 /dev/urandom | base64 >"$Allo__Subscriptions__KeyRingSecretFile")
fi

pids=()
stop() {
  trap - INT TERM
  kill -TERM "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap stop INT TERM

# Each process runs from its project folder, which holds its appsettings.json (and the web root).
(cd Silo && exec dotnet bin/Release/net10.0/AlloIndustrie.Silo.dll) &
pids+=($!)
(cd WebFront && exec dotnet bin/Release/net10.0/AlloIndustrie.WebFront.dll "$@") &
pids+=($!)
# The web front itself prints "AlloIndustrie web front listening on …" once bound: --urls, the environment and
# Kestrel settings all decide the address, and only the server knows which one won.
echo "AlloIndustrie: data in $ALLO_DATA_DIR; the web front prints its address once it listens (Ctrl-C stops)" >&2

# If either process dies, stop the other: a half-running service would only mislead.
wait -n "${pids[@]}" || true
stop
