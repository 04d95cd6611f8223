#!/usr/bin/env bash
# The SlotBooking benchmark matrix: builds host and client in Release, runs each server on a fresh SQLite
# file in a temporary folder (Kestrel on 127.0.0.1, a free port), and prints one markdown report on stdout.
# Progress and per-run details go to stderr; every log and JSON result stays in the work folder it names.
#
#   bench/run.sh            the full matrix (about 7 minutes on 2 cores)
#   bench/run.sh --quick    a short smoke version (about 2 minutes)
#   KEEP=1 bench/run.sh     keep the work folder (databases, logs, JSON) afterwards
#   HOST_DLL=/path/SlotBooking.Host.dll bench/run.sh --quick   the same matrix against another build of the server
#   bench/run.sh --cluster-only [--quick]   only the cluster cells (bench/cluster-cells.sh): SQLite, PostgreSQL, and
#                           three PostgreSQL nodes at 20 clients, with server CPU per operation, and the failover time
#
# Besides the service it measures two limits on the same machine: raw SQLite commits (the storage limit) and
# the same load client against bench/echo, a bare Kestrel WebSocket that answers at once (the transport limit).
#
# Needs: dotnet, jq, sqlite3, curl; for the cluster cells PostgreSQL 15 and python3. Sends traffic only to 127.0.0.1.
set -euo pipefail

QUICK=0
CLUSTER_ONLY=0
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    --cluster-only) CLUSTER_ONLY=1 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

if [[ $QUICK == 1 ]]; then
  MODE="quick"; RUNS=1; LOAD_SECONDS=3; CLIENT_COUNTS=(1 20 100); FANOUT_LISTENERS=(100 1000)
  FANOUT_CHANGES=10; IDLE_CONNECTIONS=1000; JOURNAL_EVENTS=50000; STORAGE_SECONDS=2; SERVER_WARMUP_SECONDS=3
else
  MODE="full"; RUNS=3; LOAD_SECONDS=10; CLIENT_COUNTS=(1 20 100 1000); FANOUT_LISTENERS=(1000 10000)
  FANOUT_CHANGES=20; IDLE_CONNECTIONS=10000; JOURNAL_EVENTS=1000000; STORAGE_SECONDS=3; SERVER_WARMUP_SECONDS=15
fi
WARMUP_SECONDS=1

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/slotbooking-bench.XXXXXX")"
# HOST_DLL=... measures another build of the server (e.g. the code before a change) with this client.
HOST_DLL="${HOST_DLL:-$ROOT/src/Host/bin/Release/net10.0/SlotBooking.Host.dll}"
CLIENT_DLL="$ROOT/src/Client/bin/Release/net10.0/slotbooking-client.dll"
ECHO_DLL="$ROOT/bench/echo/bin/Release/net10.0/SlotBooking.Bench.Echo.dll"
HOST_PID=""
HOLD_PID=""

say() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }
die() { say "FAILED: $*"; exit 1; }

for tool in dotnet jq sqlite3 curl; do
  command -v "$tool" >/dev/null || die "$tool is needed (apt-get install $tool)"
done

cleanup() {
  # The cluster cells' nodes and PostgreSQL, if they were running (bench/cluster-lib.sh).
  if declare -F cluster_stop >/dev/null; then cluster_stop; pg_stop; fi
  [[ -n "$HOLD_PID" ]] && kill -TERM "$HOLD_PID" 2>/dev/null && wait "$HOLD_PID" 2>/dev/null
  [[ -n "$HOST_PID" ]] && kill -TERM "$HOST_PID" 2>/dev/null && wait "$HOST_PID" 2>/dev/null
  if [[ "${KEEP:-0}" == 1 ]]; then say "work folder kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# Every connection is a file descriptor in the client and another in the server.
ulimit -n "$(ulimit -Hn)" || true
if (( $(ulimit -n) < IDLE_CONNECTIONS + 1000 )); then
  die "ulimit -n is $(ulimit -n); ${IDLE_CONNECTIONS} connections need more (raise the hard limit)"
fi

client() { dotnet "$CLIENT_DLL" "$@"; }

# --- server lifecycle --------------------------------------------------------------------------------

# start_host NAME DB [--Key=value ...]: sets HOST_PID, HOST_HTTP, HOST_WS and STARTUP_MS (launch until /health is 200).
start_host() {
  local name="$1" db="$2"; shift 2
  local log="$WORK/$name.log"
  local started; started=$(date +%s%N)
  # The load tool is one client doing thousands of requests a second: lift the per-connection rate limit.
  (cd "$WORK" && exec dotnet "${SERVER_DLL:-$HOST_DLL}" --urls "http://127.0.0.1:0" "--SlotBooking:DatabasePath=$db" \
    --SlotBooking:MessagesPerSecond=1000000 --SlotBooking:MessageBurst=1000000 --SlotBooking:UpgradesPerMinute=100000000 "$@" >"$log" 2>&1) &
  HOST_PID=$!
  HOST_HTTP=""
  local deadline=$(( $(date +%s) + 900 ))
  while [[ -z "$HOST_HTTP" ]]; do
    kill -0 "$HOST_PID" 2>/dev/null || die "host $name exited during start-up; see $log"
    (( $(date +%s) < deadline )) || die "host $name did not listen within 900 s"
    HOST_HTTP=$(grep -o 'Now listening on: http://127\.0\.0\.1:[0-9]*' "$log" | head -1 | sed 's/Now listening on: //' || true)
    [[ -n "$HOST_HTTP" ]] || sleep 0.02
  done
  until curl -sf -o /dev/null "$HOST_HTTP/health"; do
    kill -0 "$HOST_PID" 2>/dev/null || die "host $name exited during start-up; see $log"
    (( $(date +%s) < deadline )) || die "host $name was not healthy within 900 s"
    sleep 0.02
  done
  STARTUP_MS=$(( ($(date +%s%N) - started) / 1000000 ))
  HOST_WS="ws://${HOST_HTTP#http://}/slot-booking"
  say "host $name up at $HOST_HTTP (pid $HOST_PID) after $STARTUP_MS ms"
}

stop_host() {
  kill -TERM "$HOST_PID" 2>/dev/null || true
  wait "$HOST_PID" 2>/dev/null || true
  HOST_PID=""
}

# A fresh server JIT-compiles its hot paths (tier 0 to tier 1) during its first 10-20 s under load; profiling showed
# the JIT thread using over a third of the server's CPU then and almost none after. Measure a warm server.
warm_up_host() {
  say "warming the server up: 20 clients for $SERVER_WARMUP_SECONDS s, not measured"
  client load --url "$HOST_WS" --clients 20 --seconds "$SERVER_WARMUP_SECONDS" --warmup-seconds 0 --json >"$WORK/warmup-$1.json" 2>/dev/null
}

rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }

# --- statistics over JSON results --------------------------------------------------------------------

# median JQ_PATH FILE...: the median of one number over several runs' JSON.
median() { local path="$1"; shift; jq -s "map($path) | sort | .[length/2|floor]" "$@"; }
total() { local path="$1"; shift; jq -s "map($path) | add" "$@"; }
# ratio A B [decimals]
ratio() { awk -v a="$1" -v b="$2" -v d="${3:-2}" 'BEGIN { if (b == 0) print "-"; else printf "%.*f", d, a / b }'; }
# meets A OP B: "met" or "not met"
meets() { awk -v a="$1" -v b="$3" -v op="$2" 'BEGIN { ok = (op == "<=") ? a <= b : a >= b; print ok ? "met" : "not met" }'; }
fmt() { printf "%.0f" "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }

# --- build -------------------------------------------------------------------------------------------

LOADAVG_START=$(cut -d' ' -f1-3 /proc/loadavg)
say "mode $MODE; work folder $WORK; load average $LOADAVG_START"
say "building host and client (Release)"
dotnet build -c Release --nologo -v q "$ROOT/src/Host/SlotBooking.Host.csproj" >"$WORK/build-host.log" 2>&1 || die "host build failed; see $WORK/build-host.log"
dotnet build -c Release --nologo -v q "$ROOT/src/Client/SlotBooking.Client.csproj" >"$WORK/build-client.log" 2>&1 || die "client build failed; see $WORK/build-client.log"
dotnet build -c Release --nologo -v q "$ROOT/bench/echo/SlotBooking.Bench.Echo.csproj" >"$WORK/build-echo.log" 2>&1 || die "echo build failed; see $WORK/build-echo.log"

if (( ! CLUSTER_ONLY )); then
# --- 1. the storage limit: raw SQLite on the same disk ----------------------------------------------

for sync in full normal; do
  for run in $(seq "$RUNS"); do
    say "storage-limit synchronous=$sync run $run/$RUNS"
    client storage-limit --directory "$WORK" --synchronous "$sync" --seconds "$STORAGE_SECONDS" --json >"$WORK/storage-$sync-$run.json"
  done
done
SINGLE_FULL=$(median .single_row_commits_per_second "$WORK"/storage-full-*.json)
SINGLE_NORMAL=$(median .single_row_commits_per_second "$WORK"/storage-normal-*.json)
BATCH_FULL=$(median .batched_rows_per_second "$WORK"/storage-full-*.json)
BATCH_NORMAL=$(median .batched_rows_per_second "$WORK"/storage-normal-*.json)

# --- 1b. the transport limit: the same client against a bare Kestrel WebSocket that answers at once ----

for run in $(seq "$RUNS"); do
  SERVER_DLL="$ECHO_DLL" start_host "echo-$run" "$WORK/unused.db"
  say "transport limit: 20 clients against the echo server, run $run/$RUNS"
  client load --url "$HOST_WS" --clients 20 --seconds "$LOAD_SECONDS" --warmup-seconds "$WARMUP_SECONDS" \
    --server-pid "$HOST_PID" --json >"$WORK/echo-$run.json" 2>"$WORK/echo-$run.progress"
  jq -c '{ops_per_second, p99: .latency_ms.p99, errors}' "$WORK/echo-$run.json" >&2
  stop_host
done
ECHO_OPS=$(median .ops_per_second "$WORK"/echo-*.json)

# --- 2. closed-loop load -----------------------------------------------------------------------------

run_load() { # run_load SYNC CLIENTS
  local sync="$1" clients="$2"
  for run in $(seq "$RUNS"); do
    say "load $clients clients, synchronous=$sync, run $run/$RUNS"
    client load --url "$HOST_WS" --clients "$clients" --seconds "$LOAD_SECONDS" --warmup-seconds "$WARMUP_SECONDS" \
      --server-pid "$HOST_PID" --json >"$WORK/load-$sync-$clients-$run.json" 2>"$WORK/load-$sync-$clients-$run.progress"
    jq -c '{ops_per_second, p99: .latency_ms.p99, errors}' "$WORK/load-$sync-$clients-$run.json" >&2
  done
}

start_host load-full "$WORK/load-full.db" --SlotBooking:Synchronous=Full
warm_up_host load-full
for clients in "${CLIENT_COUNTS[@]}"; do run_load full "$clients"; done
stop_host

start_host load-normal "$WORK/load-normal.db" --SlotBooking:Synchronous=Normal
warm_up_host load-normal
run_load normal 20
stop_host

# --- 3. memory per idle connection, then fan-out -----------------------------------------------------

start_host connections "$WORK/connections.db"
sleep 3
RSS_IDLE=$(rss_kib "$HOST_PID")
say "idle server RSS $RSS_IDLE KiB; opening $IDLE_CONNECTIONS idle connections"
# Started directly (not through the function) so that $! is the client itself, to stop it with SIGTERM.
dotnet "$CLIENT_DLL" hold --url "$HOST_WS" --connections "$IDLE_CONNECTIONS" --seconds 900 >"$WORK/hold.out" 2>"$WORK/hold.progress" &
HOLD_PID=$!
until grep -qs '^ready' "$WORK/hold.out"; do
  kill -0 "$HOLD_PID" 2>/dev/null || die "hold exited early; see $WORK/hold.progress"
  sleep 0.5
done
HOLD_READY=$(cat "$WORK/hold.out")
sleep 5
RSS_HELD=$(rss_kib "$HOST_PID")
sleep 5
RSS_HELD_LATER=$(rss_kib "$HOST_PID")
say "$HOLD_READY; server RSS $RSS_HELD KiB, 5 s later $RSS_HELD_LATER KiB"
kill -TERM "$HOLD_PID"; wait "$HOLD_PID" || true; HOLD_PID=""
HELD_OPEN=$(awk '{ print $2 }' <<<"$HOLD_READY")
KIB_PER_CONNECTION=$(ratio $(( RSS_HELD_LATER - RSS_IDLE )) "$HELD_OPEN" 1)

warm_up_host connections
# The broadcast path has code of its own (one payload offered to every connection); a fresh server JIT-compiles it during
# its first few hundred changes, which showed as 1.5-2x the CPU per frame of a warm server. Warm it with fan-out too.
say "warming the broadcast path up: ${FANOUT_LISTENERS[0]} listeners, 300 changes, not measured"
client fanout --url "$HOST_WS" --listeners "${FANOUT_LISTENERS[0]}" --changes 300 --json >"$WORK/fanout-warmup.json" 2>/dev/null
for listeners in "${FANOUT_LISTENERS[@]}"; do
  say "fanout to $listeners listeners, $FANOUT_CHANGES changes"
  client fanout --url "$HOST_WS" --listeners "$listeners" --changes "$FANOUT_CHANGES" --server-pid "$HOST_PID" --json \
    >"$WORK/fanout-$listeners.json" 2>"$WORK/fanout-$listeners.progress"
  jq -c '{completed_changes, p50: .all_listeners_ms.p50, max: .all_listeners_ms.max, server_cpu_us_per_frame, errors}' "$WORK/fanout-$listeners.json" >&2
done
stop_host

# --- 4. start-up with a large journal ----------------------------------------------------------------

JOURNAL_DB="$WORK/journal.db"
# Seeded without snapshots, so the first restart replays every event.
start_host journal-seed "$JOURNAL_DB" --SlotBooking:SnapshotEvery=1000000
STARTUP_EMPTY=$STARTUP_MS
say "seeding $JOURNAL_EVENTS events through the server"
client seed-journal --url "$HOST_WS" --events "$JOURNAL_EVENTS" --json >"$WORK/seed.json" 2>"$WORK/seed.progress"
jq -c . "$WORK/seed.json" >&2
stop_host
JOURNAL_ROWS=$(sqlite3 "$JOURNAL_DB" "SELECT COUNT(*) FROM journal;")
JOURNAL_MIB=$(ratio "$(stat -c %s "$JOURNAL_DB")" 1048576 0)
say "journal has $JOURNAL_ROWS rows ($JOURNAL_MIB MiB)"

start_host journal-replay "$JOURNAL_DB"
STARTUP_REPLAY=$STARTUP_MS
# One more event per slot makes every slot snapshot (default SnapshotEvery=500), as a long-running server would have.
client seed-journal --url "$HOST_WS" --events 12 --window 1 --json >"$WORK/seed-touch.json" 2>/dev/null
sleep 3
stop_host
SNAPSHOTS=$(sqlite3 "$JOURNAL_DB" "SELECT COUNT(*) FROM snapshot;")

for run in $(seq "$RUNS"); do
  start_host "journal-snapshots-$run" "$JOURNAL_DB"
  echo "$STARTUP_MS" >"$WORK/startup-snapshots-$run.txt"
  stop_host
done
STARTUP_SNAPSHOTS=$(cat "$WORK"/startup-snapshots-*.txt | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
fi

# --- 5. cluster cells: one node on SQLite, one and three nodes on PostgreSQL, and the failover time ---------

source "$ROOT/bench/cluster-cells.sh"
cluster_cells

# --- report ------------------------------------------------------------------------------------------

load_row() { # load_row SYNC CLIENTS LIMIT
  local sync="$1" clients="$2" limit="$3"
  local files=("$WORK"/load-"$sync"-"$clients"-*.json)
  local ops writes
  ops=$(median .ops_per_second "${files[@]}")
  writes=$(median .successes_per_second "${files[@]}")
  printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s%% | %s%% |\n" \
    "$(fmt "$clients")" "${sync^^}" "$(fmt "$ops")" "$(fmt "$writes")" "$(ratio "$writes" "$limit")" \
    "$(median .latency_ms.p50 "${files[@]}")" "$(median .latency_ms.p99 "${files[@]}")" "$(median .latency_ms.p999 "${files[@]}")" \
    "$(total .errors "${files[@]}")" "$(median .server_cpu_percent "${files[@]}")" "$(median .client_cpu_percent "${files[@]}")"
}
load_value() { median "$3" "$WORK"/load-"$1"-"$2"-*.json; }

if (( CLUSTER_ONLY )); then
  {
    echo "## Cluster cells ($MODE, $(date -u +%Y-%m-%dT%H:%MZ))"
    echo
    echo "Machine: $(nproc) cores, .NET SDK $(dotnet --version); clients, servers and PostgreSQL share the machine. Load average (1/5/15 min) at start $LOADAVG_START, at end $(cut -d' ' -f1-3 /proc/loadavg)."
    echo
    echo "$CLUSTER_REPORT"
  } | tee "$WORK/report.md"
  say "done"
  exit 0
fi

{
  echo "## Results ($MODE matrix, $(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) memory, kernel $(uname -r), .NET SDK $(dotnet --version); client and server share the machine. Load average (1/5/15 min) at start $LOADAVG_START, at end $(cut -d' ' -f1-3 /proc/loadavg): anything above 0 is other work competing for the same 2 cores."
  echo
  echo "### Storage limit: raw SQLite, WAL, on the work folder's disk (median of $RUNS × $STORAGE_SECONDS s)"
  echo
  echo "| synchronous | single-row commits/s | rows/s in 100-row transactions |"
  echo "|---|---:|---:|"
  echo "| FULL | $(fmt "$SINGLE_FULL") | $(fmt "$BATCH_FULL") |"
  echo "| NORMAL | $(fmt "$SINGLE_NORMAL") | $(fmt "$BATCH_NORMAL") |"
  echo
  echo "### Transport limit: the same load client, 20 clients, against a bare Kestrel WebSocket server (bench/echo) that answers every request at once, with no actors, storage or broadcasts (median of $RUNS × $LOAD_SECONDS s)"
  echo
  echo "| ops/s | p50 ms | p99 ms | server CPU | client CPU |"
  echo "|---:|---:|---:|---:|---:|"
  echo "| $(fmt "$ECHO_OPS") | $(median .latency_ms.p50 "$WORK"/echo-*.json) | $(median .latency_ms.p99 "$WORK"/echo-*.json) | $(median .server_cpu_percent "$WORK"/echo-*.json)% | $(median .client_cpu_percent "$WORK"/echo-*.json)% |"
  echo
  echo "### Closed-loop load, default 12 slots (median of $RUNS × $LOAD_SECONDS s, each after ${WARMUP_SECONDS} s warm-up, on a server warmed up with $SERVER_WARMUP_SECONDS s of load; errors summed over the runs)"
  echo
  echo "ops = answered book/cancel requests (refusals included); writes = successful ones, each a stored event; ratio = writes/s ÷ single-row commits/s of raw SQLite at the same synchronous setting."
  echo
  echo "| clients | sync | ops/s | writes/s | writes ÷ 1-row limit | p50 ms | p99 ms | p99.9 ms | errors | server CPU | client CPU |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for clients in "${CLIENT_COUNTS[@]}"; do load_row full "$clients" "$SINGLE_FULL"; done
  load_row normal 20 "$SINGLE_NORMAL"
  echo
  echo "### Fan-out: one writer, $FANOUT_CHANGES changes one at a time; time from sending a change until every listener has a slots_update showing it"
  echo
  echo "server CPU µs/frame = the server's CPU time over the completed changes (not the connection phase) ÷ (listeners × completed changes): its cost of one slots_update delivered to one listener (CPU time is read in 10 ms ticks, so small runs give a coarse figure)."
  echo
  echo "| listeners | connect s | changes seen by all | p50 ms | max ms | first listener p50 ms | writer ack p50 ms | errors | server CPU | server CPU µs/frame |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for listeners in "${FANOUT_LISTENERS[@]}"; do
    jq -r '"| \(.listeners) | \(.connect_seconds) | \(.completed_changes)/\(.changes) | \(.all_listeners_ms.p50) | \(.all_listeners_ms.max) | \(.first_listener_ms.p50) | \(.ack_ms.p50) | \(.errors) | \(.server_cpu_percent)% | \(.server_cpu_us_per_frame // "-") |"' "$WORK/fanout-$listeners.json"
  done
  echo
  echo "### Server memory (VmRSS)"
  echo
  echo "| idle | with $(fmt "$HELD_OPEN") idle connections (5 s / 10 s after open) | KiB per connection |"
  echo "|---:|---:|---:|"
  echo "| $(ratio "$RSS_IDLE" 1024 1) MiB | $(ratio "$RSS_HELD" 1024 1) / $(ratio "$RSS_HELD_LATER" 1024 1) MiB | $KIB_PER_CONNECTION |"
  echo
  echo "### Start-up (process launch until /health is 200)"
  echo
  echo "| journal | start-up |"
  echo "|---|---:|"
  echo "| empty | $STARTUP_EMPTY ms |"
  echo "| $(fmt "$JOURNAL_ROWS") events ($JOURNAL_MIB MiB), no snapshots: full replay | $STARTUP_REPLAY ms |"
  echo "| same + one snapshot per slot ($SNAPSHOTS snapshots; default SnapshotEvery=500), median of $RUNS | $STARTUP_SNAPSHOTS ms |"
  echo
  echo "Seeding: $(jq -r '"\(.successes) events through the server in \(.seconds) s (\(.events_per_second)/s), \(.refusals) refusals, \(.errors) errors"' "$WORK/seed.json"); journal rows counted with sqlite3: $JOURNAL_ROWS."
  echo
  echo "### Targets"
  echo
  echo "| target | measured | verdict |"
  echo "|---|---|---|"
  ops20=$(load_value full 20 .ops_per_second); p99_20=$(load_value full 20 .latency_ms.p99)
  echo "| 20 clients ≥ 25,000 ops/s, p99 ≤ 5 ms | $(fmt "$ops20") ops/s ($(ratio "$ops20" "$ECHO_OPS") × transport limit), p99 $p99_20 ms | ops $(meets "$ops20" '>=' 25000), p99 $(meets "$p99_20" '<=' 5) |"
  if [[ " ${CLIENT_COUNTS[*]} " == *" 100 "* ]]; then
    ops100=$(load_value full 100 .ops_per_second); p99_100=$(load_value full 100 .latency_ms.p99)
    echo "| 100 clients ≥ 25,000 ops/s, p99 ≤ 20 ms | $(fmt "$ops100") ops/s, p99 $p99_100 ms | ops $(meets "$ops100" '>=' 25000), p99 $(meets "$p99_100" '<=' 20) |"
  fi
  if [[ " ${CLIENT_COUNTS[*]} " == *" 1000 "* ]]; then
    ops1000=$(load_value full 1000 .ops_per_second); errors1000=$(total .errors "$WORK"/load-full-1000-*.json)
    echo "| 1,000 clients: no errors, throughput within 20% of 100 clients | $(fmt "$ops1000") ops/s ($(ratio "$ops1000" "$ops100") × 100-client), $errors1000 errors | errors $(meets "$errors1000" '<=' 0), throughput $(meets "$(ratio "$ops1000" "$ops100" 4)" '>=' 0.8) |"
  fi
  last_fanout="${FANOUT_LISTENERS[-1]}"
  fan_p50=$(jq .all_listeners_ms.p50 "$WORK/fanout-$last_fanout.json")
  echo "| fan-out p50 ≤ 50 ms to 10,000 listeners | p50 $fan_p50 ms to $(fmt "$last_fanout") listeners | $(meets "$fan_p50" '<=' 50)$([[ $last_fanout != 10000 ]] && echo ' (fewer listeners: quick mode)') |"
  echo "| ≤ 10 KiB server memory per idle connection | $KIB_PER_CONNECTION KiB | $(meets "$KIB_PER_CONNECTION" '<=' 10) |"
  echo "| start-up with 1M events ≤ 3 s | $STARTUP_REPLAY ms full replay, $STARTUP_SNAPSHOTS ms with snapshots ($(fmt "$JOURNAL_ROWS") events) | replay $(meets "$STARTUP_REPLAY" '<=' 3000), snapshots $(meets "$STARTUP_SNAPSHOTS" '<=' 3000)$([[ $JOURNAL_ROWS -lt 1000000 ]] && echo ' (fewer events: quick mode)') |"
  echo
  echo "$CLUSTER_REPORT"
} | tee "$WORK/report.md"
say "done"
