# Shared by bench/calendars.sh and bench/identity.sh (sourced, not run): builds the Release host, client and
# bench/echo, and starts and stops one server at a time on a fresh SQLite file in $WORK.
# The sourcing script sets NAME (for progress lines) first; it gets ROOT, WORK, HOST_DLL, CLIENT_DLL, ECHO_DLL,
# say, client, start DLL NAME [ARGS...] (sets PID, HTTP and WS) and stop.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/slotbooking-$NAME.XXXXXX")"
# HOST_DLL=... measures another build of the server with the same client.
HOST_DLL="${HOST_DLL:-$ROOT/src/Host/bin/Release/net10.0/SlotBooking.Host.dll}"
CLIENT_DLL="$ROOT/src/Client/bin/Release/net10.0/slotbooking-client.dll"
ECHO_DLL="$ROOT/bench/echo/bin/Release/net10.0/SlotBooking.Bench.Echo.dll"
PID=""
say() { echo "[$NAME $(date +%H:%M:%S)] $*" >&2; }
cleanup() { [[ -n "$PID" ]] && kill -TERM "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
ulimit -n "$(ulimit -Hn)" || true

dotnet build "$ROOT/src/Host" -c Release -v q -nologo >/dev/null
dotnet build "$ROOT/src/Client" -c Release -v q -nologo >/dev/null
dotnet build "$ROOT/bench/echo" -c Release -v q -nologo >/dev/null
client() { dotnet "$CLIENT_DLL" "$@"; }

# start DLL NAME [ARGS...]: a server on $WORK/NAME.db at a free port, without the per-connection frame limit or the
# per-address upgrade limit (a load client opens up to thousands of connections from one address, each doing thousands of
# requests a second); sets PID, HTTP and WS once /health answers.
start() {
  local dll="$1" name="$2"; shift 2
  (cd "$WORK" && exec dotnet "$dll" --urls "http://127.0.0.1:0" "--SlotBooking:DatabasePath=$WORK/$name.db" \
    --SlotBooking:MessagesPerSecond=1000000 --SlotBooking:MessageBurst=1000000 --SlotBooking:UpgradesPerMinute=100000000 "$@" >"$WORK/$name.log" 2>&1) &
  PID=$!
  HTTP=""
  until [[ -n "$HTTP" ]]; do
    kill -0 "$PID" 2>/dev/null || { say "$name exited; see $WORK/$name.log"; cat "$WORK/$name.log" >&2; exit 1; }
    HTTP=$(grep -o 'Now listening on: http://127\.0\.0\.1:[0-9]*' "$WORK/$name.log" | head -1 | sed 's/Now listening on: //' || true)
    [[ -n "$HTTP" ]] || sleep 0.1
  done
  until curl -sf -o /dev/null "$HTTP/health"; do sleep 0.1; done
  WS="ws://${HTTP#http://}/slot-booking"
}
stop() { kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; PID=""; }

# The 20 open calendars of the calendar cell: Europe/Berlin, hours 8-19, 14 days ahead.
calendar_args=()
for i in $(seq -w 1 20); do
  n=$((10#$i - 1))
  calendar_args+=("--SlotBooking:Calendars:$n:Id=cal-$i" "--SlotBooking:Calendars:$n:TimeZone=Europe/Berlin" "--SlotBooking:Calendars:$n:Access=Open"
                  "--SlotBooking:Calendars:$n:FirstHour=8" "--SlotBooking:Calendars:$n:LastHour=19" "--SlotBooking:Calendars:$n:HorizonDays=14")
done
