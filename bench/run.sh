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
FANOUT_ROUNDS=5

source bench/lib.sh


echo "bench: cold start on a fresh data folder" >&2
LOAD_COLD_FRESH=$(load)
start_service; COLD_FRESH=$STARTUP_MS; FIRST_PAGE_FRESH=$FIRST_PAGE
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
curl -fs -H 'Accept-Encoding: gzip' "$WEB/$TERRITORY" -o "$WORK/nginx/www/index.html.gz"
touch -r "$WORK/nginx/www/index.html" "$WORK/nginx/www/index.html.gz"
ARTICLES=$(grep -o 'data-notice-id=' "$WORK/nginx/www/index.html" | wc -l)
PAGE_BYTES=$(stat -c %s "$WORK/nginx/www/index.html")
PAGE_GZIP=$(stat -c %s "$WORK/nginx/www/index.html.gz")
PAGE_BR=$(curl -fs -H 'Accept-Encoding: br' "$WEB/$TERRITORY" | wc -c)
chmod o+rx "$WORK" "$WORK/nginx" "$WORK/nginx/www"; chmod o+r "$WORK/nginx/www/index.html" "$WORK/nginx/www/index.html.gz"
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  gzip_static on;
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
LOAD_NGINX_SURGE=$(load)
WRK_NGINX_64=$(wrk_run "http://127.0.0.1:$NGINX_PORT/$TERRITORY" 10 64)
WRK_NGINX_256=$(wrk_run "http://127.0.0.1:$NGINX_PORT/$TERRITORY" 10 256)
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
  FANOUT+="$(timeout 600 dotnet "$REPO/bench/LoadClient/bin/Release/net10.0/AlloIndustrie.Bench.LoadClient.dll" fanout --clients "$clients" --rounds "$FANOUT_ROUNDS" --webfront-pid "$WEB_PID" --webfront-metrics "$WEB_METRICS/metrics" --url "$WEB" --data "$DATA" 2>>"$WORK/fanout-errors.log" || echo "| $clients | (load client failed or timed out) | | | | | | | | | |")"$'\n'
  sleep 5
done
FANOUT_ROUND_LINES=$(grep '^fanout: round ' "$WORK/fanout-errors.log" 2>/dev/null || true)
FANOUT_ERRORS=$(grep -v -e '^fanout: .* connected in ' -e '^fanout: round ' "$WORK/fanout-errors.log" 2>/dev/null | sort | uniq -c | head -10 || true)
IDLE_AFTER="silo $(rss_mib $SILO_PID) MiB, web front $(rss_mib $WEB_PID) MiB"
stop_service

echo "bench: cold start on the existing data folder" >&2
LOAD_COLD_EXISTING=$(load)
start_service; COLD_EXISTING=$STARTUP_MS; FIRST_PAGE_EXISTING=$FIRST_PAGE
sleep 5
IDLE_EXISTING="silo $(rss_mib $SILO_PID) MiB, web front $(rss_mib $WEB_PID) MiB"
stop_service

# The surge as it comes: a web front started seconds before, 10 notices published, and at once the readers
# (their audio is synthesised meanwhile, so each notice changes once more during the run).
declare -A WRK_SURGE LOAD_SURGE
for connections in 64 256; do
  echo "bench: public page in the first 10 s after publishing, $connections connections" >&2
  fresh_data "surge-$connections"
  start_service
  for _ in $(seq 1 200); do [[ -f "$DATA/demo-credentials.json" ]] && break; sleep 0.1; done
  LOAD_SURGE[$connections]=$(load)
  client seed --count 10 >/dev/null
  WRK_SURGE[$connections]=$(wrk_run "$WEB/$TERRITORY" 10 "$connections")
  stop_service
done
surge_row() { # connections nginx-output
  local rate ngx
  rate=$(wrk_rate "${WRK_SURGE[$1]}"); ngx=$(wrk_rate "$2")
  echo "| $1 | ${LOAD_SURGE[$1]} | $rate | $(wrk_pct "${WRK_SURGE[$1]}" 50) | $(wrk_pct "${WRK_SURGE[$1]}" 99) | $ngx | $(wrk_pct "$2" 99) | **$(python3 -c "print(f'{$rate / $ngx:.2f}')")** |"
}

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

## 1. Public page \`/$TERRITORY\` (targets: ≥ 0.8× nginx in the first 10 s after publishing, ≥ 0.9× warm, p99 < 20 ms)

$ARTICLES notices on the page: $PAGE_BYTES bytes, $PAGE_GZIP gzipped, $PAGE_BR with Brotli (each made once per
change). wrk asks for gzip; nginx serves the service's own gzip file with \`gzip_static\` (\`worker_processes
auto\`, access log off): the same bytes.

**First 10 seconds.** Each row is a web front and silo started seconds before on a new data folder; 10 notices
are published, and at once wrk loads the page for 10 s with that many connections, while the notices' audio is
synthesised (a second change of each). nginx: the same file, 10 s, just after the warm run below (load average
$LOAD_NGINX_SURGE).

| connections | load avg | requests/s | p50 | p99 | nginx requests/s | nginx p99 | ratio |
|---|---|---|---|---|---|---|---|
$(surge_row 64 "$WRK_NGINX_64")
$(surge_row 256 "$WRK_NGINX_256")

**Warm.** wrk, 2 threads, 256 connections, $PAGE_SECONDS s each, nginx just before, the service after a 5 s
warm-up. "CPU per request" is the server's own CPU time (user + system, from \`/proc\`) during the run
divided by the requests it answered; wrk takes the rest of the 2 cores.

| server | load avg | requests/s | p50 | p90 | p99 | CPU per request | ratio |
|---|---|---|---|---|---|---|---|
| nginx (static copy) | $LOAD_NGINX | $RATE_NGINX | $(wrk_pct "$WRK_NGINX" 50) | $(wrk_pct "$WRK_NGINX" 90) | $(wrk_pct "$WRK_NGINX" 99) | $CPU_NGINX | 1 |
| AlloIndustrie web front | $LOAD_PAGE | $RATE_PAGE | $(wrk_pct "$WRK_PAGE" 50) | $(wrk_pct "$WRK_PAGE" 90) | $(wrk_pct "$WRK_PAGE" 99) | $CPU_PAGE | **$RATIO** |

<details><summary>wrk output</summary>

\`\`\`
$WRK_NGINX

$WRK_PAGE

first 10 s, 64 connections:
${WRK_SURGE[64]}

first 10 s, 256 connections:
${WRK_SURGE[256]}
\`\`\`
</details>

## 2. Live fan-out (target: 10,000 connected, p99 until every client shows the new content < 200 ms)

One process of the C# load client opens N WebSockets to the hub (negotiation skipped, batches of 200), each
speaking SignalR's JSON protocol itself (handshake, \`WatchList("$TERRITORY")\` as the public page does, a ping every 10 s) and reading
messages with a byte search rather than a HubConnection each, so that the client costs the shared 2 cores far
less than the server it measures. Its operator publishes and withdraws a notice before the clients connect (its own HTTP client warm, as a real
operator's system is), then it waits 3 s, publishes one notice and times, from the moment the POST
is sent, its arrival at each client: the message carries the changed article already rendered and the list's
state, so that a browser has nothing to fetch to show it; the figure is the end-to-end one. Memory is the web front's VmRSS before connecting and 3 s after the
last connection (no forced GC). Load average: $LOAD_FANOUT

| N | connected | connecting took | received | POST answered | first | p50 | p99 | max | web front RSS | per connection |
|---|---|---|---|---|---|---|---|---|---|---|
$FANOUT

<details><summary>each round (in the order of the table)</summary>

\`\`\`
$FANOUT_ROUND_LINES
\`\`\`
</details>

$( [[ -n "$FANOUT_ERRORS" ]] && printf 'Load client errors:\n\n```\n%s\n```\n' "$FANOUT_ERRORS" )

## 3. Phone line (target p99 < 20 ms for every webhook at 200 calls in progress)

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

Targets: under 3 s to \`/healthz\` 200, and the territory's page within 50 ms of it (asked at that moment; on a
fresh data folder the demo may not have created the territory yet, hence its 404).

| data folder | load avg | to \`/healthz\` 200 | then \`/$TERRITORY\` | idle RSS 5 s later |
|---|---|---|---|---|
| fresh (schema, demo seeding) | $LOAD_COLD_FRESH | $COLD_FRESH ms | $FIRST_PAGE_FRESH | $IDLE_FRESH |
| existing (after the run above) | $LOAD_COLD_EXISTING | $COLD_EXISTING ms | $FIRST_PAGE_EXISTING | $IDLE_EXISTING |

RSS after every scenario, before stopping: $IDLE_AFTER.

## How to reproduce

\`\`\`sh
bench/run.sh     # as root, or with wrk and nginx installed; about 10 minutes on a busy 2-core machine; rewrites bench/RESULTS.md
\`\`\`

Subscription delivery (Web Push and e-mail to every subscriber of a territory) has its own script,
\`bench/subscriptions.sh [push] [mail]\`, whose figures are in \`bench/RESULTS-subscriptions.md\`.

$(cat bench/CHANGES.md 2>/dev/null || true)
MD
cp "$OUT" bench/RESULTS.md
echo "bench: results in bench/RESULTS.md" >&2
