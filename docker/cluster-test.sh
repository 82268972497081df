#!/usr/bin/env bash
# Cluster test: two Kefu nodes (two JVMs, ports 18081 and 18082) on one MariaDB/MySQL database, driven by
# docker/cluster_check.py. Checks that a task created through node A is completed through node B, that every SLA timer
# fires exactly once across the cluster, and that killing node A with kill -9 under load loses no case, duplicates
# none and leaves none stuck, and that A rejoins when restarted. Exits non-zero on any failure.
#
#   bash docker/cluster-test.sh
#
# Uses target/kefu-*.jar (built by the preceding `mvn verify`; packaged here if absent) and a MySQL-family server on
# 127.0.0.1:3306 (started by docker/mariadb-for-tests.sh when none answers). Creates an empty database kefu_cluster.
# Node logs and pid files: target/cluster/.
set -euo pipefail
cd "$(dirname "$0")/.."

DB_NAME="${KEFU_CLUSTER_DB:-kefu_cluster}"
OUT=target/cluster
export KEFU_CLUSTER_DB_URL="jdbc:mysql://127.0.0.1:3306/${DB_NAME}?useSSL=false&allowPublicKeyRetrieval=true&sendFractionalSeconds=false&nullDatabaseMeansCurrent=true&serverTimezone=UTC&characterEncoding=UTF-8"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

started=$(date +%s)
if ! mysqladmin -uroot --protocol=socket ping >/dev/null 2>&1; then
  bash docker/mariadb-for-tests.sh
fi

as_root mariadb -uroot --protocol=socket <<SQL
DROP DATABASE IF EXISTS ${DB_NAME};
CREATE DATABASE ${DB_NAME} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS 'kefu'@'localhost' IDENTIFIED BY 'kefu';
CREATE USER IF NOT EXISTS 'kefu'@'127.0.0.1' IDENTIFIED BY 'kefu';
GRANT ALL PRIVILEGES ON ${DB_NAME}.* TO 'kefu'@'localhost';
GRANT ALL PRIVILEGES ON ${DB_NAME}.* TO 'kefu'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL
echo "Database ${DB_NAME} created (empty)"

jar() { ls target/kefu-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true; }
if [ -z "$(jar)" ]; then
  echo "No target/kefu-*.jar: packaging"
  mvn -B -ntp -q package -DskipTests
fi
export KEFU_CLUSTER_JAR="$(jar)"

rm -rf "$OUT"
mkdir -p "$OUT"

# The driver starts, kills and restarts the nodes and writes their pids here; whatever happens, stop them on exit.
stop_nodes() {
  for f in "$OUT"/node-*.pid; do
    [ -f "$f" ] || continue
    pid=$(cat "$f")
    kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" 2>/dev/null || true
  done
  for _ in $(seq 1 30); do
    alive=0
    for f in "$OUT"/node-*.pid; do
      [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null && alive=1
    done
    [ "$alive" -eq 0 ] && break
    sleep 1
  done
  for f in "$OUT"/node-*.pid; do
    [ -f "$f" ] && kill -KILL "$(cat "$f")" 2>/dev/null || true
  done
}
trap stop_nodes EXIT

status=0
python3 docker/cluster_check.py --out "$OUT" "$@" || status=$?
echo "Cluster test took $(( $(date +%s) - started ))s"
if [ "$status" -ne 0 ]; then
  echo "Cluster test FAILED; node logs in $OUT/" >&2
  for f in "$OUT"/node-*.log; do
    echo "---- last lines of $f" >&2
    grep -E 'ERROR|Exception' "$f" | tail -n 20 >&2 || true
  done
fi
exit "$status"
