#!/usr/bin/env bash
# Benchmark: the complaint report with a million closed complaints on MariaDB (docs/benchmark.md has the result).
# Not part of the test suite. Needs a local MariaDB whose root logs in over the socket (docker/mariadb-for-tests.sh
# sets one up), and a built Kefu (mvn -B -ntp -o -DskipTests package). Takes a few minutes.
#   bash docs/benchmark/complaint-report.sh [rows]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS="${1:-1000000}"
PORT="${BENCH_PORT:-8095}"
DB=kefu_bench
JAR=$(ls target/kefu-*.jar | grep -v plain | head -1)
sql() { mariadb -uroot --protocol=socket "$DB" "$@"; }

mariadb -uroot --protocol=socket <<SQL
DROP DATABASE IF EXISTS $DB;
CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS 'kefu'@'localhost' IDENTIFIED BY 'kefu';
CREATE USER IF NOT EXISTS 'kefu'@'127.0.0.1' IDENTIFIED BY 'kefu';
GRANT ALL ON $DB.* TO 'kefu'@'localhost';
GRANT ALL ON $DB.* TO 'kefu'@'127.0.0.1';
SQL

# Kefu creates its schema (Flyway, Camunda) and the demo users and customers
export SPRING_PROFILES_ACTIVE=mysql KEFU_DEMO_ENABLED=true SERVER_PORT="$PORT"
source docs/benchmark/mysql-options.sh
export KEFU_DB_URL="jdbc:mysql://127.0.0.1:3306/$DB?$MYSQL_OPTS"
java -jar "$JAR" > /tmp/kefu-bench.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf "http://localhost:$PORT/actuator/health/readiness" >/dev/null; do sleep 2; done

echo "Inserting $ROWS closed complaints over five years (2021–2025)..."
time sql <<SQL
SET SESSION unique_checks = 0;
INSERT INTO complaint (case_no, customer_id, complainant_name, complainant_phone, channel, category, severity,
  description, owner_id, status, notify_manager, manager_approval, repeat_complaint, reopen_count, department,
  created_at, response_due, responded_at, resolution_due, resolved_at, closed_at, satisfaction, customer_accepted,
  updated_at, version)
SELECT CONCAT('BM', seq), (SELECT MIN(id) FROM customer) + seq % 120, '张三', '13800000000', 'HOTLINE',
  ELT(1 + seq % 8, 'PRODUCT_QUALITY', 'DELIVERY', 'SERVICE_ATTITUDE', 'SALES_PROMISE', 'BILLING', 'CONTRACT', 'TECHNICAL', 'OTHER'),
  ELT(1 + seq % 3, 'MINOR', 'MAJOR', 'CRITICAL'), '基准测试', 'agent', 'CLOSED', false, false, seq % 20 = 0, 0,
  ELT(1 + seq % 6, 'sales', 'business', 'warehouse', 'finance', 'tech', 'service'),
  t, t + INTERVAL 4 HOUR, t + INTERVAL (seq % 7) HOUR, t + INTERVAL 48 HOUR, t + INTERVAL (seq % 72) HOUR,
  t + INTERVAL 80 HOUR, ELT(1 + seq % 3, 'SATISFIED', 'NEUTRAL', 'DISSATISFIED'), true, t, 0
FROM (SELECT seq, TIMESTAMP '2021-01-01 00:00:00' + INTERVAL (seq * 157) SECOND AS t FROM seq_1_to_$ROWS) s;
-- only the inserted complaints: the demo data's cases have their own breaches (same key: complaint_id, position)
INSERT INTO complaint_breach (complaint_id, position, type, deadline, detected_at)
SELECT id, 0, 'RESPONSE', response_due, response_due FROM complaint
WHERE case_no LIKE 'BM%' AND responded_at > response_due;
ANALYZE TABLE complaint, complaint_breach;
SQL
sql -e "SELECT COUNT(*) AS complaints, MIN(created_at), MAX(created_at) FROM complaint; SELECT COUNT(*) AS breaches FROM complaint_breach"

report() {
  curl -s -u manager:manager -o /dev/null -w "%{http_code} %{time_total}s  $1\n" "http://localhost:$PORT/api/reports/$1"
}
echo "Warm-up, then each report three times:"
report "complaints?month=2024-06" >/dev/null
for q in "complaints?month=2024-06" "complaints?from=2024-01-01&to=2024-12-31" "complaints?from=2021-01-01&to=2025-12-31" \
         "satisfaction?month=2024-06" "complaints.xlsx?month=2024-06"; do
  for _ in 1 2 3; do report "$q"; done
done
echo "Query plan of the grouped query for one month:"
sql -e "EXPLAIN SELECT category, COUNT(*) FROM complaint WHERE created_at >= '2024-05-31 16:00' AND created_at < '2024-06-30 16:00' GROUP BY category"
