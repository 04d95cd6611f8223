#!/usr/bin/env bash
# CPU profiles by component, for issue 16's "before and after": perf samples the server's call stacks, with the JIT's
# method names from its perf map, and bench/profile-classify.py sorts each sample into one component.
#
#   bench/profile.sh rest DLL [DLL ...]   at rest: 20 s of samples, 30 s after /health first answered, no connection
#   bench/profile.sh cell DLL [DLL ...]   the 20-client cell: 20 clients book/cancel default slots (loadgen load 20),
#                                         8 s of samples after a 6 s warm-up
#   bench/profile.sh fanout DLL [DLL ...] broadcasts to 1,000 listeners (loadgen fanout), after a 20-client load and
#                                         3 x 300 unmeasured changes: 5 s of samples inside a fourth round (shares, ms/s)
#
# The servers run with DOTNET_PerfMapEnabled=1 (method names), DOTNET_EnableWriteXorExecute=0 (otherwise JIT code
# sits in a double-mapped region that perf cannot match to the map) and DOTNET_ReadyToRun=0 (the framework's
# precompiled code has no map entries; with it off every method is JIT-compiled and named). The last one changes
# what is measured a little: read the shares, and take absolute figures from bench/versus-seed.sh.
# Needs perf (Debian's linux-perf), root or perf_event_paranoid <= 1, and the tools of ../shared/tools (TOOLS).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${TOOLS:-$ROOT/../shared/tools}"
MODE="${1:?usage: bench/profile.sh rest|cell DLL [DLL ...]}"; shift
(( $# > 0 )) || set -- "$ROOT/src/Host/bin/Release/net10.0/SlotBooking.Host.dll"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/profile.XXXXXX")"
PID=""; HZ=499
say() { echo "[profile $(date +%H:%M:%S)] $*" >&2; }
cleanup() { [[ -n "$PID" ]] && kill -TERM "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
ulimit -n "$(ulimit -Hn)" || true
command -v perf >/dev/null || { say "perf is missing: apt-get install linux-perf"; exit 1; }

dotnet build "$ROOT/src/Host" -c Release -v q -nologo >/dev/null
cp -r "$TOOLS/loadgen" "$WORK/loadgen-src"
dotnet build -c Release "$WORK/loadgen-src" -o "$WORK/loadgen" -v q -nologo >/dev/null
LOADGEN="$WORK/loadgen/loadgen"

start() {
  local log="$WORK/server.log"
  rm -rf "$WORK/run"; mkdir -p "$WORK/run"
  (cd "$WORK/run" && DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 DOTNET_ReadyToRun=0 exec dotnet "$1" \
    "--SlotBooking:DatabasePath=$WORK/run/db.sqlite" --SlotBooking:MessagesPerSecond=1000000 \
    --SlotBooking:MessageBurst=1000000 --SlotBooking:UpgradesPerMinute=100000000 --urls http://127.0.0.1:0 >"$log" 2>&1) &
  PID=$!; URL=""
  until [[ -n "$URL" ]]; do
    kill -0 "$PID" 2>/dev/null || { cat "$log" >&2; exit 1; }
    URL=$(grep -o 'Now listening on: http://127\.0\.0\.1:[0-9]*' "$log" | head -1 | sed 's/Now listening on: //' || true)
    [[ -n "$URL" ]] || sleep 0.1
  done
  until curl -sf -o /dev/null "$URL/health"; do sleep 0.1; done
}
stop() { kill -TERM "$PID" 2>/dev/null; wait "$PID" 2>/dev/null || true; rm -f "/tmp/perf-$PID.map"; PID=""; }

for dll in "$@"; do
  say "$MODE: $dll"
  start "$dll"
  ops=0
  if [[ "$MODE" == fanout ]]; then
    # Shares only: the sample window (5 s, from 2 s after the round starts, when the listeners are connected) is
    # inside a 300-change round; the per-frame figure comes from loadgen's own count over the whole round.
    "$LOADGEN" "$URL" load 20 4 >/dev/null 2>&1
    for _ in 1 2 3; do "$LOADGEN" "$URL" fanout 1000 300 >/dev/null 2>&1; done
    SERVER_PID=$PID "$LOADGEN" "$URL" fanout 1000 300 >"$WORK/fanout.out" 2>&1 &
    round=$!
    sleep 2; seconds=5
    perf record -F "$HZ" -g -p "$PID" -o "$WORK/perf.data" -- sleep "$seconds" >/dev/null 2>&1
    wait "$round" || true
    say "$(grep -o 'server_cpu_us_per_frame=[0-9.]*' "$WORK/fanout.out" || echo 'fanout round failed')"
  elif [[ "$MODE" == rest ]]; then
    sleep 30; seconds=20
    perf record -F "$HZ" -g -p "$PID" -o "$WORK/perf.data" -- sleep "$seconds" >/dev/null 2>&1
  else
    "$LOADGEN" "$URL" load 20 6 >/dev/null 2>&1
    seconds=8
    perf record -F "$HZ" -g -p "$PID" -o "$WORK/perf.data" -- sleep "$seconds" >/dev/null 2>&1 &
    recorder=$!
    ops=$("$LOADGEN" "$URL" load 20 "$seconds" 2>&1 | grep -o ' ops=[0-9]*' | head -1 | cut -d= -f2)
    wait "$recorder"
  fi
  echo; echo "## $MODE: $dll ($(date -u +%H:%MZ), load average $(cut -d' ' -f1 /proc/loadavg))"
  perf script -i "$WORK/perf.data" 2>/dev/null | python3 "$ROOT/bench/profile-classify.py" "$HZ" "$seconds" "$ops"
  stop
done
