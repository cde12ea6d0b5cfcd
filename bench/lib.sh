# Shared by bench/run.sh and bench/profile.sh (sourced from the repository root): installs what is missing,
# builds Release, and starts one silo and one web front on SQLite in a temporary data folder with the demo,
# as ./run.sh does, on free loopback ports. Stopped and cleaned up when the calling script exits.

missing=()
for package in wrk nginx; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]} > 0)); then
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "bench: missing packages ${missing[*]}; run as root or install them with apt-get." >&2
    exit 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi
tools/setup.sh run
dotnet build AlloIndustrie.sln -c Release -v quiet -nologo >&2
dotnet tool restore >&2

# 10,000 WebSockets are 10,000 descriptors in the web front and as many in the load client.
ulimit -n "$(ulimit -Hn)"

WORK="$(mktemp -d /tmp/allo-bench.XXXXXX)"
DATA="$WORK/data"
# A new, empty data folder for the next start_service (the demo is seeded again).
fresh_data() { DATA="$WORK/data-$1"; mkdir -p "$DATA"; export ALLO_DATA_DIR="$DATA"; }
OUT="$WORK/results.md"
mkdir -p "$DATA"
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
WEB_PORT=$(free_port); NGINX_PORT=$(free_port); SILO_PORT=$(free_port); GATEWAY_PORT=$(free_port); WEB_METRICS_PORT=$(free_port)
WEB="http://127.0.0.1:$WEB_PORT"
# The web front's Prometheus endpoint (the fan-out reads its GC pauses there; it answers to the name localhost only); the silo keeps none.
WEB_METRICS="http://localhost:$WEB_METRICS_PORT"

export ALLO_DATA_DIR="$DATA" ASPNETCORE_URLS="$WEB"
export Allo__Cluster__SiloPort=$SILO_PORT Allo__Cluster__GatewayPort=$GATEWAY_PORT
export Logging__LogLevel__Default=Warning
# The benchmark publishes and withdraws faster than an operator would; the per-key limit is not what is measured.
export Allo__Api__OperatorRequestsPerMinute=100000

SILO_PID=""; WEB_PID=""; NGINX_PID=""
stop_service() {
  for pid in $WEB_PID $SILO_PID; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in $WEB_PID $SILO_PID; do wait "$pid" 2>/dev/null || true; done
  SILO_PID=""; WEB_PID=""
}
cleanup() {
  stop_service
  [[ -n "$NGINX_PID" ]] && { kill -TERM "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; }
  rm -rf "$WORK"
}
trap cleanup EXIT

load() { cut -d' ' -f1-3 /proc/loadavg; }
# CPU time (user + system) the given processes have used so far, in milliseconds: unlike a rate, the CPU one
# request costs the server hardly depends on what else the shared machine is running.
cpu_ms() {
  local ticks=0 pid
  for pid in "$@"; do ticks=$((ticks + $(awk '{ print $14 + $15 }' "/proc/$pid/stat"))); done
  echo $((ticks * 1000 / $(getconf CLK_TCK)))
}
rss_mib() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
client() { dotnet "$REPO/bench/LoadClient/bin/Release/net10.0/AlloIndustrie.Bench.LoadClient.dll" "$@" --url "$WEB" --data "$DATA"; }

# Starts both processes as ./run.sh does; STARTUP_MS is the time from launch to the first /healthz 200,
# FIRST_PAGE the territory's page asked for at that moment (time and status).
STARTUP_MS=""; FIRST_PAGE=""
start_service() {
  local started=$(date +%s%N)
  (cd Silo && exec dotnet bin/Release/net10.0/AlloIndustrie.Silo.dll) >"$WORK/silo.log" 2>&1 &
  SILO_PID=$!
  (cd WebFront && set -a && . ./jit.env && set +a && Allo__Metrics__Port=$WEB_METRICS_PORT exec dotnet bin/Release/net10.0/AlloIndustrie.WebFront.dll) >"$WORK/webfront.log" 2>&1 &
  WEB_PID=$!
  for _ in $(seq 1 2400); do
    if curl -fs -o /dev/null --max-time 2 "$WEB/healthz"; then
      STARTUP_MS=$((($(date +%s%N) - started) / 1000000))
      FIRST_PAGE=$(curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '%{time_total} %{http_code}' "$WEB/${TERRITORY:-}" | awk '{ printf "%.0f ms (HTTP %s)", $1 * 1000, $2 }')
      return 0
    fi
    sleep 0.05
  done
  echo "bench: the service did not become healthy in 120 s" >&2
  tail -20 "$WORK/silo.log" "$WORK/webfront.log" >&2
  return 1
}

# Both servers are asked for gzip, which each has compressed once (the service per change, nginx's gzip_static
# file is the service's own gzip bytes): the same bytes on the wire.
wrk_run() { # url seconds [connections] -> wrk output
  wrk -t2 -c"${3:-256}" -d"$2"s --latency -H 'Accept-Encoding: gzip' "$1"
}
wrk_rate() { awk '/^Requests\/sec:/ { print $2 }' <<<"$1"; }
wrk_pct() { awk -v p="$2%" '$1 == p { print $2 }' <<<"$1"; }
wrk_requests() { awk '/requests in/ { print $1 }' <<<"$1"; }
per_request_us() { python3 -c "print(f'{$1 * 1000 / $2:.0f} µs')"; } # cpu-ms requests
