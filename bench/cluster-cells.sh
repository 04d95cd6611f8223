# The cluster cells of bench/run.sh (sourced by it, after its load section; not run alone). Needs run.sh's say, die,
# client, start_host/stop_host, warm_up_host, median, ratio, fmt, and WORK, HOST_DLL, LOAD_SECONDS, WARMUP_SECONDS,
# SERVER_WARMUP_SECONDS, RUNS. Sets CLUSTER_REPORT to a markdown section (or to why the cells were not measured).
#
# Cells, each with 20 clients for LOAD_SECONDS, median of RUNS:
#   sqlite-1   one node on SQLite (synchronous=FULL): the reference, as in the load section
#   pg-1       one node on PostgreSQL (a cluster of one on a fixed port)
#   pg-3       three nodes on PostgreSQL, the clients spread over them (7/7/6, one load client process per node)
# Server CPU per operation = the server processes' CPU over the measurement window (each load client reads its own
# node's, --server-pid; summed over the nodes) ÷ the operations answered in that window, all clients together.
# Failover: on the three nodes, under load from clients on the other two, SIGKILL the oldest node (it hosts sharding's
# coordinator, and the default board unless sharding has rebalanced it since) and time until every slot answers a cancel-slot over HTTP through a survivor.

source "$ROOT/bench/cluster-lib.sh"
CLUSTER_CLIENTS=20

# cpu_us_per_op FILE...: sum of server CPU% over the files ÷ sum of ops/s, in µs of CPU per operation.
cpu_us_per_op() {
  jq -s '(map(.server_cpu_percent // 0) | add) as $cpu | (map(.ops_per_second) | add) as $ops
         | if $ops > 0 then ($cpu / 100 * 1000000 / $ops * 10 | round / 10) else "-" end' "$@"
}

# cluster_load CELL RUN: the load clients spread over NODE_WS, started together, one JSON per node.
cluster_load() {
  local cell="$1" run="$2" count=${#NODE_WS[@]} i pids=()
  for ((i = 0; i < count; i++)); do
    local share=$(( CLUSTER_CLIENTS / count + (i < CLUSTER_CLIENTS % count ? 1 : 0) ))
    client load --url "${NODE_WS[$i]}" --clients "$share" --seconds "$LOAD_SECONDS" --warmup-seconds "$WARMUP_SECONDS" \
      --server-pid "${NODE_PIDS[$i]}" --json >"$WORK/cluster-$cell-$run-node$i.json" 2>"$WORK/cluster-$cell-$run-node$i.progress" &
    pids+=($!)
  done
  for i in "${pids[@]}"; do wait "$i" || die "a load client of cell $cell failed; see $WORK/cluster-$cell-$run-node*.progress"; done
}

# cell_row NAME: ops/s (sum over nodes, median of runs), server CPU % (sum), µs CPU per op, p99 (worst node), errors.
cluster_cell_summary() {
  local cell="$1" run files ops=() cpu=() us=() p99=() errors=0
  for run in $(seq "$RUNS"); do
    files=("$WORK"/cluster-"$cell"-"$run"-node*.json)
    ops+=("$(jq -s 'map(.ops_per_second) | add | round' "${files[@]}")")
    cpu+=("$(jq -s 'map(.server_cpu_percent // 0) | add | round' "${files[@]}")")
    us+=("$(cpu_us_per_op "${files[@]}")")
    p99+=("$(jq -s 'map(.latency_ms.p99) | max' "${files[@]}")")
    errors=$(( errors + $(jq -s 'map(.errors) | add' "${files[@]}") ))
  done
  local mid=$(( RUNS / 2 ))
  sorted() { printf '%s\n' "$@" | sort -g | sed -n "$((mid + 1))p"; }
  echo "$(sorted "${ops[@]}") $(sorted "${cpu[@]}") $(sorted "${us[@]}") $(sorted "${p99[@]}") $errors"
}

# failover_probe: seconds from SIGKILL of node 0 until every slot answered cancel-slot (200 or 400) through nodes 1..N-1.
failover_measure() {
  local token="$1" started now slot answered=() pending attempt=0 survivors=$(( ${#NODE_HTTP[@]} - 1 ))
  local dir="$WORK/failover-probe"; mkdir -p "$dir"; rm -f "$dir"/*
  started=$(date +%s%N)
  kill -KILL "${NODE_PIDS[0]}"
  while true; do
    pending=0
    for slot in $(seq 3 14); do
      [[ -f "$dir/$slot.done" ]] && continue
      pending=1
      local http="${NODE_HTTP[$(( 1 + (slot + attempt) % survivors ))]}"
      # One attempt: answered (200 done, 400 refused) marks the slot with the time since the kill. A request routed
      # to the dead node before it is downed gets no answer; the next attempt goes out 0.5 s later anyway.
      ( code=$(curl -s -o /dev/null -w '%{http_code}' -m 20 -X POST -H "Authorization: Bearer $token" \
                 -H 'Content-Type: application/json' -d "{\"slot_id\":$slot}" "$http/cancel-slot" || true)
        if [[ "$code" == 200 || "$code" == 400 ]] && [[ ! -f "$dir/$slot.done" ]]; then
          echo $(( ($(date +%s%N) - started) / 1000000 )) >"$dir/$slot.done"
        fi ) &
    done
    (( pending )) || break
    now=$(date +%s%N)
    (( (now - started) / 1000000000 < 90 )) || { echo "none"; return; }
    attempt=$((attempt + 1))
    sleep 0.5
  done
  wait
  cat "$dir"/*.done | sort -n | tail -1 | awk '{ printf "%.1f", $1 / 1000 }'
}

cluster_cells() {
  if [[ ! -x "$PG_BIN/initdb" ]]; then
    CLUSTER_REPORT="### Cluster cells

Not measured: PostgreSQL 15 is not installed ($PG_BIN/initdb is missing; apt-get install postgresql)."
    say "cluster cells skipped: PostgreSQL 15 is not installed"
    return
  fi
  pg_start
  local run

  # sqlite-1: the load section's 20-client cell when it ran, else one of its own.
  SQLITE_STARTUP="see Start-up"
  if ! compgen -G "$WORK/load-full-20-*.json" >/dev/null; then
    start_host cluster-sqlite "$WORK/cluster-sqlite.db" --SlotBooking:Synchronous=Full
    SQLITE_STARTUP="$STARTUP_MS ms"
    warm_up_host cluster-sqlite
    for run in $(seq "$RUNS"); do
      say "cluster cells: sqlite-1, 20 clients, run $run/$RUNS"
      client load --url "$HOST_WS" --clients 20 --seconds "$LOAD_SECONDS" --warmup-seconds "$WARMUP_SECONDS" \
        --server-pid "$HOST_PID" --json >"$WORK/load-full-20-$run.json" 2>"$WORK/load-full-20-$run.progress"
    done
    stop_host
  fi
  for run in $(seq "$RUNS"); do cp "$WORK/load-full-20-$run.json" "$WORK/cluster-sqlite1-$run-node0.json"; done

  local limits=(--SlotBooking:MessagesPerSecond=1000000 --SlotBooking:MessageBurst=1000000 --SlotBooking:UpgradesPerMinute=100000000)
  local nodes
  for nodes in 1 3; do
    pg_create_db "bench_pg$nodes"
    say "cluster cells: starting $nodes node(s) on PostgreSQL"
    cluster_start "$HOST_DLL" "$WORK" "$nodes" "${limits[@]}"
    eval "STARTUP_PG$nodes=$CLUSTER_STARTUP_MS"
    say "cluster cells: $nodes node(s) healthy after $CLUSTER_STARTUP_MS ms; warming up"
    local i wpids=()
    for ((i = 0; i < nodes; i++)); do
      client load --url "${NODE_WS[$i]}" --clients 7 --seconds "$SERVER_WARMUP_SECONDS" --warmup-seconds 0 --json >"$WORK/cluster-warmup-$nodes-$i.json" 2>/dev/null &
      wpids+=($!)
    done
    for i in "${wpids[@]}"; do wait "$i" || true; done
    for run in $(seq "$RUNS"); do
      say "cluster cells: pg-$nodes, 20 clients, run $run/$RUNS"
      cluster_load "pg$nodes" "$run"
      jq -sc '{ops: (map(.ops_per_second) | add), cpu: (map(.server_cpu_percent) | add), errors: (map(.errors) | add)}' "$WORK"/cluster-pg"$nodes"-"$run"-node*.json >&2
    done
    if (( nodes == 3 )); then
      # A signed-in user for cancel-slot over HTTP (anyone may cancel an anonymous booking on the default calendar).
      curl -sf -o /dev/null -H 'Content-Type: application/json' -d '{"email":"probe@example.org","password":"failover-probe-1"}' "${NODE_HTTP[1]}/auth/register" ||
        die "could not register the failover probe's account"
      local token
      token=$(curl -sf -H 'Content-Type: application/json' -d '{"email":"probe@example.org","password":"failover-probe-1"}' "${NODE_HTTP[1]}/auth/login" | jq -r .token)
      say "failover: load on nodes 2 and 3, SIGKILL node 1 (the oldest)"
      local lpids=()
      for ((i = 1; i < nodes; i++)); do
        client load --url "${NODE_WS[$i]}" --clients 5 --seconds 40 --warmup-seconds 0 --timeout-seconds 30 --json \
          >"$WORK/failover-load-$i.json" 2>"$WORK/failover-load-$i.progress" &
        lpids+=($!)
      done
      sleep 3
      FAILOVER_SECONDS=$(failover_measure "$token")
      wait "${NODE_PIDS[0]}" 2>/dev/null || true  # the killed node, reaped here rather than reported as "Killed"
      say "failover: every slot answered again through the survivors $FAILOVER_SECONDS s after SIGKILL"
      for i in "${lpids[@]}"; do wait "$i" || true; done
    fi
    cluster_stop
  done
  pg_stop

  local s1 p1 p3
  read -r s1_ops s1_cpu s1_us s1_p99 s1_err <<<"$(cluster_cell_summary sqlite1)"
  read -r p1_ops p1_cpu p1_us p1_p99 p1_err <<<"$(cluster_cell_summary pg1)"
  read -r p3_ops p3_cpu p3_us p3_p99 p3_err <<<"$(cluster_cell_summary pg3)"
  CLUSTER_REPORT="### Cluster cells: one node on SQLite, one and three nodes on PostgreSQL (20 clients, median of $RUNS × $LOAD_SECONDS s)

Three nodes are three servers on the same 2 cores as the load clients and PostgreSQL: they cannot be faster than one here; what these cells show is the cost. Server CPU per operation = the server processes' CPU over the measurement window, summed over the nodes, ÷ operations answered (refusals included). PostgreSQL runs with fsync=off (a throwaway server; the service still waits for each commit), so its figures are not those of a disk-bound production server.

| cell | nodes | ops/s | server CPU (sum) | server CPU µs/op | p99 ms (worst node) | errors | start-up to all healthy |
|---|---:|---:|---:|---:|---:|---:|---:|
| SQLite (synchronous=FULL) | 1 | $(fmt "$s1_ops") | ${s1_cpu}% | $s1_us | $s1_p99 | $s1_err | $SQLITE_STARTUP |
| PostgreSQL | 1 | $(fmt "$p1_ops") | ${p1_cpu}% | $p1_us | $p1_p99 | $p1_err | $STARTUP_PG1 ms |
| PostgreSQL, clients spread 7/7/6 | 3 | $(fmt "$p3_ops") | ${p3_cpu}% | $p3_us | $p3_p99 | $p3_err | $STARTUP_PG3 ms |

Failover: with 5 clients on each of the other two nodes, SIGKILL of the oldest node (sharding's coordinator, and the default board unless rebalanced since): every slot answered a cancel-slot over HTTP through a survivor again after **$FAILOVER_SECONDS s** (target 20 s)."
}
