#!/usr/bin/env bash
# Runs AlloIndustrie on this machine with its embedded default: one silo (SQLite file in the data
# folder, localhost clustering) and one web front, its Orleans client. Ctrl-C or SIGTERM stops both.
#
#   ./run.sh                      # http://localhost:5000 (ASPNETCORE_URLS or --urls to change), data in ./data
#   ./run.sh --urls http://0.0.0.0:8080
#   ALLO_DATA_DIR=/var/lib/allo ./run.sh
#   ALLO_SILO_METRICS_PORT=9564 ALLO_WEB_METRICS_PORT=9565 ./run.sh   # Prometheus on localhost; "" for none
# Any argument is passed to the web front (ASP.NET Core's usual --urls etc.).
set -euo pipefail
cd "$(dirname "$0")"

# Each process's scrape endpoint (/metrics on localhost) gets a port of its own: one port given to both would stop the
# second at start. Refused here, before the build, with one line and exit code 78, as the processes refuse a setting.
silo_metrics="${ALLO_SILO_METRICS_PORT-9464}"
web_metrics="${ALLO_WEB_METRICS_PORT-9465}"
if [[ -n "${Allo__Metrics__Port:-}" ]]; then
  echo "run.sh : Allo__Metrics__Port donnerait le même port au silo et au web front ; attendu : ALLO_SILO_METRICS_PORT et ALLO_WEB_METRICS_PORT. | run.sh: Allo__Metrics__Port would give the silo and the web front the same port; expected ALLO_SILO_METRICS_PORT and ALLO_WEB_METRICS_PORT." >&2
  exit 78
fi
if [[ -n "$silo_metrics" && "$silo_metrics" == "$web_metrics" ]]; then
  echo "run.sh : ALLO_SILO_METRICS_PORT et ALLO_WEB_METRICS_PORT valent tous deux « $silo_metrics » ; attendu : deux ports différents. | run.sh: ALLO_SILO_METRICS_PORT and ALLO_WEB_METRICS_PORT are both '$silo_metrics'; expected two different ports." >&2
  exit 78
fi

tools/setup.sh run
dotnet build AlloIndustrie.sln -c Release -v quiet -nologo

export ALLO_DATA_DIR="$(mkdir -p "${ALLO_DATA_DIR:-./data}" && cd "${ALLO_DATA_DIR:-./data}" && pwd)"
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5000}"

# The secret that seals the subscriptions' key ring in storage: made once, readable by this user only.
if [[ -z "${Allo__Subscriptions__KeyRingSecret:-}${Allo__Subscriptions__KeyRingSecretFile:-}" ]]; then
  export Allo__Subscriptions__KeyRingSecretFile="$ALLO_DATA_DIR/keyring-secret"
  [[ -s "$Allo__Subscriptions__KeyRingSecretFile" ]] || (umask 077 && head -c 32 /dev/urandom | base64 >"$Allo__Subscriptions__KeyRingSecretFile")
fi

# In a process's own subshell: its scrape endpoint's port, or none.
metrics_port() { if [[ -n "$1" ]]; then export Allo__Metrics__Port="$1"; else unset Allo__Metrics__Port; fi; }
scrape_address() { if [[ -n "$1" ]]; then echo "http://localhost:$1/metrics"; else echo "none"; fi; }

pids=()
stop() {
  trap - INT TERM
  kill -TERM "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap stop INT TERM

# Each process runs from its project folder, which holds its appsettings.json (and the web root).
(cd Silo && metrics_port "$silo_metrics" && exec dotnet bin/Release/net10.0/AlloIndustrie.Silo.dll) &
pids+=($!)
(cd WebFront && metrics_port "$web_metrics" && set -a && . ./jit.env && set +a && exec dotnet bin/Release/net10.0/AlloIndustrie.WebFront.dll "$@") &
pids+=($!)
# The web front itself prints "AlloIndustrie web front listening on …" once bound: --urls, the environment and
# Kestrel settings all decide the address, and only the server knows which one won.
echo "AlloIndustrie: data in $ALLO_DATA_DIR; metrics: silo $(scrape_address "$silo_metrics"), web front $(scrape_address "$web_metrics"); the web front prints its address once it listens (Ctrl-C stops)" >&2

# If either process dies, stop the other: a half-running service would only mislead.
wait -n "${pids[@]}" || true
stop
