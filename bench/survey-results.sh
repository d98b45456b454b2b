#!/usr/bin/env bash
# The survey results page under load (see bench/README.md, "Survey results").
#
#   bench/survey-results.sh generate [--embedded DIR | --url URL --user U] [--responses N]
#   bench/survey-results.sh load
#
# generate: adds the survey "bench-results" (NPS, customer effort, open text) with N
#   responses (default 1,000,000) spread over the last 365 days to a dataset made by
#   bench/generate.sh (default: the embedded one in bench/data; the portal must not be
#   running on it meanwhile), with com.rapport.db.bench.SurveyResultsGenerator. Only raw
#   rows are written: start the portal once with --rapport.survey.sentiment.backfill=true
#   --rapport.rollups.rebuild=true to score the texts and build the rollups (both timed in
#   its log).
# load: signs in to a running portal as the dataset's staff member (benchadmin) and runs
#   wrk on /staff/surveys/{id}/results at 10 connections, each request the next of: the
#   default page (90 days), 30 and 365 days, negative answers only, a text search, and a
#   second page of answers (target: p95 under 200 ms). Environment as for bench/load.sh:
#   BASE_URL, DURATION, WARMUP, CONNECTIONS, THREADS, RESULTS_DIR; BENCH_USER /
#   BENCH_PASSWORD (default benchadmin / bench-password-2026).
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$bench_dir/.." && pwd)"
command="${1:-}"
shift || true

if [ "$command" = "generate" ]; then
	cd "$root"
	classpath_file="$root/db/target/bench-classpath.txt"
	# shellcheck disable=SC2086 # BENCH_MAVEN_FLAGS is a list of flags
	./mvnw -q -B ${BENCH_MAVEN_FLAGS:-} -pl db -Dspring-javaformat.skip=true compile dependency:build-classpath \
		-Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime
	args=("$@")
	case " ${args[*]:-} " in
	*" --url "* | *" --embedded "*) ;;
	*) args=(--embedded "$root/bench/data" "${args[@]}") ;;
	esac
	# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
	exec java ${BENCH_JAVA_OPTS:--Xmx1g} -cp "$root/db/target/classes:$(cat "$classpath_file")" \
		com.rapport.db.bench.SurveyResultsGenerator "${args[@]}"
fi

if [ "$command" != "load" ]; then
	sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
	exit 2
fi

base_url="${BASE_URL:-http://127.0.0.1:8080}"
base_url="${base_url%/}"
duration="${DURATION:-30s}"
warmup="${WARMUP:-10s}"
connections="${CONNECTIONS:-10}"
threads="${THREADS:-2}"
user="${BENCH_USER:-benchadmin}"
password="${BENCH_PASSWORD:-bench-password-2026}"

# benchmark traffic goes to this machine only
case "$base_url" in
http://127.0.0.1 | http://127.0.0.1:* | http://localhost | http://localhost:* | http://\[::1\] | http://\[::1\]:*) ;;
*)
	echo "BASE_URL must be http://127.0.0.1, http://localhost or http://[::1] (got $base_url)" >&2
	exit 2
	;;
esac
for tool in wrk curl; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "$tool is not installed: run 'sudo apt-get install $tool'" >&2
		exit 2
	}
done

results_dir="${RESULTS_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/rapport-results.XXXXXX")}"
mkdir -p "$results_dir"
# sign in as a browser would (bench/staff-session.sh)
source "$bench_dir/staff-session.sh"
cookie="$(staff_session "$base_url" "$user" "$password" /staff/surveys)" || exit 1

# the survey's id, from the staff's survey list
curl -s -o "$results_dir/surveys.html" -H "Cookie: $cookie" "$base_url/staff/surveys"
# the row of the survey in the list: <tr id="survey-bench-results"><td><a href="/staff/surveys/ID">
survey_id="${SURVEY_ID:-$(tr '\n' ' ' <"$results_dir/surveys.html" | grep -o 'id="survey-bench-results"> *<td><a href="/staff/surveys/[0-9]*"' | sed 's/.*surveys\///; s/"//' | head -n 1)}"
page="/staff/surveys/$survey_id/results"
status=$(curl -s -o "$results_dir/first-page.html" -w '%{http_code}' -H "Cookie: $cookie" "$base_url$page")
if [ -z "$survey_id" ] || [ "$status" != "200" ] || ! grep -q 'id="metric-q1-nps"' "$results_dir/first-page.html"; then
	echo "Could not open the results of bench-results as $user (HTTP $status, survey '${survey_id}'; set SURVEY_ID)" >&2
	exit 1
fi
after=$(sed -n 's/.*id="texts-next"[^>]*after=\([0-9-]*\).*/\1/p; s/.*after=\([0-9]*-[0-9]*\)[^>]*id="texts-next".*/\1/p' "$results_dir/first-page.html" | head -n 1)
paths="$page
$page?period=30
$page?period=365
$page?label=NEGATIVE
$page?q=slow
$page?after=${after:-0-0}"

run() {
	BENCH_DIR="$bench_dir" SEARCH_PATHS="$paths" \
		wrk -t "$threads" -c "$1" -d "$2" --latency --timeout 10s -H "Cookie: $cookie" \
		-s "$bench_dir/search.lua" "$base_url$page" >"$3" 2>&1
}
field() {
	sed -n "s/^RESULT .*\b$1=\([^ ]*\).*/\1/p" "$2"
}

echo "Survey results load test of $base_url$page as $user: wrk, $threads threads, $duration per run"
echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM; wrk output in $results_dir"
if [ "$warmup" != "0" ]; then
	run 10 "$warmup" "$results_dir/warmup.txt" || true
fi
printf '%11s %10s %9s %9s %9s %9s %9s %9s %9s %8s\n' \
	connections req/s mean_ms p50_ms p75_ms p90_ms p95_ms p99_ms max_ms errors
for c in $connections; do
	out="$results_dir/results_c$c.txt"
	if ! run "$c" "$duration" "$out" || ! grep -q '^RESULT ' "$out"; then
		echo "wrk failed at $c connections:" >&2
		cat "$out" >&2
		exit 1
	fi
	errors=$(($(field non2xx3xx "$out") + $(field socket_errors "$out")))
	printf '%11s %10s %9s %9s %9s %9s %9s %9s %9s %8s\n' "$c" \
		"$(field rps "$out")" "$(field mean "$out")" "$(field p50 "$out")" "$(field p75 "$out")" \
		"$(field p90 "$out")" "$(field p95 "$out")" "$(field p99 "$out")" "$(field max "$out")" "$errors"
done
