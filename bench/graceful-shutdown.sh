#!/usr/bin/env bash
# Graceful shutdown under load (see bench/README.md, "Graceful shutdown").
#
#   bench/graceful-shutdown.sh
#
# Starts the built portal jar with its embedded database on a fresh data directory under
# bench/work/graceful (demo profile; mail to bench/slow-smtp.py, which takes MAIL_DELAY
# seconds per mail), queues MAILS mails in the outbox, starts a slow stream of survey
# answers (bench/AnswerStream.java) and, once WARMUP answers are stored and STOP_AFTER
# seconds more have passed, sends the portal SIGTERM,
# as a service manager or an orchestrator does. When the process has exited it starts the
# database server alone on the portal's data and checks that
#   - every answer the portal acknowledged is stored as a completed response, and no
#     response of the stream was left half-written,
#   - every mail the SMTP server accepted is marked sent, every mail marked sent was accepted,
#     and no mail is left claimed (the ones not sent are pending again for the next start),
#   - the log shows the order: web server drained, dispatchers stopped, embedded database
#     stopped last,
# prints the figures and exits 1 when one check fails.
#
# Build the jar first: ./mvnw -B -ntp -pl portal-web -am package -DskipTests -Dspotbugs.skip
# Environment: WARMUP (10 answers), STOP_AFTER (5 s), MAILS (200), MAIL_DELAY (1 s per mail), CONNECTIONS (4),
# PACE_MS (100), JAR, JAVA_OPTS, MARIADB_HOME, BENCH_WORK.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/mariadb-tools.sh"

WARMUP="${WARMUP:-10}"
STOP_AFTER="${STOP_AFTER:-5}"
MAILS="${MAILS:-200}"
MAIL_DELAY="${MAIL_DELAY:-1}"
CONNECTIONS="${CONNECTIONS:-4}"
PACE_MS="${PACE_MS:-100}"
jar="$(portal_jar)"
mariadb_home >/dev/null
run="$bench_work/graceful"
rm -rf "$run"
mkdir -p "$run"
app_port="$(free_port)"
smtp_port="$(free_port)"
base="http://127.0.0.1:$app_port"
now_ms() { date +%s%3N; }

app_pid=""
smtp_pid=""
load_pid=""
cleanup() {
  touch "$run/stop"
  [[ -n "$load_pid" ]] && kill "$load_pid" 2>/dev/null || true
  [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null || true
  [[ -n "$smtp_pid" ]] && kill "$smtp_pid" 2>/dev/null || true
  mdb_stop "$run/db/data"
}
trap cleanup EXIT

python3 "$here/slow-smtp.py" "$smtp_port" "$run/smtp.txt" "$MAIL_DELAY" &
smtp_pid=$!
touch "$run/smtp.txt"

# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar "$jar" --spring.profiles.active=demo --server.port="$app_port" \
  --rapport.db.embedded.data-dir="$run/db" --rapport.search.index-dir="$run/search-index" \
  --spring.mail.host=127.0.0.1 --spring.mail.port="$smtp_port" --rapport.mail.poll-interval=1s \
  --rapport.survey.rate.per-address=100000000 --rapport.survey.rate.per-respondent=100000000 \
  --rapport.survey.min-answer-time=0s >"$run/app.log" 2>&1 &
app_pid=$!
wait_http "$base/actuator/health/readiness" 600
db_port="$(grep -o 'Embedded MariaDB on 127.0.0.1:[0-9]*' "$run/app.log" | head -n 1 | cut -d: -f2)"
echo "portal ready on $base, its embedded database on 127.0.0.1:$db_port"

# mails in the outbox, due now (the demo's own mails, if any, go the same way)
values=""
for i in $(seq 1 "$MAILS"); do
  values+="${values:+,}('graceful-$i@example.test', 'Graceful $i', 'Body $i', NOW(6), NOW(6))"
done
mdb_sql "$db_port" "INSERT INTO mail_outbox (recipient, subject, body, created_at, next_attempt_at) VALUES $values" rapport

BASE_URL="$base" OUT_DIR="$run" DURATION=600 CONNECTIONS="$CONNECTIONS" PACE_MS="$PACE_MS" RETRY_FOR=5 \
  java "$here/AnswerStream.java" >"$run/stream.txt" 2>&1 &
load_pid=$!
for _ in $(seq 1 600); do
  stored="$(mdb_sql "$db_port" "SELECT COUNT(*) FROM survey_response WHERE status = 'COMPLETE'" rapport || echo 0)"
  [[ "$stored" -ge "$WARMUP" ]] && break
  sleep 0.5
done
echo "$stored answers stored; SIGTERM in $STOP_AFTER s"

sleep "$STOP_AFTER"
term_ms="$(now_ms)"
kill -TERM "$app_pid"
set +e
wait "$app_pid"
exit_code=$?
set -e
exit_ms="$(now_ms)"
app_pid=""
echo "SIGTERM: the portal exited with status $exit_code after $((exit_ms - term_ms)) ms"
touch "$run/stop"
wait "$load_pid" || true
load_pid=""
kill "$smtp_pid" 2>/dev/null || true
smtp_pid=""
cat "$run/stream.txt"

# --- checks, on the portal's own data with the database server started alone
check_port="$(free_port)"
mdb_start "$run/db/data" "$check_port" --skip-grant-tables
mdb_sql "$check_port" "SELECT public_id FROM survey_response WHERE status = 'COMPLETE'" rapport | sort >"$run/stored.txt"
mdb_sql "$check_port" "SELECT public_id FROM survey_response WHERE status <> 'COMPLETE'" rapport | sort >"$run/partial.txt"
cut -d' ' -f2 "$run/acknowledged.txt" | sort >"$run/acked.txt"
sort -u "$run/attempted.txt" >"$run/attempted.sorted"
acked="$(wc -l <"$run/acked.txt")"
acked_while_stopping="$(awk -v a="$term_ms" '$1 >= a' "$run/acknowledged.txt" | wc -l)"
lost="$(comm -23 "$run/acked.txt" "$run/stored.txt" | wc -l)"
half_done="$(comm -12 "$run/attempted.sorted" "$run/partial.txt" | wc -l)"
stored_unacked="$(comm -23 <(comm -12 "$run/attempted.sorted" "$run/stored.txt") "$run/acked.txt" | wc -l)"

accepted="$(grep -c 'graceful-' "$run/smtp.txt" || true)"
marked="$(mdb_sql "$check_port" "SELECT COUNT(*) FROM mail_outbox WHERE recipient LIKE 'graceful-%' AND sent_at IS NOT NULL" rapport)"
pending="$(mdb_sql "$check_port" "SELECT COUNT(*) FROM mail_outbox WHERE recipient LIKE 'graceful-%' AND sent_at IS NULL" rapport)"
claimed="$(mdb_sql "$check_port" "SELECT (SELECT COUNT(*) FROM mail_outbox WHERE claimed_by IS NOT NULL) + (SELECT COUNT(*) FROM survey_webhook_delivery WHERE claimed_by IS NOT NULL)" rapport)"
twice="$(sort "$run/smtp.txt" | cut -d' ' -f2 | sort | uniq -d | wc -l)"

line_of() { grep -n "$1" "$run/app.log" | head -n 1 | cut -d: -f1; }
drain_start="$(line_of 'Commencing graceful shutdown')"
drain_end="$(line_of 'Graceful shutdown complete')"
handed_back="$(grep -o 'Mail outbox: [0-9]* claimed mails handed back unsent' "$run/app.log" | head -n 1 || true)"
db_stopped="$(line_of 'Embedded MariaDB stopped')"
last_mail_ms="$(sort -n "$run/smtp.txt" | tail -n 1 | cut -d' ' -f1)"

echo
echo "answers: $acked acknowledged, $acked_while_stopping of them after SIGTERM (in flight when it came); acknowledged but not stored: $lost; left half-written: $half_done; stored but not acknowledged: $stored_unacked"
echo "mail: $MAILS queued, $accepted accepted by the SMTP server, $marked marked sent, $pending pending for the next start, $claimed rows left claimed, $twice sent twice; ${handed_back:-no claim handed back}"
echo "last mail accepted $(( ${last_mail_ms:-$term_ms} - term_ms )) ms after SIGTERM; log lines: graceful shutdown began at ${drain_start:-?}, web server drained at ${drain_end:-?}, embedded database stopped at ${db_stopped:-?}"

status=0
[[ "$lost" == 0 ]] || { echo "FAIL: acknowledged answers not stored"; status=1; }
[[ "$half_done" == 0 ]] || { echo "FAIL: responses left half-written"; status=1; }
[[ "$accepted" == "$marked" ]] || { echo "FAIL: mails accepted ($accepted) != marked sent ($marked)"; status=1; }
[[ "$claimed" == 0 ]] || { echo "FAIL: rows left claimed"; status=1; }
[[ "$twice" == 0 ]] || { echo "FAIL: a mail sent twice"; status=1; }
[[ "$pending" -gt 0 ]] || echo "note: every mail was sent before the stop (raise MAILS or MAIL_DELAY to stop in the middle)"
if [[ -z "$drain_end" || -z "$db_stopped" || "$drain_end" -gt "$db_stopped" ]]; then
  echo "FAIL: the embedded database did not stop after the web server drained"
  status=1
fi
[[ "$status" == 0 ]] && echo "PASS: nothing lost, nothing half-done, nothing left claimed"
exit "$status"
