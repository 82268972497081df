#!/usr/bin/env bash
# Makes sure a MySQL-family server runs on 127.0.0.1:3306 with an empty database kefu_test for user kefu/kefu.
# Installs MariaDB from Debian's packages when there is none (CI machines start empty).
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v mariadbd >/dev/null 2>&1 && ! command -v mysqld >/dev/null 2>&1; then
  echo "Installing MariaDB..."
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq mariadb-server >/dev/null
fi

if ! mysqladmin -uroot --protocol=socket ping >/dev/null 2>&1; then
  echo "Starting MariaDB..."
  as_root mkdir -p /run/mysqld
  as_root chown mysql:mysql /run/mysqld 2>/dev/null || true
  as_root start-stop-daemon --start --oknodo --background --exec "$(command -v mariadbd || command -v mysqld)"
  for _ in $(seq 1 60); do
    mysqladmin -uroot --protocol=socket ping >/dev/null 2>&1 && break
    sleep 1
  done
fi
mysqladmin -uroot --protocol=socket ping

as_root mariadb -uroot --protocol=socket <<'SQL'
DROP DATABASE IF EXISTS kefu_test;
CREATE DATABASE kefu_test CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS 'kefu'@'localhost' IDENTIFIED BY 'kefu';
CREATE USER IF NOT EXISTS 'kefu'@'127.0.0.1' IDENTIFIED BY 'kefu';
GRANT ALL PRIVILEGES ON kefu_test.* TO 'kefu'@'localhost';
GRANT ALL PRIVILEGES ON kefu_test.* TO 'kefu'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL
echo "MariaDB ready: database kefu_test, user kefu"
