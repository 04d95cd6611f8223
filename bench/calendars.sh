#!/usr/bin/env bash
# The calendar cell: 1,000 clients booking and cancelling at random across 20 calendars x 14 days of 12 hours, closed
# loop, beside the transport limit (the same client against bench/echo) and the 20-client default-calendar cell, in
# one sitting. Also memory per touched slot, and memory once the touched slots have passivated (short idle timeout).
#
#   bench/calendars.sh            about 3 minutes on 2 cores
#
# Needs: dotnet, jq, curl. Sends traffic only to 127.0.0.1.
set -euo pipefail
NAME=calendars
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SECONDS_PER_CELL="${SECONDS_PER_CELL:-10}"
CLIENTS=1000
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }

say "transport limit: $CLIENTS clients against bench/echo"
start "$ECHO_DLL" echo
client load --url "$WS" --clients "$CLIENTS" --seconds "$SECONDS_PER_CELL" --warmup-seconds 2 --slots 3-14 --server-pid "$PID" --json >"$WORK/echo.json"
stop

say "service with 20 calendars: warm-up, then $CLIENTS clients over 20 calendars x 14 days, then 20 clients on the default calendar"
start "$HOST_DLL" service "${calendar_args[@]}"
RSS_START=$(rss_kib "$PID")
client load --url "$WS" --clients 20 --seconds 5 --warmup-seconds 0 --json >/dev/null
client load --url "$WS" --clients 200 --seconds 5 --warmup-seconds 0 --dated-days 14 --json >/dev/null
client load --url "$WS" --clients "$CLIENTS" --seconds "$SECONDS_PER_CELL" --warmup-seconds 2 --dated-days 14 --server-pid "$PID" --json >"$WORK/calendars.json"
RSS_AFTER=$(rss_kib "$PID")
client load --url "$WS" --clients 20 --seconds "$SECONDS_PER_CELL" --warmup-seconds 1 --server-pid "$PID" --json >"$WORK/default.json"
stop

say "passivation: the same load with a 2 s idle timeout, then 15 s quiet"
start "$HOST_DLL" passivating "${calendar_args[@]}" --SlotBooking:SlotIdleTimeout=00:00:02
RSS_IDLE=$(rss_kib "$PID")
client load --url "$WS" --clients "$CLIENTS" --seconds 5 --warmup-seconds 0 --dated-days 14 --json >/dev/null
RSS_LOADED=$(rss_kib "$PID")
sleep 15
RSS_PASSIVATED=$(rss_kib "$PID")
stop

TOUCHED=$((20 * 14 * 12))
row() { jq -r --arg name "$1" '"| \($name) | \(.ops_per_second | floor) | \(.latency_ms.p50) | \(.latency_ms.p99) | \(.errors) | \(.server_cpu_percent // "-")% |"' "$2"; }
echo "Calendar cell, $(date -u +%Y-%m-%dT%H:%MZ); load average at end $(cut -d' ' -f1-3 /proc/loadavg); 2 cores shared by server and client."
echo
echo "| cell | ops/s | p50 ms | p99 ms | errors | server CPU |"
echo "|---|---:|---:|---:|---:|---:|"
row "bench/echo, $CLIENTS clients (transport limit)" "$WORK/echo.json"
row "$CLIENTS clients, 20 calendars x 14 days x 12 hours" "$WORK/calendars.json"
row "20 clients, default calendar (same server)" "$WORK/default.json"
echo
ops=$(jq .ops_per_second "$WORK/calendars.json"); echo_ops=$(jq .ops_per_second "$WORK/echo.json"); cpu=$(jq '.server_cpu_percent // 0' "$WORK/calendars.json")
awk -v o="$ops" -v e="$echo_ops" -v c="$cpu" 'BEGIN { printf "calendar cell / transport limit: %.2f; server CPU per operation: %.0f µs\n", o / e, c / 100 * 1e6 / o }'
echo "server RSS: $RSS_START KiB at start, $RSS_AFTER KiB after the calendar cell; $TOUCHED slots touched: $(( (RSS_AFTER - RSS_START) * 1024 / TOUCHED )) bytes per touched slot (RSS, GC heap included)"
echo "with SlotIdleTimeout=2s: $RSS_IDLE KiB idle, $RSS_LOADED KiB right after 5 s of load, $RSS_PASSIVATED KiB 15 s later"
