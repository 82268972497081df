#!/usr/bin/env bash
# Kefu against the bare engine, side by side (docs/benchmark.md explains every figure).
#   bash docs/benchmark/run.sh            4 pairs of interleaved runs, 120 cases at 4 and at 8 client threads each
#   bash docs/benchmark/run.sh --pairs 2  fewer pairs
#   bash docs/benchmark/run.sh --quick    one start of each and 3 cases: proves the scripts still work, times nothing
#   bash docs/benchmark/run.sh --db mariadb   both apps on MariaDB (127.0.0.1:3306, root without password; databases
#                                         kefu_bench and bare_bench, dropped and created again unless --keep)
# Options: --cases N (per run, default 120), --threads "4 8", --keep (reuse the data of an earlier run).
# Needs Java 17+ and Maven with the project's dependencies in the local repository (it works offline). Uses ports
# BENCH_KEFU_PORT (18105) and BENCH_BARE_PORT (18115); everything it writes is under target/benchmark/.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
PAIRS=4 CASES=120 THREADS="4 8" QUICK=0 KEEP=0 DB=h2
while [ $# -gt 0 ]; do
  case "$1" in
    --pairs) PAIRS="$2"; shift 2 ;;
    --cases) CASES="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --quick) QUICK=1; PAIRS=1; CASES=3; THREADS="2"; shift ;;
    --keep) KEEP=1; shift ;;
    --db) DB="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
KEFU_PORT=${BENCH_KEFU_PORT:-18105}
BARE_PORT=${BENCH_BARE_PORT:-18115}
WORK=$ROOT/target/benchmark
case "$DB" in
  h2) SUFFIX="" ;;
  mariadb) SUFFIX="-mariadb" ;;
  *) echo "--db h2 or mariadb" >&2; exit 2 ;;
esac
RESULTS=$WORK/results$SUFFIX.txt
source docs/benchmark/mysql-options.sh
mkdir -p "$WORK"
log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$WORK/run.log" >&2; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# --- build: both apps' classes and runtime classpaths (tests are neither compiled nor run) -------------------------
log "building Kefu and the bare engine"
bash docs/benchmark/classpath.sh . > "$WORK/kefu.cp"
bash docs/benchmark/classpath.sh docs/benchmark/bare > "$WORK/bare.cp"
# the bare engine's model: generated from Kefu's complaint BPMN, DMN and forms on every run
java docs/benchmark/BareModel.java processes/complaint "$WORK/bare-models" >> "$WORK/run.log"

APP_PID=""
stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}
trap stop_app EXIT

# start_app kefu|bare: starts it from its own directory, waits until agent can read the complaint process through
# the engine REST API, and sets READY_S (seconds from the java command to that answer)
start_app() {
  local app=$1 port dir main cp
  if [ "$app" = kefu ]; then port=$KEFU_PORT main=io.kefu.KefuApplication; else port=$BARE_PORT main=bench.BareApplication; fi
  dir=$WORK/$app$SUFFIX; mkdir -p "$dir"; cp=$(cat "$WORK/$app.cp")
  # on MariaDB: Kefu's production profile (with its demo data, which the path needs), and the bare engine on the same
  # server with the profile's pool size and isolation level
  local -a db_env=()
  if [ "$DB" = mariadb ]; then
    db_env=(SPRING_PROFILES_ACTIVE=mysql KEFU_DEMO_ENABLED=true KEFU_DB_USER=root KEFU_DB_PASSWORD=
      "KEFU_DB_URL=jdbc:mysql://127.0.0.1:3306/kefu_bench?$MYSQL_OPTS"
      "BARE_DB_URL=jdbc:mysql://127.0.0.1:3306/bare_bench?$MYSQL_OPTS" SPRING_DATASOURCE_USERNAME=root
      SPRING_DATASOURCE_PASSWORD= SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE=20
      SPRING_DATASOURCE_HIKARI_TRANSACTION_ISOLATION=TRANSACTION_READ_COMMITTED)
  fi
  local t0; t0=$(date +%s%N)
  ( cd "$dir" && exec env "${db_env[@]}" SERVER_PORT=$port BARE_MODELS=$WORK/bare-models \
      KEFU_REPEAT_WINDOW_DAYS=0 KEFU_REPEAT_CATEGORY_THRESHOLD=2147483647 \
      java ${BENCH_JAVA_OPTS:-} -cp "$cp" $main >> "$dir/app.log" 2>&1 ) &
  APP_PID=$!
  until curl -sf -o /dev/null -u agent:agent "http://localhost:$port/engine-rest/process-definition/key/complaint-handling"; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then log "$app did not start, see $dir/app.log"; tail -20 "$dir/app.log" >&2; exit 1; fi
    sleep 0.2
  done
  READY_S=$(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
}
rss_mb() { awk '{ printf "%d", $1 / 1024 }' <<<"$(ps -o rss= -p "$1")"; }

# record FIELD=VALUE ... as one line of the results
record() { echo "$*" >> "$RESULTS"; }

rm -f "$RESULTS"
if [ "$KEEP" = 0 ]; then
  rm -rf "$WORK/kefu$SUFFIX" "$WORK/bare$SUFFIX"
  if [ "$DB" = mariadb ]; then
    mariadb -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS kefu_bench; CREATE DATABASE kefu_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
      DROP DATABASE IF EXISTS bare_bench; CREATE DATABASE bare_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
  fi
fi
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), pairs=$PAIRS cases=$CASES threads=$THREADS quick=$QUICK db=$DB" >> "$RESULTS"

# --- first start: empty database; Kefu loads its demo data (users, customers, last month's history) ---------------
for app in kefu bare; do
  # a database an earlier run filled: H2's files, or on MariaDB the mark the first start leaves
  if [ -d "$WORK/$app$SUFFIX/data" ] || [ -f "$WORK/$app$SUFFIX/loaded" ]; then continue; fi
  log "$app: first start (empty database)"
  start_app $app
  record "app=$app kind=first_start ready_s=$READY_S load=\"$(loadavg)\""
  log "$app: ready after $READY_S s"
  stop_app
  if [ "$DB" = mariadb ]; then touch "$WORK/$app$SUFFIX/loaded"; fi
done

# --- pairs: each app started again (a second start), idle RSS, the load at each thread count, RSS after -----------
for pair in $(seq 1 "$PAIRS"); do
  if [ $((pair % 2)) = 1 ]; then order="kefu bare"; else order="bare kefu"; fi
  for app in $order; do
    if [ "$app" = kefu ]; then port=$KEFU_PORT; else port=$BARE_PORT; fi
    start_app $app
    sleep 5
    idle=$(rss_mb "$APP_PID")
    record "app=$app pair=$pair kind=start ready_s=$READY_S rss_idle_mb=$idle load=\"$(loadavg)\""
    log "$app pair $pair: ready after $READY_S s, RSS idle $idle MB"
    # a short warm-up (JIT, connection pools) that is not counted
    java docs/benchmark/ComplaintLoad.java "http://localhost:$port" 2 $(( QUICK ? 1 : 6 )) $((pair * 7)) > /dev/null
    for threads in $THREADS; do
      out=$(java docs/benchmark/ComplaintLoad.java "http://localhost:$port" "$threads" "$CASES" $((pair * 13 + threads)))
      record "app=$app pair=$pair kind=load threads=$threads $out load=\"$(loadavg)\""
      log "$app pair $pair, $threads threads: $out"
    done
    record "app=$app pair=$pair kind=after rss_after_mb=$(rss_mb "$APP_PID") load=\"$(loadavg)\""
    stop_app
  done
done

python3 docs/benchmark/summary.py "$RESULTS" | tee "$WORK/summary$SUFFIX.md"
