#!/usr/bin/env bash
# Profiles one benchmark scenario: runs it against a fresh service (as bench/run.sh does) while dotnet-trace
# (a local .NET tool, .config/dotnet-tools.json) samples the web front's or the silo's threads, then prints
# the heaviest functions and the CPU each process used.
#
#   bench/profile.sh page|phone|fanout|publish [webfront|silo]
#
# The trace is kept (its path is printed last); `dotnet tool run dotnet-trace -- convert --format Speedscope`
# opens it in https://www.speedscope.app or any Speedscope viewer.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$(pwd)"
SCENARIO="${1:?usage: bench/profile.sh page|phone|fanout|publish [webfront|silo]}"
TARGET="${2:-webfront}"
TERRITORY=rouen-metropole
TRACE_SECONDS=10

source bench/lib.sh
start_service
for _ in $(seq 1 200); do [[ -f "$DATA/demo-credentials.json" ]] && break; sleep 0.1; done
client seed --count 10 >&2

case "$SCENARIO" in
  page) run() { wrk -t2 -c256 -d"$((TRACE_SECONDS + 4))"s --latency "$WEB/$TERRITORY"; } ;;
  phone) run() { client phone --calls 200 --seconds "$((TRACE_SECONDS + 4))"; } ;;
  publish) run() { client publish --count 20; } ;;
  fanout) run() { client fanout --clients 10000 --rounds 3 --webfront-pid "$WEB_PID"; } ;;
  *) echo "bench: unknown scenario $SCENARIO" >&2; exit 2 ;;
esac
case "$TARGET" in
  webfront) PID=$WEB_PID ;;
  silo) PID=$SILO_PID ;;
  *) echo "bench: trace webfront or silo, not $TARGET" >&2; exit 2 ;;
esac

# Warm up (JIT, caches) so that the trace shows the steady state.
wrk -t2 -c64 -d3s "$WEB/$TERRITORY" >/dev/null
TRACE="$(mktemp -d /tmp/allo-profile.XXXXXX)/$SCENARIO-$TARGET.nettrace"
CPU_WEB=$(cpu_ms "$WEB_PID"); CPU_SILO=$(cpu_ms "$SILO_PID")
run >"$WORK/scenario.out" 2>&1 &
SCENARIO_PID=$!
# The fan-out spends its first seconds connecting, then publishes 3 s after saying so: trace the publication.
if [[ "$SCENARIO" == fanout ]]; then
  for _ in $(seq 1 1200); do grep -q '^fanout: .* connected' "$WORK/scenario.out" && break; sleep 0.1; done
else
  sleep 1
fi
dotnet tool run dotnet-trace -- collect -p "$PID" --profile dotnet-sampled-thread-time,gc-collect \
  --duration "00:00:00:$(printf '%02d' "$TRACE_SECONDS")" -o "$TRACE" >&2
wait "$SCENARIO_PID" || true
echo "CPU used during the scenario: web front $(($(cpu_ms "$WEB_PID") - CPU_WEB)) ms, silo $(($(cpu_ms "$SILO_PID") - CPU_SILO)) ms"
cat "$WORK/scenario.out"
# Sampled thread time counts waiting threads too; the request path is in the inclusive list.
dotnet tool run dotnet-trace -- report "$TRACE" topN -n 40 --inclusive
dotnet tool run dotnet-trace -- report "$TRACE" topN -n "${PROFILE_TOP:-25}"
echo "trace: $TRACE"
