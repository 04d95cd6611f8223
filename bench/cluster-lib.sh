# Shared by bench/cluster.sh and bench/run.sh (sourced, not run): a throwaway PostgreSQL 15 and SlotBooking nodes
# forming one cluster on 127.0.0.1. The PostgreSQL server is started as the test fixture starts it
# (tests/SlotBooking.TestSupport/PostgreSql): initdb into a temporary folder (as the postgres user when run as root,
# since initdb refuses root), pg_ctl on a free loopback port with a socket folder of its own.
#
# The sourcing script defines say and die first. It gets:
#   pg_start                sets PG_DIR (a temporary folder of its own, which the postgres user can enter) and
#                           PG_PORT; the server runs until pg_stop
#   pg_create_db NAME       creates a database; sets PG_CONN to its connection string
#   pg_stop                 stops the server (immediate) and deletes DIR
#   cluster_start DLL DIR N [--Key=value ...]
#                           N nodes on PG_CONN, each with its own HTTP and remoting port and every node as a seed,
#                           the first started alone first (it joins itself after seed-node-timeout, 5 s), the others
#                           together; returns once every node's /health is 200. Sets NODE_PIDS, NODE_HTTP, NODE_WS,
#                           NODE_REMOTING (arrays) and CLUSTER_STARTUP_MS. Logs in DIR/node-I.log.
#   cluster_stop            SIGTERM to every node still running, and waits for them
#   free_port               a free loopback TCP port
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_DIR=""
PG_PORT=""
PG_CONN=""
NODE_PIDS=()
NODE_HTTP=()
NODE_WS=()
NODE_REMOTING=()

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

# Runs a PostgreSQL server program as the postgres user when we are root (initdb refuses root).
pg_tool() {
  local tool="$1"; shift
  if [[ $(id -u) == 0 ]]; then (cd / && runuser -u postgres -- "$PG_BIN/$tool" "$@"); else "$PG_BIN/$tool" "$@"; fi
}

pg_start() {
  [[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] ||
    die "PostgreSQL 15 is not installed ($PG_BIN/initdb is missing): apt-get install postgresql (Debian's postgresql-15)"
  # Not under the caller's folder: mktemp makes folders only their owner may enter, and the server runs as postgres.
  PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/slotbooking-pg.XXXXXX")"
  mkdir -p "$PG_DIR/data" "$PG_DIR/sockets"
  [[ $(id -u) == 0 ]] && chown -R postgres:postgres "$PG_DIR"
  pg_tool initdb -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$PG_DIR/initdb.log" 2>&1 ||
    die "initdb failed: $(tail -5 "$PG_DIR/initdb.log")"
  local attempt
  for attempt in 1 2 3 4 5; do
    PG_PORT=$(free_port)
    # fsync=off: a throwaway server has nothing to keep through a crash of the machine. The service still sets
    # synchronous_commit=on on its connections, so an answer still waits for the commit.
    if pg_tool pg_ctl -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
        -o "-p $PG_PORT -k $PG_DIR/sockets -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300" \
        start >"$PG_DIR/pg_ctl.log" 2>&1; then
      return 0
    fi
    grep -qs "could not bind" "$PG_DIR/server.log" || break
  done
  die "PostgreSQL did not start: $(tail -5 "$PG_DIR/server.log" "$PG_DIR/pg_ctl.log" 2>/dev/null)"
}

pg_create_db() {
  "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qAt -c "CREATE DATABASE $1" >/dev/null ||
    die "CREATE DATABASE $1 failed"
  PG_CONN="Host=127.0.0.1;Port=$PG_PORT;Database=$1;Username=postgres"
}

pg_stop() {
  [[ -n "$PG_DIR" && -f "$PG_DIR/data/postmaster.pid" ]] && pg_tool pg_ctl -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1
  [[ -n "$PG_DIR" ]] && rm -rf "$PG_DIR"
  PG_DIR=""
}

# node_launch DLL DIR I SEEDS [ARGS...]: one node in the background on the ports NODE_HTTP_PORT[I] and NODE_REMOTING[I].
node_launch() {
  local dll="$1" dir="$2" i="$3" seeds="$4"; shift 4
  local seed_args=() s=0 seed
  for seed in $seeds; do seed_args+=("--SlotBooking:Cluster:SeedNodes:$s=$seed"); s=$((s + 1)); done
  (cd "$dir" && exec dotnet "$dll" --urls "${NODE_HTTP[$i]}" \
    --SlotBooking:Storage:Provider=PostgreSql "--SlotBooking:Storage:ConnectionString=$PG_CONN" \
    --SlotBooking:Cluster:Hostname=127.0.0.1 "--SlotBooking:Cluster:Port=${NODE_REMOTING[$i]}" "${seed_args[@]}" \
    "$@" >"$dir/node-$((i + 1)).log" 2>&1) &
  NODE_PIDS[$i]=$!
}

# node_wait_healthy I DIR: until /health answers 200 (the node is up in the cluster), or the node exits.
node_wait_healthy() {
  local i="$1" dir="$2" deadline=$(( $(date +%s) + 180 ))
  until curl -sf -o /dev/null "${NODE_HTTP[$i]}/health"; do
    kill -0 "${NODE_PIDS[$i]}" 2>/dev/null || die "node $((i + 1)) exited during start-up; see $dir/node-$((i + 1)).log"
    (( $(date +%s) < deadline )) || die "node $((i + 1)) was not healthy within 180 s; see $dir/node-$((i + 1)).log"
    sleep 0.1
  done
}

cluster_start() {
  local dll="$1" dir="$2" count="$3"; shift 3
  local started; started=$(date +%s%N)
  local i seeds=""
  NODE_PIDS=(); NODE_HTTP=(); NODE_WS=(); NODE_REMOTING=()
  for ((i = 0; i < count; i++)); do
    NODE_HTTP[$i]="http://127.0.0.1:$(free_port)"
    NODE_WS[$i]="ws://${NODE_HTTP[$i]#http://}/slot-booking"
    NODE_REMOTING[$i]=$(free_port)
    seeds+=" akka.tcp://slot-booking@127.0.0.1:${NODE_REMOTING[$i]}"
  done
  node_launch "$dll" "$dir" 0 "$seeds" "$@"
  node_wait_healthy 0 "$dir"
  for ((i = 1; i < count; i++)); do node_launch "$dll" "$dir" "$i" "$seeds" "$@"; done
  for ((i = 1; i < count; i++)); do node_wait_healthy "$i" "$dir"; done
  CLUSTER_STARTUP_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}

cluster_stop() {
  local pid
  for pid in "${NODE_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${NODE_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  NODE_PIDS=()
}
