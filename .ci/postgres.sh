#!/usr/bin/env bash
# Starts a local PostgreSQL from Debian's packages (installing it if missing) with a `footnote` role and a
# `footnote_test` database, and prints the FOOTNOTE_TEST_DB_* exports for the -Ppostgres tests. Works as root (CI)
# or with sudo. Usage: eval "$(bash .ci/postgres.sh)"
set -euo pipefail
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  as_root apt-get update >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main "; then
  as_root pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | grep -q "^$version main .* online"; then
  as_root pg_ctlcluster "$version" main start >&2
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')
psql_pg() { as_root runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -tAc "$1"; }
for _ in $(seq 1 30); do psql_pg "SELECT 1" >/dev/null 2>&1 && break; sleep 1; done
if [ "$(psql_pg "SELECT 1 FROM pg_roles WHERE rolname = 'footnote'")" != "1" ]; then
  psql_pg "CREATE ROLE footnote LOGIN PASSWORD 'footnote'" >&2
fi
if [ "$(psql_pg "SELECT 1 FROM pg_database WHERE datname = 'footnote_test'")" != "1" ]; then
  psql_pg "CREATE DATABASE footnote_test OWNER footnote" >&2
fi
echo "export FOOTNOTE_TEST_DB_URL=jdbc:postgresql://127.0.0.1:$port/footnote_test"
echo "export FOOTNOTE_TEST_DB_USER=footnote"
echo "export FOOTNOTE_TEST_DB_PASSWORD=footnote"
