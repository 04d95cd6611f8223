#!/usr/bin/env bash
# Issue 16's table in one sitting, with the independent tools of ../shared/tools (loadgen, idle-cpu.py), for any
# servers that speak the seed's protocol: this checkout's Release build, other builds of it, the seed's own Python
# server and bench/echo. Each server is measured in turn, round by round, so that the machine's drift shows.
#
#   bench/versus-seed.sh [SERVER ...]     SERVER: a SlotBooking.Host.dll path, "seed" or "echo"
#   ROUNDS=2 SEED_DIR=/tmp/seed/backend bench/versus-seed.sh seed /old/SlotBooking.Host.dll src/Host/bin/Release/net10.0/SlotBooking.Host.dll echo
#
# Per server and round, each on a fresh server (a fresh SQLite file in a temporary folder):
#   rest-0      CPU ms/s at rest with no connection, 30 s after /health first answered (idle-cpu.py, 10 s)
#   rest-1000   the same with 1,000 idle WebSockets open
#   op-us       server CPU per operation, 20 clients booking/cancelling default slots for 8 s after a 4 s warm-up
#   ops/s       the same run's operations per second
#   frame-us    server CPU per delivered slots_update, 1,000 listeners x 48 changes, after a 20-client load and
#               3 x 300 unmeasured changes (loadgen fanout with SERVER_PID)
# echo has no broadcasts and the seed no storage to warm; both have the same runs otherwise.
#
# Needs: dotnet, curl, python3 with python3-websockets (idle-cpu.py), and for "seed" python3-fastapi and
# python3-uvicorn with SEED_DIR naming the seed's backend/ folder (Anga205/ReRo-Website at 1f2ec4a).
# TOOLS (default ../shared/tools beside this checkout) holds loadgen/ and idle-cpu.py. Sends traffic only to 127.0.0.1.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${TOOLS:-$ROOT/../shared/tools}"
ROUNDS="${ROUNDS:-2}"
SEED_DIR="${SEED_DIR:-}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/versus-seed.XXXXXX")"
ECHO_DLL="$ROOT/bench/echo/bin/Release/net10.0/SlotBooking.Bench.Echo.dll"
DEFAULT_HOST="$ROOT/src/Host/bin/Release/net10.0/SlotBooking.Host.dll"
PID=""
say() { echo "[versus-seed $(date +%H:%M:%S)] $*" >&2; }
cleanup() { [[ -n "$PID" ]] && kill -TERM "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
ulimit -n "$(ulimit -Hn)" || true

(( $# > 0 )) || set -- "$DEFAULT_HOST" echo
[[ -f "$TOOLS/idle-cpu.py" && -d "$TOOLS/loadgen" ]] || { say "no tools at $TOOLS (set TOOLS)"; exit 1; }
dotnet build "$ROOT/src/Host" -c Release -v q -nologo >/dev/null
dotnet build "$ROOT/bench/echo" -c Release -v q -nologo >/dev/null
cp -r "$TOOLS/loadgen" "$WORK/loadgen-src"
dotnet build -c Release "$WORK/loadgen-src" -o "$WORK/loadgen" -v q -nologo >/dev/null
LOADGEN="$WORK/loadgen/loadgen"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# start SERVER: sets PID and URL once the server answers.
start() {
  local server="$1" log="$WORK/server.log"
  rm -rf "$WORK/run"; mkdir -p "$WORK/run"
  case "$server" in
    seed)
      [[ -n "$SEED_DIR" ]] || { say "set SEED_DIR to the seed's backend/ folder"; exit 1; }
      (cd "$SEED_DIR" && exec python3 -c "import uvicorn, main; uvicorn.run(main.app, host='127.0.0.1', port=8100, log_level='warning')" >"$log" 2>&1) &
      PID=$!; URL="http://127.0.0.1:8100"
      until curl -s -o /dev/null "$URL/"; do kill -0 "$PID" 2>/dev/null || { cat "$log" >&2; exit 1; }; sleep 0.2; done
      return ;;
    echo) set -- "$ECHO_DLL" ;;
    *) set -- "$server" "--SlotBooking:DatabasePath=$WORK/run/db.sqlite" --SlotBooking:MessagesPerSecond=1000000 \
         --SlotBooking:MessageBurst=1000000 --SlotBooking:UpgradesPerMinute=100000000 ;;
  esac
  (cd "$WORK/run" && exec dotnet "$@" --urls http://127.0.0.1:0 >"$log" 2>&1) &
  PID=$!; URL=""
  until [[ -n "$URL" ]]; do
    kill -0 "$PID" 2>/dev/null || { cat "$log" >&2; exit 1; }
    URL=$(grep -o 'Now listening on: http://127\.0\.0\.1:[0-9]*' "$log" | head -1 | sed 's/Now listening on: //' || true)
    [[ -n "$URL" ]] || sleep 0.1
  done
  until curl -sf -o /dev/null "$URL/health"; do sleep 0.1; done
}
stop() { kill -TERM "$PID" 2>/dev/null; wait "$PID" 2>/dev/null || true; PID=""; }
field() { grep -o "$1=[0-9.]*" | head -1 | cut -d= -f2; }

measure() {
  local server="$1" rest0 rest1000 op ops frame="–"
  start "$server"
  sleep 25   # idle-cpu.py waits 5 s more: the window starts 30 s after the server answered
  rest0=$(python3 "$TOOLS/idle-cpu.py" "$URL" "$PID" 0 10 | field server_cpu_ms_per_s)
  stop; start "$server"; sleep 25
  rest1000=$(python3 "$TOOLS/idle-cpu.py" "$URL" "$PID" 1000 10 | field server_cpu_ms_per_s)
  stop; start "$server"
  "$LOADGEN" "$URL" load 20 4 >/dev/null 2>&1
  local before after out
  before=$(cpu_ticks "$PID"); out=$("$LOADGEN" "$URL" load 20 8 2>&1); after=$(cpu_ticks "$PID")
  ops=$(echo "$out" | field ops_per_s)
  op=$(( (after - before) * 1000000 / $(getconf CLK_TCK) / $(echo "$out" | field ' ops') ))
  if [[ "$server" != echo ]]; then
    for _ in 1 2 3; do "$LOADGEN" "$URL" fanout 1000 300 >/dev/null 2>&1; done
    frame=$(SERVER_PID=$PID "$LOADGEN" "$URL" fanout 1000 48 2>&1 | field server_cpu_us_per_frame)
  fi
  stop
  echo "| $server | $rest0 | $rest1000 | $op | $ops | $frame |"
}

echo "Issue 16's measures, $ROUNDS rounds, $(date -u +%Y-%m-%dT%H:%MZ); load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| server | rest-0 ms/s | rest-1000 ms/s | op-us | ops/s | frame-us |"
echo "|---|---:|---:|---:|---:|---:|"
for ((round = 1; round <= ROUNDS; round++)); do
  for server in "$@"; do say "round $round: $server"; measure "$server"; done
done
