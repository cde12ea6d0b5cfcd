#!/usr/bin/env bash
# Subscription delivery benchmark on this machine, on loopback only, then bench/RESULTS-subscriptions.md.
#
#   bench/subscriptions.sh [push-subscribers] [mail-subscribers]     # defaults 100000 20000
#
# Starts one silo and one web front on SQLite (as bench/run.sh does) pointed at a push service and an SMTP server
# that the C# load client runs on loopback (both accept everything and count), signs the subscribers up through the
# contract's routes, then publishes one notice and times the last push and the last mail accepted, with the
# public page's rate (wrk, 64 connections, 10 s) measured before the publication and during the delivery.
# BENCH_WARM_UP=1 first delivers an untimed notice, so that the timed one finds the silo as a running deployment
# has it (code compiled, connections open); without it, the figures include the first delivery's compilation.
# BENCH_TRACE=path also samples the silo during the delivery with dotnet-trace (report it with
# `dotnet tool run dotnet-trace -- report path topN --inclusive`).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$(pwd)"
TERRITORY=rouen-metropole
PUSH=${1:-100000}
MAIL=${2:-20000}
source bench/lib.sh

PUSH_PORT=$(free_port); SMTP_PORT=$(free_port)
export Allo__Subscriptions__PushOrigins="http://127.0.0.1:$PUSH_PORT"
export Allo__Subscriptions__VapidSubject="mailto:bench@alloindustrie.test"
export Allo__Smtp__Host=127.0.0.1 Allo__Smtp__Port=$SMTP_PORT Allo__Smtp__From="AlloIndustrie <avis@alloindustrie.test>"
# Every subscriber signs up from this one address: the per-client limits and the proof's cost are not what is measured.
export Allo__Reports__ProofBits=1
export Allo__Subscriptions__ChallengesPerClientPerHour=1000000 Allo__Subscriptions__PerClientPerHour=1000000
export Allo__Api__PublicRequestsPerAddressPerMinute=10000000

start_service
for _ in $(seq 1 200); do [[ -f "$DATA/demo-credentials.json" ]] && break; sleep 0.1; done
echo "bench: signing up $PUSH push and $MAIL mail subscribers" >&2
dotnet "$REPO/bench/LoadClient/bin/Release/net10.0/AlloIndustrie.Bench.LoadClient.dll" subscriptions --url "$WEB" --data "$DATA" \
  --push "$PUSH" --mail "$MAIL" --push-port "$PUSH_PORT" --smtp-port "$SMTP_PORT" \
  --warm-up "${BENCH_WARM_UP:-0}" --seeded "$WORK/seeded" --go "$WORK/go" --published "$WORK/published" >"$WORK/client.md" 2>"$WORK/client.log" &
CLIENT_PID=$!
while [[ ! -f "$WORK/seeded" ]]; do
  kill -0 "$CLIENT_PID" 2>/dev/null || { cat "$WORK/client.log" >&2; exit 1; }
  sleep 1
done
echo "bench: page rate without delivery" >&2
LOAD_BEFORE=$(load)
WRK_BEFORE=$(wrk_run "$WEB/$TERRITORY" 10 64)
RSS_BEFORE="silo $(rss_mib $SILO_PID) MiB, web front $(rss_mib $WEB_PID) MiB"
CPU_SILO_BEFORE=$(cpu_ms "$SILO_PID")
touch "$WORK/go"
while [[ ! -f "$WORK/published" ]]; do sleep 0.05; done
# BENCH_TRACE=file: the silo's threads sampled by dotnet-trace during the first 10 s of the delivery, kept in that file.
if [[ -n "${BENCH_TRACE:-}" ]]; then
  dotnet tool run dotnet-trace -- collect -p "$SILO_PID" --profile dotnet-sampled-thread-time --duration 00:00:00:10 -o "$BENCH_TRACE" >&2 &
fi
echo "bench: page rate during the delivery" >&2
LOAD_DURING=$(load)
WRK_DURING=$(wrk_run "$WEB/$TERRITORY" 10 64)
CLIENT_STATUS=0
wait "$CLIENT_PID" || CLIENT_STATUS=$?
CPU_SILO=$(( $(cpu_ms "$SILO_PID") - CPU_SILO_BEFORE ))
RSS_AFTER="silo $(rss_mib $SILO_PID) MiB, web front $(rss_mib $WEB_PID) MiB"
stop_service

RATE_BEFORE=$(wrk_rate "$WRK_BEFORE"); RATE_DURING=$(wrk_rate "$WRK_DURING")
cat >bench/RESULTS-subscriptions.md <<MD
# Subscription delivery benchmark

Written by \`${BENCH_WARM_UP:+BENCH_WARM_UP=$BENCH_WARM_UP }bench/subscriptions.sh $PUSH $MAIL\` on $(date -u '+%Y-%m-%d %H:%M') UTC, commit $(git rev-parse --short HEAD),
on this machine ($(nproc) cores), which other work may share: load average (1, 5, 15 min)
$LOAD_BEFORE before the publication, $LOAD_DURING just after it. The push service and the SMTP server are the
load client's, on loopback; they accept every message at once, so the figures are the service's side.

Targets: every push handed over within 60 s, every mail within 120 s, the page keeping at least half its rate.
Times are from the operator's POST being sent.

$(cat "$WORK/client.md")

| | public page, requests/s (wrk, 64 connections, 10 s) | p99 |
|---|---|---|
| before the publication | $RATE_BEFORE | $(wrk_pct "$WRK_BEFORE" 99) |
| during the delivery (first 10 s) | $RATE_DURING | $(wrk_pct "$WRK_DURING" 99) |
| ratio | $(python3 -c "print(f'{$RATE_DURING / $RATE_BEFORE:.2f}')") | |

Silo CPU during the delivery and the 10 s of wrk: $CPU_SILO ms, $(python3 -c "print(f'{$CPU_SILO * 1000 / ($PUSH + $MAIL):.0f} µs')") per message.
Memory: $RSS_BEFORE before the publication; $RSS_AFTER after the delivery. Load client exit status: $CLIENT_STATUS
(1 if not every message was accepted within its patience).
MD
echo "bench: results in bench/RESULTS-subscriptions.md" >&2
