#!/usr/bin/env bash
# Survey answer benchmark against a running portal (see bench/README.md, "Survey answers").
#
#   bench/answers.sh
#
# Start the portal with the demo profile (its survey demo-nps, staff account "staff") and
# with the per-address rate limit and the minimum answer time lifted, e.g.
#   java -jar portal-web/target/portal-web-*.jar --spring.profiles.active=demo \
#     --rapport.db.embedded.data-dir="$PWD/bench/survey-data" \
#     --rapport.survey.rate.per-address=100000000 --rapport.survey.min-answer-time=0s
# Environment: BASE_URL (default http://127.0.0.1:8080), SURVEY (demo-nps), RESPONSES
# (20000), WARMUP (2000 responses submitted before the timed ones), CONNECTIONS (16),
# RETRY_EVERY (10: every tenth submit is sent twice), STAFF_USER / STAFF_PASSWORD (the
# demo's staff account), PIDS (e.g. "<portal pid>,<mariadbd pid>": prints their CPU time
# per completed response during the timed submits).
# The frame render is measured with wrk: bench/load.sh "/embed/demo-nps?url=http%3A%2F%2Flocalhost%3A8080%2F"
# (the demo survey lists the portal's own origin as allowed).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec java "$root/bench/SurveyAnswerBench.java"
