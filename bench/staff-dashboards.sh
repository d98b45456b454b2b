#!/usr/bin/env bash
# The staff dashboards: community health and follow-ups (target: p95 < 200 ms at 10
# connections on 1,000,000 posts).
#
#   bench/staff-dashboards.sh
#
# Needs a running portal on a generated dataset (bench/README.md) and a staff account.
# Waits until the community rollups have counted every post (they are brought up to date
# every 30 seconds; the time this takes is printed, it is the cost of counting the whole
# dataset once), signs in with curl and runs wrk on each dashboard. Environment:
#   BASE_URL     the portal (default http://127.0.0.1:8090); loopback only
#   STAFF_USER / STAFF_PASSWORD   the staff account
#   DURATION     wrk run length (default 20s); WARMUP (default 10s); CONNECTIONS (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
base_url="${BASE_URL:-http://127.0.0.1:8090}"

source bench/staff-session.sh
cookie="$(staff_session "$base_url" "$STAFF_USER" "$STAFF_PASSWORD" /staff/community)"

# the year's replies grow until the rollups have counted every post
started=$(date +%s)
previous=-1
while :; do
  replies="$(curl -s -H "Cookie: $cookie" "$base_url/staff/community?days=365" \
    | sed -n 's/.*id="chart-replies"[^>]*>[^:]*: \([0-9]*\).*/\1/p' | head -1)"
  [ "$replies" = "$previous" ] && break
  previous="$replies"
  sleep 35
done
echo "rollups caught up after about $(( $(date +%s) - started - 35 )) s ($replies replies in the last 365 days)"

for path in "/staff/community" "/staff/community?days=365" "/staff/follow-ups" "/staff"; do
  echo "== $path"
  wrk -t2 -c"${CONNECTIONS:-10}" -d"${WARMUP:-10s}" --timeout 10s -H "Cookie: $cookie" "$base_url$path" >/dev/null
  wrk -t2 -c"${CONNECTIONS:-10}" -d"${DURATION:-20s}" --timeout 10s -s bench/report.lua -H "Cookie: $cookie" \
    "$base_url$path" | grep '^RESULT'
  echo
done
