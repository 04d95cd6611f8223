#!/usr/bin/env bash
# A local SlotBooking cluster in one command: a throwaway PostgreSQL 15 and three nodes (Release build) on 127.0.0.1,
# each with its own HTTP and remoting port, every node listing all three as seeds. Prints the URLs; Ctrl-C stops the
# nodes (SIGTERM: they leave the cluster gracefully), then PostgreSQL, and deletes the folder.
#
#   bench/cluster.sh                  three nodes
#   NODES=5 bench/cluster.sh          another number of nodes
#   KEEP=1 bench/cluster.sh           keep the folder (logs, the database's files) afterwards
#   bench/cluster.sh -- --SlotBooking:Auth:SigningKey=...   more settings for every node
#
# Needs: dotnet, curl, python3, PostgreSQL 15 (apt-get install postgresql). Listens on 127.0.0.1 only.
set -euo pipefail

EXTRA=()
while (( $# )); do
  case "$1" in
    --) shift; EXTRA=("$@"); break ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODES="${NODES:-3}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/slotbooking-cluster.XXXXXX")"
HOST_DLL="${HOST_DLL:-$ROOT/src/Host/bin/Release/net10.0/SlotBooking.Host.dll}"

say() { echo "[cluster $(date +%H:%M:%S)] $*" >&2; }
die() { say "FAILED: $*"; exit 1; }
source "$ROOT/bench/cluster-lib.sh"

cleanup() {
  # Ctrl-C reaches every process of the terminal's group at once (the nodes start their graceful stop too) and may
  # come twice: the clean-up itself must not be cut short, or PostgreSQL (pg_ctl starts it in a session of its own)
  # would be left running.
  trap '' INT TERM
  trap - EXIT
  say "stopping the nodes (SIGTERM) and PostgreSQL"
  cluster_stop
  if [[ "${KEEP:-0}" == 1 ]]; then
    [[ -n "$PG_DIR" && -f "$PG_DIR/data/postmaster.pid" ]] && pg_tool pg_ctl -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1
    say "folders kept: $WORK (node logs), $PG_DIR (PostgreSQL's data, stopped)"
  else
    pg_stop
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in dotnet curl python3; do command -v "$tool" >/dev/null || die "$tool is needed"; done
if [[ -z "${HOST_DLL_PREBUILT:-}" ]]; then
  say "building the host (Release)"
  dotnet build -c Release --nologo -v q "$ROOT/src/Host/SlotBooking.Host.csproj" >"$WORK/build.log" 2>&1 || die "build failed; see $WORK/build.log"
fi

pg_start
pg_create_db slotbooking
say "PostgreSQL on 127.0.0.1:$PG_PORT, database slotbooking ($PG_BIN/psql -h 127.0.0.1 -p $PG_PORT -U postgres slotbooking)"
say "starting $NODES nodes"
cluster_start "$HOST_DLL" "$WORK" "$NODES" "${EXTRA[@]}"
say "all $NODES nodes healthy after $CLUSTER_STARTUP_MS ms"

echo
echo "SlotBooking cluster of $NODES nodes on PostgreSQL 127.0.0.1:$PG_PORT (Ctrl-C stops everything)"
for ((i = 0; i < NODES; i++)); do
  echo "  node $((i + 1)): ${NODE_HTTP[$i]}  (${NODE_WS[$i]}, akka.tcp://slot-booking@127.0.0.1:${NODE_REMOTING[$i]}, pid ${NODE_PIDS[$i]}, log $WORK/node-$((i + 1)).log)"
done
echo "  membership: curl -s ${NODE_HTTP[0]}/stats | jq .cluster"
echo

# Until Ctrl-C; a node that exits on its own (downed, or killed by hand to try a failover) is reported once.
declare -A reported=()
while true; do
  for ((i = 0; i < NODES; i++)); do
    if [[ -z "${reported[$i]:-}" ]] && ! kill -0 "${NODE_PIDS[$i]}" 2>/dev/null; then
      say "node $((i + 1)) (pid ${NODE_PIDS[$i]}) has exited; see $WORK/node-$((i + 1)).log"
      reported[$i]=1
    fi
  done
  sleep 1
done
