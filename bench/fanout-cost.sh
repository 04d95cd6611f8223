#!/usr/bin/env bash
# Server CPU per delivered slots_update, on a warm server: for each server build given, starts it on a fresh SQLite
# file, warms it up (load, then 2 x 300 fan-out changes, unmeasured), and runs ROUNDS fan-outs of CHANGES changes to
# LISTENERS listeners, printing the client's server_cpu_us_per_frame for each. Give two builds (before and after a
# change) to compare them in one sitting; they are measured in turn, round by round.
#
#   bench/fanout-cost.sh [HOST_DLL ...]      default: this checkout's Release build
#   LISTENERS=1000 CHANGES=41 ROUNDS=3 bench/fanout-cost.sh /old/SlotBooking.Host.dll src/Host/bin/Release/net10.0/SlotBooking.Host.dll
#
# Needs: dotnet, jq, curl. Sends traffic only to 127.0.0.1.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LISTENERS="${LISTENERS:-1000}"; CHANGES="${CHANGES:-41}"; ROUNDS="${ROUNDS:-3}"
CLIENT_DLL="$ROOT/src/Client/bin/Release/net10.0/slotbooking-client.dll"
DEFAULT_HOST="$ROOT/src/Host/bin/Release/net10.0/SlotBooking.Host.dll"
(( $# > 0 )) || set -- "$DEFAULT_HOST"
dotnet build "$ROOT/src/Client" -c Release -v q -nologo >/dev/null
[[ " $* " == *" $DEFAULT_HOST "* ]] && dotnet build "$ROOT/src/Host" -c Release -v q -nologo >/dev/null
ulimit -n "$(ulimit -Hn)" || true

measure() {
  local dll="$1" work; work="$(mktemp -d "${TMPDIR:-/tmp}/fanout-cost.XXXXXX")"
  (cd "$work" && exec dotnet "$dll" --urls http://127.0.0.1:0 "--SlotBooking:DatabasePath=$work/db.sqlite" \
    --SlotBooking:MessagesPerSecond=1000000 --SlotBooking:MessageBurst=1000000 --SlotBooking:UpgradesPerMinute=100000000 >"$work/log" 2>&1) &
  local pid=$! url=""
  until [[ -n "$url" ]]; do
    kill -0 "$pid" 2>/dev/null || { echo "server exited; see $work/log" >&2; exit 1; }
    url=$(grep -o 'Now listening on: http://127\.0\.0\.1:[0-9]*' "$work/log" | head -1 | sed 's/Now listening on: //' || true)
    [[ -n "$url" ]] || sleep 0.1
  done
  until curl -sf -o /dev/null "$url/health"; do sleep 0.1; done
  local ws="ws://${url#http://}/slot-booking" figures=()
  dotnet "$CLIENT_DLL" load --url "$ws" --clients 20 --seconds 8 --json >/dev/null 2>&1
  # Twice: a first run of a few hundred changes still leaves the JIT tiering up the broadcast path (1.5-2x the figure).
  for _ in 1 2; do dotnet "$CLIENT_DLL" fanout --url "$ws" --listeners "$LISTENERS" --changes 300 --json >/dev/null 2>&1; done
  for ((round = 1; round <= ROUNDS; round++)); do
    figures+=("$(dotnet "$CLIENT_DLL" fanout --url "$ws" --listeners "$LISTENERS" --changes "$CHANGES" --server-pid "$pid" --json 2>/dev/null \
      | jq -r '"\(.server_cpu_us_per_frame) µs (p50 \(.all_listeners_ms.p50) ms)"')")
  done
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; rm -rf "$work"
  echo "| $dll | $(IFS='|'; echo "${figures[*]}" | sed 's/|/ · /g') |"
}

echo "Server CPU per delivered frame, $LISTENERS listeners, $CHANGES changes per round, warm server; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| server | rounds |"
echo "|---|---|"
for dll in "$@"; do measure "$dll"; done
