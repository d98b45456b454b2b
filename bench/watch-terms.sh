#!/usr/bin/env bash
# The watch-terms page (social listening): target p95 < 200 ms at 10 connections on a
# generated dataset of 1,000,000 posts.
#
#   bench/watch-terms.sh
#
# Needs a running portal on a generated dataset (bench/README.md) and a staff account.
# Adds the dataset's product names as watch terms through the page's form (terms already
# watched are kept), waits until the background job has counted them over every existing
# post and answer (it prints how long that took: the cost of backfilling that many terms
# once), then runs wrk on the page per week, per day, its CSV and one term's mentions.
# Environment:
#   BASE_URL     the portal (default http://127.0.0.1:8090); loopback only
#   STAFF_USER / STAFF_PASSWORD   the staff account
#   TERMS        the terms, one per line (default: ten product names of the generator)
#   DURATION     wrk run length (default 20s); WARMUP (default 10s); CONNECTIONS (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
base_url="${BASE_URL:-http://127.0.0.1:8090}"
terms="${TERMS:-Aurora 3 headphones
Nimbus router
Orbit watch
Lumen desk lamp
Pulse band
Vertex laptop
companion app
Cascade coffee maker
Halo speaker
Drift scooter}"

for tool in wrk curl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is not installed: run 'sudo apt-get install $tool'" >&2; exit 2; }
done
source bench/staff-session.sh
cookie="$(staff_session "$base_url" "$STAFF_USER" "$STAFF_PASSWORD" /staff/watch-terms)"

# the form's CSRF token lives in the XSRF-TOKEN cookie (CookieCsrfTokenRepository)
jar="$(mktemp)"
trap 'rm -f "$jar"' EXIT
token="$(curl -s -c "$jar" -H "Cookie: $cookie" "$base_url/staff/watch-terms" \
  | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)"
xsrf="$(awk '$6 == "XSRF-TOKEN" { print $7 }' "$jar" | head -1)"
while IFS= read -r term; do
  [ -n "$term" ] || continue
  curl -s -o /dev/null -H "Cookie: $cookie; XSRF-TOKEN=$xsrf" --data-urlencode "term=$term" \
    --data-urlencode "_csrf=$token" "$base_url/staff/watch-terms"
done <<<"$terms"

# the page marks each term whose older content is still being counted
started=$(date +%s)
while curl -s -H "Cookie: $cookie" "$base_url/staff/watch-terms" | grep -q 'class="badge">Counting older'; do
  sleep 5
done
echo "backfill done after about $(( $(date +%s) - started )) s"
page="$(curl -s -H "Cookie: $cookie" "$base_url/staff/watch-terms")"
echo "$(grep -o 'id="term-[0-9]*"' <<<"$page" | wc -l) terms watched"
first_term="$(grep -o 'href="/staff/watch-terms/[0-9]*"' <<<"$page" | head -1 | sed 's/.*terms\///; s/"//')"

for path in "/staff/watch-terms" "/staff/watch-terms?by=day" "/staff/watch-terms.csv" "/staff/watch-terms/$first_term"; do
  echo "== $path"
  wrk -t2 -c"${CONNECTIONS:-10}" -d"${WARMUP:-10s}" --timeout 10s -H "Cookie: $cookie" "$base_url$path" >/dev/null
  wrk -t2 -c"${CONNECTIONS:-10}" -d"${DURATION:-20s}" --timeout 10s -s bench/report.lua -H "Cookie: $cookie" \
    "$base_url$path" | grep '^RESULT'
  echo
done
