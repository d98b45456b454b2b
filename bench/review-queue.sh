#!/usr/bin/env bash
# The review queue page with 10,000 pending items (target: p95 < 100 ms at 10 connections).
#
#   bench/review-queue.sh
#
# Needs a running portal on a generated dataset (bench/README.md) and the JDBC URL of its
# database. Puts the pending items in the queue and a staff account in the members
# (bench/ReviewQueueSeed.java), signs in as that staff member with curl and runs wrk on the
# queue's first page, its fifth page (keyset cursor) and a filtered page. Environment:
#   BASE_URL     the portal (default http://127.0.0.1:8090); loopback only
#   DB_URL       JDBC URL of the portal's database (required)
#   STAFF_USER / STAFF_PASSWORD   the staff account (created when missing)
#   ITEMS        pending items to create (default 10000)
#   DURATION     wrk run length (default 20s); CONNECTIONS (default 10)
#   WARMUP       unmeasured load before the measured runs, in seconds (default 150), spread
#                over the three pages in turns: on 2 cores the JIT compiler keeps compiling for
#                about two minutes of load after a start, and a page measured before that
#                measures the compiler (bench/README.md, "Cost of metrics and request logging")
set -euo pipefail
cd "$(dirname "$0")/.."
base_url="${BASE_URL:-http://127.0.0.1:8090}"
connector="$(ls ~/.m2/repository/com/mysql/mysql-connector-j/*/mysql-connector-j-*.jar | grep -v sources | tail -1)"
java -cp "$connector" bench/ReviewQueueSeed.java "$DB_URL" "${ITEMS:-10000}" "$STAFF_USER" "$STAFF_PASSWORD"

source bench/staff-session.sh
cookie="$(staff_session "$base_url" "$STAFF_USER" "$STAFF_PASSWORD" /mod/review)"

page="$base_url/mod/review"
for i in 1 2 3 4; do
  next="$(curl -s -H "Cookie: $cookie" "$page" | sed -n 's/.*href="\/mod\/review?[^"]*after=\([0-9_]*\)".*/\1/p' | head -1)"
  page="$base_url/mod/review?after=$next"
done
paths=("/mod/review" "${page#"$base_url"}" "/mod/review?kind=APPROVAL")
warmup="${WARMUP:-150}"
for _ in $(seq 1 $(((${warmup%s} + 29) / 30))); do
  for path in "${paths[@]}"; do
    wrk -t2 -c"${CONNECTIONS:-10}" -d10s --timeout 10s -H "Cookie: $cookie" "$base_url$path" >/dev/null
  done
done
for path in "${paths[@]}"; do
  echo "== $path"
  wrk -t2 -c"${CONNECTIONS:-10}" -d"${DURATION:-20s}" --timeout 10s -s bench/report.lua -H "Cookie: $cookie" \
    "$base_url$path" | grep '^RESULT'
  echo
done
