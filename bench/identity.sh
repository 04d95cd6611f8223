#!/usr/bin/env bash
# What identity costs, in one sitting: the 20-client default-calendar cell and the 1,000-client calendar cell, each
# anonymous and with every client signed in (its own token, validated once per connection), alternating so that drift
# shows; then login throughput (passwords are hashed slowly on purpose) and booking latency during a login storm.
#
#   bench/identity.sh            about 4 minutes on 2 cores
#
# Needs: dotnet, jq, curl. Sends traffic only to 127.0.0.1.
set -euo pipefail
NAME=identity
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SECONDS_PER_CELL="${SECONDS_PER_CELL:-10}"
KEY="bench-signing-key-0123456789-0123456789-abcdef"
PASSWORD="bench-password-1234"

say "transport limit: 20 clients against bench/echo"
start "$ECHO_DLL" echo
client load --url "$WS" --clients 20 --seconds "$SECONDS_PER_CELL" --warmup-seconds 1 --slots 3-14 --server-pid "$PID" --json >"$WORK/echo.json"
stop

# cell NAME CLIENTS [LOAD ARGS...]: a fresh server (so no cell inherits bookings another made), a short warm-up in the
# same mode, then the measured run into $WORK/NAME.json.
cell() {
  local name="$1" clients="$2"; shift 2
  start "$HOST_DLL" "$name" "${calendar_args[@]}" "--SlotBooking:Auth:SigningKey=$KEY"
  client load --url "$WS" --clients "$clients" --seconds 3 --warmup-seconds 0 "$@" --json >/dev/null
  client load --url "$WS" --clients "$clients" --seconds "$SECONDS_PER_CELL" --warmup-seconds 1 --server-pid "$PID" "$@" --json >"$WORK/$name.json"
  stop
}
# Signed-in load clients are admins (--as-admins), each its own subject: any of them may cancel any booking, so the
# cells meet the same refusals as anonymous clients on an open calendar and differ only by identity.
SIGNED=(--sign-in-key "$KEY" --as-admins)
say "the default cell and the calendar cell, anonymous and signed in, alternating on fresh servers"
for round in 1 2; do
  cell "default-anon-$round" 20
  cell "default-signed-$round" 20 "${SIGNED[@]}"
done
cell calendars-anon 1000 --dated-days 14
cell calendars-signed 1000 --dated-days 14 "${SIGNED[@]}"

say "logins: hash throughput with the request limit lifted, and booking latency beside a login storm"
start "$HOST_DLL" logins "--SlotBooking:Auth:SigningKey=$KEY" --SlotBooking:Auth:RequestsPerMinute=1000000
curl -sf -o /dev/null -X POST "$HTTP/auth/register" -H 'Content-Type: application/json' -d "{\"email\":\"storm@bench.local\",\"password\":\"$PASSWORD\"}"
SLOTBOOKING_PASSWORD="$PASSWORD" client login-storm --url "$WS" --email storm@bench.local --seconds 5 --concurrency 8 --json >"$WORK/login-unlimited.json"
client load --url "$WS" --clients 20 --seconds 3 --warmup-seconds 0 --json >/dev/null
client load --url "$WS" --clients 20 --seconds "$SECONDS_PER_CELL" --warmup-seconds 1 --server-pid "$PID" --json >"$WORK/quiet.json"
SLOTBOOKING_PASSWORD="$PASSWORD" client login-storm --url "$WS" --email storm@bench.local --seconds $((SECONDS_PER_CELL + 3)) --concurrency 8 --json >"$WORK/storm-unlimited.json" &
STORM=$!
client load --url "$WS" --clients 20 --seconds "$SECONDS_PER_CELL" --warmup-seconds 1 --server-pid "$PID" --json >"$WORK/during-storm-unlimited.json"
wait "$STORM"
stop
start "$HOST_DLL" limited "--SlotBooking:Auth:SigningKey=$KEY"
curl -sf -o /dev/null -X POST "$HTTP/auth/register" -H 'Content-Type: application/json' -d "{\"email\":\"storm@bench.local\",\"password\":\"$PASSWORD\"}"
client load --url "$WS" --clients 20 --seconds 3 --warmup-seconds 0 --json >/dev/null
SLOTBOOKING_PASSWORD="$PASSWORD" client login-storm --url "$WS" --email storm@bench.local --seconds $((SECONDS_PER_CELL + 3)) --concurrency 8 --json >"$WORK/storm-limited.json" &
STORM=$!
client load --url "$WS" --clients 20 --seconds "$SECONDS_PER_CELL" --warmup-seconds 1 --server-pid "$PID" --json >"$WORK/during-storm-limited.json"
wait "$STORM"
# The same storm from a client that ignores Retry-After: every refusal is one more HTTP request to turn away.
SLOTBOOKING_PASSWORD="$PASSWORD" client login-storm --url "$WS" --email storm@bench.local --seconds $((SECONDS_PER_CELL + 3)) --concurrency 8 --ignore-retry-after --json >"$WORK/storm-flood.json" &
STORM=$!
client load --url "$WS" --clients 20 --seconds "$SECONDS_PER_CELL" --warmup-seconds 1 --server-pid "$PID" --json >"$WORK/during-storm-flood.json"
wait "$STORM"
stop

cpu_us() { jq -r 'if .server_cpu_percent then (.server_cpu_percent / 100 * 1e6 / .ops_per_second | floor) else "-" end' "$1"; }
row() { echo "| $1 | $(jq -r '.ops_per_second | floor' "$2") | $(jq -r '.latency_ms.p50' "$2") | $(jq -r '.latency_ms.p99' "$2") | $(jq -r 'if .ops > 0 then (.refusals * 100 / .ops | floor | tostring) + "%" else "-" end' "$2") | $(jq -r '.errors' "$2") | $(cpu_us "$2") |"; }
echo "Identity cost, $(date -u +%Y-%m-%dT%H:%MZ); load average at end $(cut -d' ' -f1-3 /proc/loadavg); 2 cores shared by server and client."
echo
echo "| cell | ops/s | p50 ms | p99 ms | refused | errors | server CPU µs/op |"
echo "|---|---:|---:|---:|---:|---:|---:|"
row "bench/echo, 20 clients (transport limit)" "$WORK/echo.json"
for round in 1 2; do
  row "20 clients, default calendar, anonymous (round $round)" "$WORK/default-anon-$round.json"
  row "20 clients, default calendar, signed in (round $round)" "$WORK/default-signed-$round.json"
done
row "1,000 clients, 20 calendars x 14 days, anonymous" "$WORK/calendars-anon.json"
row "1,000 clients, 20 calendars x 14 days, signed in" "$WORK/calendars-signed.json"
row "20 clients, default calendar, quiet (login server)" "$WORK/quiet.json"
row "20 clients, beside an unlimited login storm" "$WORK/during-storm-unlimited.json"
row "20 clients, beside a login storm at the default limits (honours Retry-After)" "$WORK/during-storm-limited.json"
row "20 clients, beside a login flood at the default limits (ignores Retry-After)" "$WORK/during-storm-flood.json"
echo
anon=$(jq -s 'map(.server_cpu_percent / 100 * 1e6 / .ops_per_second) | add / length' "$WORK"/default-anon-*.json)
signed=$(jq -s 'map(.server_cpu_percent / 100 * 1e6 / .ops_per_second) | add / length' "$WORK"/default-signed-*.json)
awk -v a="$anon" -v s="$signed" 'BEGIN { printf "default cell: server CPU per operation %.0f µs anonymous, %.0f µs signed in: %+.0f%%\n", a, s, (s / a - 1) * 100 }'
ca=$(cpu_us "$WORK/calendars-anon.json"); cs=$(cpu_us "$WORK/calendars-signed.json")
awk -v a="$ca" -v s="$cs" 'BEGIN { printf "calendar cell: server CPU per operation %d µs anonymous, %d µs signed in: %+.0f%%\n", a, s, (s / a - 1) * 100 }'
echo "logins, request limit lifted, 8 in flight: $(jq -r '.logins_per_second' "$WORK/login-unlimited.json")/s"
echo "storm beside the load, limit lifted: $(jq -r '"\(.logins) logins, \(.logins_per_second)/s, \(.rate_limited) refused (429)"' "$WORK/storm-unlimited.json")"
echo "storm beside the load, default limits: $(jq -r '"\(.logins) logins, \(.logins_per_second)/s, \(.rate_limited) refused (429)"' "$WORK/storm-limited.json")"
echo "flood beside the load, default limits: $(jq -r '"\(.logins) logins, \(.logins_per_second)/s, \(.rate_limited) refused (429)"' "$WORK/storm-flood.json")"
