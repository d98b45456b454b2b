#!/usr/bin/env bash
# Two portal nodes on one database behave as one site (README "Operations", docs/architecture.md
# "Several nodes"). Builds nothing: run `./mvnw -B -ntp package -DskipTests` first.
#
# Node A starts with the embedded MariaDB on a fixed port in a fresh temporary directory; node B
# starts on another HTTP port with spring.datasource.url pointing at A's server and an index
# directory of its own. Then, with curl only:
#   1. a session made by logging in on A is logged in on B, and logging out on B ends it on A;
#   2. wrong passwords split between A and B (3 + 2) pause the login on both;
#   3. a topic posted and then edited on A is found by the search of B (time until B finds it printed);
#   4. the rollup job, due every 2 s on each node, ran about once per 2 s in total, not twice;
#   5. a brand name changed on A shows on B (cached for at most 5 s; time printed).
# Exit status 0 when every check passed. Ports: PORT_A (18081), PORT_B (18082), DB_PORT (13306).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT_A="${PORT_A:-18081}"
PORT_B="${PORT_B:-18082}"
DB_PORT="${DB_PORT:-13306}"
JAR="$(ls portal-web/target/portal-web-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)"
[ -n "$JAR" ] || { echo "no portal-web jar: run ./mvnw -B -ntp package -DskipTests first" >&2; exit 2; }

WORK="$(mktemp -d -t rapport-two-nodes-XXXXXX)"
A="http://127.0.0.1:$PORT_A"
B="http://127.0.0.1:$PORT_B"
STAFF=nodestaff
STAFF_PASSWORD="two nodes one database"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

failures=0
pass() { echo "PASS  $*"; }
fail() { echo "FAIL  $*"; failures=$((failures + 1)); }
now_ms() { date +%s%3N; }

# the rollup job every 2 s on both nodes, to see it run once per period for the cluster
# every node of one site shares the remember-me key (node B, on an external database, refuses to
# start without one)
common=(--rapport.community.rollup-interval=2s --rapport.community.rollup-initial-delay=1s
  --rapport.security.remember-me-key="two-nodes-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  --rapport.mail.poll-interval=5s --logging.level.root=WARN --logging.level.rapport.request=WARN)

echo "node A: http $PORT_A, embedded MariaDB on 127.0.0.1:$DB_PORT, data in $WORK"
java -Xmx512m -jar "$JAR" --server.port="$PORT_A" --rapport.node.name=node-a \
  --rapport.db.embedded.data-dir="$WORK/db" --rapport.db.embedded.port="$DB_PORT" \
  --rapport.search.index-dir="$WORK/index-a" \
  --rapport.first-staff.username="$STAFF" --rapport.first-staff.email=nodestaff@example.invalid \
  --rapport.first-staff.password="$STAFF_PASSWORD" "${common[@]}" >"$WORK/node-a.log" 2>&1 &
pids+=($!)

wait_ready() {
  local url="$1" log="$2" started
  started=$(date +%s)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/actuator/health/readiness")" = 200 ]; do
    if [ $(($(date +%s) - started)) -gt 240 ]; then
      echo "$url did not become ready; last log lines:" >&2
      tail -30 "$log" >&2
      exit 1
    fi
    sleep 1
  done
  echo "$url ready after $(($(date +%s) - started)) s"
}
wait_ready "$A" "$WORK/node-a.log"

JDBC="jdbc:mysql://127.0.0.1:$DB_PORT/rapport?sslMode=DISABLED&characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci"
java -Xmx512m -jar "$JAR" --server.port="$PORT_B" --rapport.node.name=node-b \
  --spring.datasource.url="$JDBC" --spring.datasource.username=root --spring.datasource.password= \
  --rapport.search.index-dir="$WORK/index-b" "${common[@]}" >"$WORK/node-b.log" 2>&1 &
pids+=($!)
wait_ready "$B" "$WORK/node-b.log"

sql() {
  "$WORK/db/server/bin/mariadb" --skip-ssl -h127.0.0.1 -P"$DB_PORT" -uroot -N -B rapport -e "$1"
}

# log in: the login page's CSRF cookie and field, then the form; the jar keeps the SESSION cookie
login() {
  local base="$1" jar="$2" user="$3" password="$4" token
  token="$(curl -s -b "$jar" -c "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)"
  curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{redirect_url}' --data-urlencode "username=$user" \
    --data-urlencode "password=$password" --data-urlencode "_csrf=$token" "$base/login"
}
# a form post with the CSRF token of a page the session may open
post_form() {
  local base="$1" jar="$2" page="$3" action="$4"
  shift 4
  local token
  token="$(curl -s -b "$jar" -c "$jar" "$base$page" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)"
  curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' --data-urlencode "_csrf=$token" "$@" \
    "$base$action"
}
account_name() {
  curl -s -b "$1" "$2/" | sed -n 's/.*class="account-name"[^>]*>\([^<]*\)<.*/\1/p' | head -1
}

echo
echo "== 1. sessions in the database"
jar="$WORK/staff.jar"
login "$A" "$jar" "$STAFF" "$STAFF_PASSWORD" >/dev/null
sessions="$(sql "SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = '$STAFF'")"
[ "$(account_name "$jar" "$A")" = "$STAFF" ] && pass "logged in on A" || fail "login on A"
[ "$(account_name "$jar" "$B")" = "$STAFF" ] && pass "the session cookie from A is logged in on B ($sessions session row)" \
  || fail "session from A not known on B"
status="$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' "$B/staff")"
[ "$status" = 200 ] && pass "B grants the staff area to A's session" || fail "B answered $status for /staff"
anon_before="$(sql "SELECT COUNT(*) FROM SPRING_SESSION")"
curl -s -o /dev/null "$A/" && curl -s -o /dev/null "$B/latest"
[ "$(sql "SELECT COUNT(*) FROM SPRING_SESSION")" = "$anon_before" ] && pass "anonymous page views create no session row" \
  || fail "an anonymous page view created a session"
other="$WORK/other.jar"
login "$B" "$other" "$STAFF" "$STAFF_PASSWORD" >/dev/null
cookie="$(awk '$6 == "SESSION" { print "SESSION=" $7 }' "$other")"
[ "$(curl -s -H "Cookie: $cookie" "$A/" | grep -c 'class="account-name"')" -ge 1 ] \
  && pass "a session made on B is logged in on A" || fail "session from B not known on A"
post_form "$B" "$other" "/" "/logout" >/dev/null
# the same cookie, sent again after the logout
[ "$(curl -s -H "Cookie: $cookie" "$A/" | grep -c 'class="account-name"')" = 0 ] \
  && pass "logging out on B ends that session on A too" || fail "session still alive on A after logout on B"

echo
echo "== 2. login throttle counted across nodes"
sql "INSERT INTO member (username, email, password_hash, created_at) SELECT 'throttled', 'throttled@example.invalid', password_hash, NOW(6) FROM member WHERE username = '$STAFF'"
for i in 1 2 3; do login "$A" "$WORK/t.jar" throttled "wrong $i" >/dev/null; done
for i in 4 5; do login "$B" "$WORK/t.jar" throttled "wrong $i" >/dev/null; done
where="$(login "$A" "$WORK/t.jar" throttled "$STAFF_PASSWORD")"
case "$where" in
*"/login?locked") pass "3 failures on A + 2 on B pause the login (right password refused on A: $where)" ;;
*) fail "6th login after 3 + 2 failures went to $where" ;;
esac
where="$(login "$B" "$WORK/t.jar" throttled "$STAFF_PASSWORD")"
case "$where" in
*"/login?locked") pass "and on B" ;;
*) fail "B let the paused login in: $where" ;;
esac

echo
echo "== 3. search index follows changes made through the other node"
post_form "$A" "$jar" "/staff/categories" "/staff/categories" --data-urlencode slug=two-nodes \
  --data-urlencode name="Two nodes" --data-urlencode color="#123456" --data-urlencode kind=DISCUSSION \
  --data-urlencode readAccess=ANYONE --data-urlencode createAccess=MEMBER --data-urlencode replyAccess=MEMBER >/dev/null
category="$(sql "SELECT id FROM category WHERE slug = 'two-nodes'")"
word="zwordnodes$RANDOM$RANDOM"
[ -n "$(curl -s "$B/search?q=$word" | grep -o 'Kerosene lantern on two nodes' | head -1)" ] && fail "found before posting"
created="$(post_form "$A" "$jar" "/new-topic" "/new-topic" --data-urlencode categoryId="$category" \
  --data-urlencode title="Kerosene lantern on two nodes" --data-urlencode body="The wick needs trimming $word")"
posted=$(now_ms)
echo "posted on A: $created"
found=""
for _ in $(seq 1 100); do
  if curl -s "$B/search?q=$word" | grep -q 'Kerosene lantern on two nodes'; then found=$(now_ms); break; fi
  sleep 0.1
done
[ -n "$found" ] && pass "B finds the topic posted on A after $((found - posted)) ms" || fail "B never found the topic"
post="$(sql "SELECT p.id FROM post p JOIN topic t ON t.id = p.topic_id WHERE t.title = 'Kerosene lantern on two nodes' AND p.post_number = 1")"
version="$(curl -s -b "$jar" "$A/p/$post/edit" | sed -n 's/.*name="version" value="\([0-9]*\)".*/\1/p' | head -1)"
edited_word="zeditnodes$RANDOM$RANDOM"
post_form "$A" "$jar" "/p/$post/edit" "/p/$post/edit" --data-urlencode title="Kerosene lantern on two nodes" \
  --data-urlencode body="Trim the wick, then $edited_word" --data-urlencode version="$version" >/dev/null
edited=$(now_ms)
seen=""
for _ in $(seq 1 100); do
  if curl -s "$B/search?q=$edited_word" | grep -q 'Kerosene lantern on two nodes'; then seen=$(now_ms); break; fi
  sleep 0.1
done
[ -n "$seen" ] && pass "B finds the text edited on A after $((seen - edited)) ms" || fail "B never found the edit"
curl -s "$B/search?q=$word" | grep -q 'Kerosene lantern on two nodes' && fail "B still finds the text replaced on A" \
  || pass "and no longer finds the replaced text"
echo "change log rows: $(sql "SELECT GROUP_CONCAT(CONCAT(kind, ' by ', origin) SEPARATOR ', ') FROM search_change")"

echo
echo "== 4. scheduled work runs once for the cluster"
before="$(sql "SELECT runs FROM cluster_lock WHERE name = 'community-rollups'")"
sleep 20
after="$(sql "SELECT runs FROM cluster_lock WHERE name = 'community-rollups'")"
runs=$((after - before))
echo "community-rollups (every 2 s on each node): $runs runs in 20 s; lock rows:"
sql "SELECT name, runs, locked_by FROM cluster_lock ORDER BY name" | sed 's/^/    /'
if [ "$runs" -ge 8 ] && [ "$runs" -le 12 ]; then
  pass "about once per 2 s for both nodes together (twice as many without the lock)"
else
  fail "expected 8-12 runs in 20 s, got $runs"
fi
ran_on="$(sql "SELECT COUNT(DISTINCT locked_by) FROM cluster_lock")"
echo "    nodes seen holding locks: $ran_on"

echo
echo "== 5. cached settings"
name="Lantern Co $RANDOM"
accent="$(sql "SELECT accent_color FROM brand WHERE id = 1")"
post_form "$A" "$jar" "/staff/brand" "/staff/brand" --data-urlencode name="$name" --data-urlencode accentColor="$accent" >/dev/null
changed=$(now_ms)
seen=""
for _ in $(seq 1 100); do
  if curl -s "$B/" | grep -q "$name"; then seen=$(now_ms); break; fi
  sleep 0.1
done
[ -n "$seen" ] && pass "B shows the brand name changed on A after $((seen - changed)) ms (cache of at most 5 s)" \
  || fail "B never showed the new brand name"

echo
if [ "$failures" -eq 0 ]; then echo "all checks passed"; else echo "$failures check(s) failed; logs in $WORK"; trap - EXIT; fi
exit "$failures"
