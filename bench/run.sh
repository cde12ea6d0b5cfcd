#!/usr/bin/env bash
# Surge benchmarks of AlloIndustrie on this machine, on loopback only, then bench/RESULTS.md.
#
#   bench/run.sh
#
# Installs what is missing (wrk, nginx, the service's own tools), builds Release, starts one silo and one web
# front on SQLite in a temporary data folder with the demo, publishes 10 notices to one territory, runs every
# scenario one after the other (each bounded in time and requests), stops everything and writes the results.
# Run it as root on a Debian machine with the .NET 10 SDK (or with wrk and nginx already installed).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$(pwd)"
TERRITORY=rouen-metropole
PHONE_NUMBER=+33805760001
PAGE_SECONDS=20
PHONE_SECONDS=20
PHONE_THINK_MS=1000
PUBLISHES=30
FANOUT_SIZES=(1000 5000 10000)

source bench/lib.sh

wrk_run() { # url seconds -> wrk output
  wrk -t2 -c256 -d"$2"s --latency "$1"
}
wrk_rate() { awk '/^Requests\/sec:/ { print $2 }' <<<"$1"; }
wrk_pct() { awk -v p="$2%" '$1 == p { print $2 }' <<<"$1"; }
wrk_requests() { awk '/requests in/ { print $1 }' <<<"$1"; }
per_request_us() { python3 -c "print(f'{$1 * 1000 / $2:.0f} µs')"; } # cpu-ms requests

echo "bench: cold start on a fresh data folder" >&2
LOAD_COLD_FRESH=$(load)
start_service; COLD_FRESH=$STARTUP_MS
for _ in $(seq 1 200); do [[ -f "$DATA/demo-credentials.json" ]] && break; sleep 0.1; done
sleep 5
IDLE_FRESH="silo $(rss_mib $SILO_PID) MiB, web front $(rss_mib $WEB_PID) MiB"

echo "bench: publishing 10 notices and waiting for their audio" >&2
client seed --count 10
for _ in $(seq 1 600); do
  ready=$(curl -fs "$WEB/api/v1/territories/$TERRITORY/notices" | python3 -c 'import json,sys;print(sum(1 for n in json.load(sys.stdin) if n.get("audioUrl")))')
  [[ "$ready" -ge 10 ]] && break
  sleep 0.2
done

echo "bench: public page against nginx" >&2
mkdir -p "$WORK/nginx/www"
curl -fs "$WEB/$TERRITORY" -o "$WORK/nginx/www/index.html"
ARTICLES=$(grep -o 'data-notice-id=' "$WORK/nginx/www/index.html" | wc -l)
PAGE_BYTES=$(stat -c %s "$WORK/nginx/www/index.html")
chmod o+rx "$WORK" "$WORK/nginx" "$WORK/nginx/www"; chmod o+r "$WORK/nginx/www/index.html"
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/nginx/www;
    location / { default_type "text/html; charset=utf-8"; try_files /index.html =404; }
  }
}
CONF
nginx -e "$WORK/nginx/error.log" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
sleep 1
LOAD_NGINX=$(load)
NGINX_WORKERS=$(pgrep -P "$NGINX_PID" | tr '\n' ' ')
CPU_BEFORE=$(cpu_ms $NGINX_WORKERS)
WRK_NGINX=$(wrk_run "http://127.0.0.1:$NGINX_PORT/$TERRITORY" "$PAGE_SECONDS")
CPU_NGINX=$(per_request_us $(($(cpu_ms $NGINX_WORKERS) - CPU_BEFORE)) "$(wrk_requests "$WRK_NGINX")")
kill -TERM "$NGINX_PID"; wait "$NGINX_PID" 2>/dev/null || true; NGINX_PID=""
wrk_run "$WEB/$TERRITORY" 5 >/dev/null   # warm-up (JIT, caches), not reported
LOAD_PAGE=$(load)
CPU_BEFORE=$(cpu_ms "$WEB_PID")
WRK_PAGE=$(wrk_run "$WEB/$TERRITORY" "$PAGE_SECONDS")
CPU_PAGE=$(per_request_us $(($(cpu_ms "$WEB_PID") - CPU_BEFORE)) "$(wrk_requests "$WRK_PAGE")")
RATE_NGINX=$(wrk_rate "$WRK_NGINX"); RATE_PAGE=$(wrk_rate "$WRK_PAGE")
RATIO=$(python3 -c "print(f'{$RATE_PAGE / $RATE_NGINX:.2f}')")

echo "bench: phone line, 200 callers at a caller's pace" >&2
client phone --calls 20 --seconds 3 >/dev/null || true   # warm-up (JIT, first activations), not reported
LOAD_PHONE=$(load)
PHONE=$(client phone --calls 200 --think-ms "$PHONE_THINK_MS" --seconds "$PHONE_SECONDS" --to "$PHONE_NUMBER" || true)
echo "bench: phone line, 200 callers back to back" >&2
LOAD_PHONE_SATURATED=$(load)
CPU_WEB_BEFORE=$(cpu_ms "$WEB_PID"); CPU_SILO_BEFORE=$(cpu_ms "$SILO_PID")
PHONE_SATURATED=$(client phone --calls 200 --seconds "$PHONE_SECONDS" --to "$PHONE_NUMBER" || true)
WEBHOOKS=$(sed -n 's/.*: \([0-9,]*\) requests, .*/\1/p' <<<"$PHONE_SATURATED" | tr -d ,)
CPU_WEBHOOK="web front $(per_request_us $(($(cpu_ms "$WEB_PID") - CPU_WEB_BEFORE)) "$WEBHOOKS"), silo $(per_request_us $(($(cpu_ms "$SILO_PID") - CPU_SILO_BEFORE)) "$WEBHOOKS")"

echo "bench: publish to every channel" >&2
LOAD_PUBLISH=$(load)
PUBLISH=$(client publish --count "$PUBLISHES" || true)

FANOUT=""; LOAD_FANOUT=""
for clients in "${FANOUT_SIZES[@]}"; do
  echo "bench: live fan-out to $clients clients" >&2
  LOAD_FANOUT+="N=$clients: $(load); "
  FANOUT+="$(timeout 600 dotnet "$REPO/bench/LoadClient/bin/Release/net10.0/AlloIndustrie.Bench.LoadClient.dll" fanout --clients "$clients" --webfront-pid "$WEB_PID" --url "$WEB" --data "$DATA" 2>>"$WORK/fanout-errors.log" || echo "| $clients | (load client failed or timed out) | | | | | | | | |")"$'\n'
  sleep 5
done
FANOUT_ERRORS=$(grep -v '^fanout: .* connected in ' "$WORK/fanout-errors.log" 2>/dev/null | sort | uniq -c | head -10 || true)
IDLE_AFTER="silo $(rss_mib $SILO_PID) MiB, web front $(rss_mib $WEB_PID) MiB"
stop_service

echo "bench: cold start on the existing data folder" >&2
LOAD_COLD_EXISTING=$(load)
start_service; COLD_EXISTING=$STARTUP_MS
sleep 5
IDLE_EXISTING="silo $(rss_mib $SILO_PID) MiB, web front $(rss_mib $WEB_PID) MiB"
stop_service

cat >"$OUT" <<MD
# AlloIndustrie surge benchmarks

Written by \`bench/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'); hand-written notes on what was changed are in
\`bench/CHANGES.md\`, included at the end.

## Machine

| | |
|---|---|
| CPU | $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1), \`nproc\` = $(nproc) |
| memory | $(free -m | awk '/^Mem:/ { printf "%.1f GiB", $2 / 1024 }') |
| OS | $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r) |
| .NET | SDK $(dotnet --version), runtime $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ { v = $2 } END { print v }') |
| commit | $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!bench/RESULTS.md' || echo ' (with uncommitted changes)') on \`$(git rev-parse --abbrev-ref HEAD)\` |
| wrk / nginx | $(dpkg-query -W -f '${Version}' wrk) / $(dpkg-query -W -f '${Version}' nginx) |

The machine is shared: other engineers' builds and test runs were competing for the same 2 cores. The load
average (1, 5, 15 min) at the start of each scenario is given with it; on an idle machine it would be near the
load the benchmark itself adds (≈ 2). The load generators (wrk, the C# load client) run on the same 2 cores as
the service they measure, as does nginx for its baseline.

## 1. Public page \`/$TERRITORY\` (target ≥ 0.5× nginx, p99 < 50 ms)

$ARTICLES notices on the page, $PAGE_BYTES bytes. wrk, 2 threads, 256 connections, $PAGE_SECONDS s each, nginx
serving the same bytes from a file (\`worker_processes auto\`, access log off) just before, the service after a
5 s warm-up. "CPU per request" is the server's own CPU time (user + system, from \`/proc\`) during the run
divided by the requests it answered; wrk takes the rest of the 2 cores.

| server | load avg | requests/s | p50 | p90 | p99 | CPU per request | ratio |
|---|---|---|---|---|---|---|---|
| nginx (static copy) | $LOAD_NGINX | $RATE_NGINX | $(wrk_pct "$WRK_NGINX" 50) | $(wrk_pct "$WRK_NGINX" 90) | $(wrk_pct "$WRK_NGINX" 99) | $CPU_NGINX | 1 |
| AlloIndustrie web front | $LOAD_PAGE | $RATE_PAGE | $(wrk_pct "$WRK_PAGE" 50) | $(wrk_pct "$WRK_PAGE" 90) | $(wrk_pct "$WRK_PAGE" 99) | $CPU_PAGE | **$RATIO** |

<details><summary>wrk output</summary>

\`\`\`
$WRK_NGINX

$WRK_PAGE
\`\`\`
</details>

## 2. Live fan-out (target: 10,000 connected, p99 delivery < 500 ms)

One process of the C# load client opens N WebSockets to the hub (negotiation skipped, batches of 200), each
speaking SignalR's JSON protocol itself (handshake, \`Watch("$TERRITORY")\`, a ping every 10 s) and reading
messages with a byte search rather than a HubConnection each, so that the client costs the shared 2 cores far
less than the server it measures. It waits 3 s, then publishes one notice and times, from the moment the POST
is sent, its arrival at each client. A browser then re-fetches the list fragment, served from the output cache. Memory is the web front's VmRSS before connecting and 3 s after the
last connection (no forced GC). Load average: $LOAD_FANOUT

| N | connected | connecting took | received | POST answered | p50 | p99 | max | web front RSS | per connection |
|---|---|---|---|---|---|---|---|---|---|
$FANOUT
$( [[ -n "$FANOUT_ERRORS" ]] && printf 'Load client errors:\n\n```\n%s\n```\n' "$FANOUT_ERRORS" )

## 3. Phone line (target p99 < 50 ms at 200 concurrent calls)

Each call has a new CallSid: \`/voice/incoming\`, then three \`/voice/menu\` choices (key 2, following the
TwiML's action), then \`/voice/status\`, every request signed with the demo's Twilio token, for $PHONE_SECONDS s.

**200 calls in progress at once**, after a 3 s warm-up of 20 callers. Twilio calls back only once a message
has been played or a key pressed; here each caller waits only about $PHONE_THINK_MS ms (±50 %) between two
webhooks, which is faster than any person listening to a notice. Load average: $LOAD_PHONE.

| route | requests | requests/s | p50 | p99 | max |
|---|---|---|---|---|---|
$PHONE

**Saturation: the same 200 callers with no pause at all**, each webhook sent as soon as the previous one is
answered: the line's capacity, where latency is the queue of 200 requests always waiting. Load average:
$LOAD_PHONE_SATURATED.

| route | requests | requests/s | p50 | p99 | max |
|---|---|---|---|---|---|
$PHONE_SATURATED

CPU per webhook during the saturation run: $CPU_WEBHOOK.

## 4. Publish to every channel (target < 1 s for each)

Load average: $LOAD_PUBLISH. Times from the operator's POST being sent.

| channel | publications | p50 | p99 | max |
|---|---|---|---|---|
$PUBLISH

## 5. Cold start and idle memory

Both processes launched as \`./run.sh\` launches them (already built), timed to the first \`/healthz\` 200.

| data folder | load avg | to \`/healthz\` 200 | idle RSS 5 s later |
|---|---|---|---|
| fresh (schema, demo seeding) | $LOAD_COLD_FRESH | $COLD_FRESH ms | $IDLE_FRESH |
| existing (after the run above) | $LOAD_COLD_EXISTING | $COLD_EXISTING ms | $IDLE_EXISTING |

RSS after every scenario, before stopping: $IDLE_AFTER.

## How to reproduce

\`\`\`sh
bench/run.sh     # as root, or with wrk and nginx installed; about 10 minutes on a busy 2-core machine; rewrites bench/RESULTS.md
\`\`\`

$(cat bench/CHANGES.md 2>/dev/null || true)
MD
cp "$OUT" bench/RESULTS.md
echo "bench: results in bench/RESULTS.md" >&2
