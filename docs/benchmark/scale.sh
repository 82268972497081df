#!/usr/bin/env bash
# Kefu's lists at scale (docs/benchmark.md, "Scale"): the task list with many open complaint tasks, and the monthly
# reports with many closed complaints.
#   bash docs/benchmark/scale.sh                       H2, 1k then 100k open tasks, 100k then 1M closed complaints
#   bash docs/benchmark/scale.sh --db mariadb          the same on MariaDB (127.0.0.1:3306, root without password;
#                                                      database kefu_scale, dropped and created again)
#   bash docs/benchmark/scale.sh --tasks "1000 10000" --closed "10000 100000" --requests 20    smaller
#   bash docs/benchmark/scale.sh --share 0             every open task agent's own (the worst case, see below)
#   bash docs/benchmark/scale.sh --queued              every other team's cases wait unassigned in its group's queue
# The open tasks are copies of one real complaint case at its first task (docs/benchmark/ScaleLoad.java copies all of
# its engine rows and its complaint row, each copy with ids and case number of its own). As in a service center, they
# are spread over teams: agent (and agent's groups) keep --share (200) cases at every size, each further 200 belong to
# a team of their own (a mirror of agent and agent's groups, named with ~n appended), so a list shows what the other
# teams' open tasks cost agent; --share 0 leaves every copy agent's own. The closed complaints are
# complaint rows over five years. Times GET /api/tasks as agent, the engine query of each Tasklist filter agent sees
# (POST /engine-rest/filter/{id}/list, Tasklist's first page of 15, and /count), and the reports. Port 18210
# (BENCH_SCALE_PORT); everything it writes is under target/benchmark/scale/ (results.txt, app.log), on MariaDB under
# target/benchmark/scale-mariadb/.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
DB=h2 TASKS="1000 100000" CLOSED="100000 1000000" REQUESTS=50 KEEP=0 SHARE=200 QUEUED=0
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB="$2"; shift 2 ;;
    --tasks) TASKS="$2"; shift 2 ;;
    --closed) CLOSED="$2"; shift 2 ;;
    --requests) REQUESTS="$2"; shift 2 ;;
    --share) SHARE="$2"; shift 2 ;;
    --queued) QUEUED=1; shift ;;   # with --share: the odd teams' cases unassigned, offered to the team's mirror of agents
    --keep) KEEP=1; shift ;;   # H2 only: go on with the database, template and copies of an earlier run
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
PORT=${BENCH_SCALE_PORT:-18210}
BASE=http://localhost:$PORT
WORK=$ROOT/target/benchmark/scale$([ "$DB" = h2 ] || echo "-$DB")
RESULTS=$WORK/results.txt
if [ "$KEEP" = 0 ]; then rm -rf "$WORK"; fi
mkdir -p "$WORK"
log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$WORK/run.log" >&2; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
record() { echo "$*" | tee -a "$RESULTS"; }

case "$DB" in
  h2)
    # H2 reuses a query's last result while none of its tables has changed: an idle benchmark would time that, not
    # the query; the reports read tables nothing here writes between requests (see "touch" below for the task lists)
    JDBC="jdbc:h2:file:$WORK/data/kefu;AUTO_SERVER=TRUE;MAX_LENGTH_INPLACE_LOB=65536;QUERY_CACHE_SIZE=256;OPTIMIZE_REUSE_RESULTS=0" USER=sa PASS=""
    export KEFU_DB_URL="$JDBC" ;;
  mariadb)
    KEEP=0
    source docs/benchmark/mysql-options.sh
    mariadb -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS kefu_scale; CREATE DATABASE kefu_scale CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
    JDBC="jdbc:mysql://127.0.0.1:3306/kefu_scale?$MYSQL_OPTS" USER=root PASS=""
    export SPRING_PROFILES_ACTIVE=mysql KEFU_DB_URL="$JDBC" KEFU_DB_USER=root KEFU_DB_PASSWORD="" ;;
  *) echo "--db h2 or mariadb" >&2; exit 2 ;;
esac

log "building Kefu (tests skipped)"
bash docs/benchmark/classpath.sh . > "$WORK/kefu.cp"
CP=$(cat "$WORK/kefu.cp")
APP_PID=""
stop_app() { if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi; }
trap stop_app EXIT
log "starting Kefu on $DB (demo data: users, customers)"
( cd "$WORK" && SERVER_PORT=$PORT KEFU_DEMO_ENABLED=true exec java -cp "$CP" io.kefu.KefuApplication >> "$WORK/app.log" 2>&1 ) &
APP_PID=$!
until curl -sf -o /dev/null -u agent:agent "$BASE/engine-rest/process-definition/key/complaint-handling"; do
  if ! kill -0 "$APP_PID" 2>/dev/null; then log "Kefu did not start, see $WORK/app.log"; tail -20 "$WORK/app.log" >&2; exit 1; fi
  sleep 1
done
until curl -sf "$BASE/actuator/health/readiness" >/dev/null; do sleep 1; done
echo "# $(date -u +%FT%TZ) db=$DB $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" >> "$RESULTS"

# --- the template: one real complaint, filed as agent, waiting at its first task (投诉判断) -------------------------
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
CODE=$(curl -sf -u supervisor:supervisor "$BASE/api/customers?size=1&sort=id" | json "d['content'][0]['code']")
file_complaint() {
  curl -sf -u agent:agent -H 'Content-Type: application/json' -X POST "$BASE/api/complaints" -d @- <<JSON
{"customerCode": "$CODE", "complainantName": "基准测试", "complainantPhone": "13800000000", "channel": "HOTLINE",
 "category": "SERVICE_ATTITUDE", "severity": "MINOR", "description": "规模基准测试的投诉", "customerRequest": "道歉"}
JSON
}
if [ "$KEEP" = 1 ] && [ -f "$WORK/template" ]; then
  read -r TEMPLATE loaded SHARE QUEUED < "$WORK/template"; SHARE=${SHARE:-0} QUEUED=${QUEUED:-0}
else
FILED=$(file_complaint)
TEMPLATE=$(echo "$FILED" | json "d['processInstanceId']")
log "template case $(echo "$FILED" | json "d['caseNo']"), process instance $TEMPLATE"
loaded=0
fi

# A live system writes all the time; an idle benchmark does not (H2's result reuse is off above; a database's own caches
# are not, and a changed task table is what a task list meets under use). So before each request the task
# of a second complaint (not the template: its history would grow with each copy) is claimed by agent or given back by
# the demo administrator (an agent may not), untimed: every timed request is computed afresh, as under use. That case
# is one open task more than the figures say.
TOUCHED=$(file_complaint | json "d['processInstanceId']")
TOUCHED_TASK=$(curl -sf -u agent:agent "$BASE/engine-rest/task?processInstanceId=$TOUCHED" | json "d[0]['id']")
CLAIMED=0
touch_database() {
  local action=claim body='{"userId": "agent"}' as=agent
  if [ "$CLAIMED" = 1 ]; then action=unclaim body='{}' as=admin; fi
  curl -sf -o /dev/null -u "$as:$as" -H 'Content-Type: application/json' -X POST -d "$body" \
    "$BASE/engine-rest/task/$TOUCHED_TASK/$action" || { log "could not $action the task of case $TOUCHED"; exit 1; }
  CLAIMED=$((1 - CLAIMED))
}

# time NAME METHOD PATH [BODY]: REQUESTS timed requests as agent after 3 untimed ones; records p50/p95 in ms. A request
# that takes longer than TIMEOUT seconds (120) is recorded as such, and that request is not timed further.
TIMEOUT=${BENCH_SCALE_TIMEOUT:-120}
time_request() {
  local name=$1 method=$2 path=$3 body=${4:-} times=() code
  for i in $(seq 1 $((REQUESTS + 3))); do
    touch_database
    out=$(curl -s -m "$TIMEOUT" -o /dev/null -w '%{http_code} %{time_total}' -u "${AS:-agent}:${AS:-agent}" -H "Accept: ${ACCEPT:-application/json}" -X "$method" \
      ${body:+-H 'Content-Type: application/json' -d "$body"} "$BASE$path") || true
    code=${out% *}
    if [ "$code" = 000 ]; then
      echo "$EXTRA $name no answer within ${TIMEOUT} s (request $i) load=\"$(loadavg)\"" | tee -a "$RESULTS"
      return
    fi
    if [ "$code" != 200 ]; then log "$name: HTTP $code"; exit 1; fi
    if [ "$i" -gt 3 ]; then times+=("${out#* }"); fi
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v name="$name" -v extra="$EXTRA" -v la="$(loadavg)" '
    { t[NR] = $1 * 1000 }
    END { p50 = t[int((NR + 1) * 0.50)]; p95 = t[int((NR * 0.95) + 0.5)]
          printf "%s %s p50_ms=%.0f p95_ms=%.0f n=%d load=\"%s\"\n", extra, name, p50, p95, NR, la }' | tee -a "$RESULTS"
}

FILTERS=$(curl -sf -u agent:agent "$BASE/engine-rest/filter?resourceType=Task" \
  | json "' '.join(f['id'] + ':' + (f.get('properties') or {}).get('kefuFilter', f['id']) for f in d)")
log "Tasklist filters agent sees: $FILTERS"

# --- open tasks ------------------------------------------------------------------------------------------------------
for target in $TASKS; do
  copies=$((target - loaded - 1))
  if [ "$copies" -gt 0 ]; then
    log "loading $copies copies of the template (open tasks: $target)"
    java -cp "$CP" docs/benchmark/ScaleLoad.java "$JDBC" "$USER" "$PASS" "$TEMPLATE" "$copies" $((loaded + 1)) "$SHARE" \
      $([ "$QUEUED" = 1 ] && echo agents) >> "$WORK/run.log"
    loaded=$((loaded + copies))
    echo "$TEMPLATE $loaded $SHARE $QUEUED" > "$WORK/template"
  fi
  EXTRA="db=$DB open_tasks=$target share=$SHARE queued=$QUEUED"
  time_request "GET_/api/tasks" GET "/api/tasks"
  time_request "GET_/api/tasks?page=20" GET "/api/tasks?page=20&size=50"
  for f in $FILTERS; do
    # as Tasklist asks: the first 15 tasks, in HAL (with the variables the filter shows on its cards)
    ACCEPT=application/hal+json time_request "filter_list_${f#*:}" POST "/engine-rest/filter/${f%%:*}/list?firstResult=0&maxResults=15" '{}'
    time_request "filter_count_${f#*:}" GET "/engine-rest/filter/${f%%:*}/count"
  done
done

# --- closed complaints and the monthly reports ------------------------------------------------------------------------

inserted=0
for target in $CLOSED; do
  rows=$((target - inserted))
  log "inserting $rows closed complaints over five years (2021-2025)"
  sed -e "s/@FIRST@/$((inserted + 1))/g" -e "s/@LAST@/$target/g" docs/benchmark/closed-complaints.sql \
    | java -cp "$CP" docs/benchmark/ScaleLoad.java "$JDBC" "$USER" "$PASS" --sql "$target" >> "$WORK/run.log"
  inserted=$target
  EXTRA="db=$DB closed=$target"
  # June 2021 and the first half of 2021 hold the same complaints at every size (the rows are added in time order, the
  # first 100k cover January to early July 2021): their times show what a longer history costs a report. June 2024
  # and the year 2024 exist only from about 600k rows on.
  for q in "complaints?month=2021-06" "satisfaction?month=2021-06" "complaints?from=2021-01-01&to=2021-06-30" \
           "complaints?month=2024-06" "satisfaction?month=2024-06" "complaints?from=2024-01-01&to=2024-12-31"; do
    AS=manager time_request "report_${q%%\?*}_${q#*\?}" GET "/api/reports/$q"
  done
done
log "done: $RESULTS"
