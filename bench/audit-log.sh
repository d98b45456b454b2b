#!/usr/bin/env bash
# The audit log under load (see bench/README.md).
#
#   bench/audit-log.sh generate [--embedded DIR | --url URL --user U] [--entries N]
#   bench/audit-log.sh load
#
# generate: adds N audit log entries (default 1,000,000) to a dataset made by
#   bench/generate.sh (default: the embedded one in bench/data; the portal must not be
#   running on it meanwhile), with com.rapport.db.bench.AuditLogGenerator.
# load: signs in to a running portal as the dataset's moderator (benchadmin) and runs wrk
#   on /mod/log at 10 connections, each request the next of: the first page, filters by
#   action, actor, target and a month, and pages deep in the log (target: p95 under
#   100 ms). Environment as for bench/load.sh: BASE_URL, DURATION, WARMUP, CONNECTIONS,
#   THREADS, RESULTS_DIR; BENCH_USER / BENCH_PASSWORD (default benchadmin /
#   bench-password-2026).
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
		com.rapport.db.bench.AuditLogGenerator "${args[@]}"
fi

if [ "$command" != "load" ]; then
	sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
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

results_dir="${RESULTS_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/rapport-audit.XXXXXX")}"
mkdir -p "$results_dir"
# sign in as a browser would (bench/staff-session.sh)
source "$bench_dir/staff-session.sh"
cookie="$(staff_session "$base_url" "$user" "$password" /mod/log)" || exit 1
status=$(curl -s -o "$results_dir/first-page.html" -w '%{http_code}' -H "Cookie: $cookie" "$base_url/mod/log")
if [ "$status" != "200" ] || ! grep -q 'id="audit-log"' "$results_dir/first-page.html"; then
	echo "Could not open /mod/log as $user (HTTP $status): is the portal running on the dataset?" >&2
	exit 1
fi

# a deep page: the id of an entry about half-way down the log
newest=$(sed -n 's/.*name="before" value="\([0-9]*\)".*/\1/p; s/.*before=\([0-9]*\)".*/\1/p' "$results_dir/first-page.html" | head -n 1)
half=$(( ${newest:-1000000} / 2 ))
paths="/mod/log
/mod/log?action=topic.close
/mod/log?actor=$user
/mod/log?targetType=TOPIC&targetId=1234
/mod/log?from=2025-03-01&to=2025-03-31
/mod/log?before=$half
/mod/log?action=member.suspend&before=$half
/mod/log?actor=$user&from=2024-06-01&to=2024-06-30"

run() {
	BENCH_DIR="$bench_dir" SEARCH_PATHS="$paths" \
		wrk -t "$threads" -c "$1" -d "$2" --latency -H "Cookie: $cookie" \
		-s "$bench_dir/search.lua" "$base_url/mod/log" >"$3" 2>&1
}
field() {
	sed -n "s/^RESULT .*\b$1=\([^ ]*\).*/\1/p" "$2"
}

echo "Audit log load test of $base_url as $user: wrk, $threads threads, $duration per run"
echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM; wrk output in $results_dir"
if [ "$warmup" != "0" ]; then
	run 10 "$warmup" "$results_dir/warmup.txt" || true
fi
printf '%11s %10s %9s %9s %9s %9s %9s %9s %9s %8s\n' \
	connections req/s mean_ms p50_ms p75_ms p90_ms p95_ms p99_ms max_ms errors
for c in $connections; do
	out="$results_dir/audit_c$c.txt"
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
