#!/usr/bin/env bash
# What metrics and request logging cost on the topic page (see bench/README.md).
#
#   bench/ops-overhead.sh [TOPIC_PATH]     e.g.  bench/ops-overhead.sh /t/six-months-with-the-lumen-desk-lamp-my-review/49978
#
# Starts the portal jar RUNS times with metrics and request logging on and RUNS times with
# both off, alternating (on-off, off-on, on-off, ...) so that a drift in the machine's load
# hits both alike; each start gets a warm-up and one measured wrk run of the topic page.
# Prints every run, the median throughput of each side with its spread (min-max), and the
# cost: (median off - median on) / median off. Each run also reports the portal's CPU time per
# request (the JVM's user + system time during the measured run / requests served): a busy or
# noisy machine changes the throughput of a run much more than the CPU a request costs, so the
# cost in CPU, 1 - (median off CPU / median on CPU), is the steadier of the two. "Off" is
#   --management.observations.enable.http.server.requests=false (no per-route timer)
#   --management.metrics.enable.all=false                     (no meter at all)
#   --rapport.request-log.enabled=false                       (no request line)
# Request lines go to the portal's console, which is kept in RESULTS_DIR as in production.
# Without TOPIC_PATH the first topic linked from the home page is used.
#
# Environment:
#   JAR              the portal jar (default: portal-web/target/portal-web-*.jar; build it with
#                    ./mvnw -o -pl portal-web -am package -DskipTests -Dspotbugs.skip)
#   DATA_DIR         the embedded database's data (default bench/data, from bench/generate.sh)
#   PORT             the portal's port (default 8091); loopback only
#   RUNS             runs per side (default 5)
#   DURATION         length of each measured run (default 20s)
#   WARMUP           unmeasured run after each start (default 15s)
#   CONNECTIONS      wrk connections (default 10)
#   THREADS          wrk threads (default 2)
#   JAVA_OPTS        JVM options for the portal (default -Xmx1g)
#   RESULTS_DIR      where wrk's output and the portal logs are kept (default: a new temporary directory)
# Used by other on/off comparisons (bench/engagement-overhead.sh), which set:
#   PORTAL_ARGS      more portal arguments for both sides, e.g. --rapport.page-cache.enabled=false
#                    to measure the rendering path instead of the anonymous page cache
#   OFF_ARGS         the portal arguments of the "off" side (default: metrics and request log off)
#   WHAT             what is switched off, for the printed lines (default: metrics and request logging)
#   USER_AGENT       sent by wrk (report.lua) when set
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root_dir="$(dirname "$bench_dir")"
port="${PORT:-8091}"
base_url="http://127.0.0.1:$port"
runs="${RUNS:-5}"
duration="${DURATION:-20s}"
warmup="${WARMUP:-15s}"
connections="${CONNECTIONS:-10}"
threads="${THREADS:-2}"
java_opts="${JAVA_OPTS:--Xmx1g}"
data_dir="$(realpath -m "${DATA_DIR:-$bench_dir/data}")"
script="$bench_dir/report.lua"

for tool in wrk curl java; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "$tool is not installed" >&2
		exit 2
	fi
done

jar="${JAR:-}"
if [ -z "$jar" ]; then
	jar="$(ls "$root_dir"/portal-web/target/portal-web-*.jar 2>/dev/null | grep -v -- '-plain\|sources' | head -n 1 || true)"
fi
if [ -z "$jar" ] || [ ! -f "$jar" ]; then
	echo "No portal jar: build it with ./mvnw -o -pl portal-web -am package -DskipTests -Dspotbugs.skip, or set JAR" >&2
	exit 2
fi
if [ ! -d "$data_dir" ]; then
	echo "No dataset in $data_dir: run bench/generate.sh first, or set DATA_DIR" >&2
	exit 2
fi
if curl -s -o /dev/null "$base_url/"; then
	echo "Something already answers on port $port: stop it or set PORT" >&2
	exit 2
fi

results_dir="${RESULTS_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/rapport-ops.XXXXXX")}"
mkdir -p "$results_dir"
portal_pid=""

stop_portal() {
	if [ -n "$portal_pid" ] && kill -0 "$portal_pid" 2>/dev/null; then
		kill -TERM "$portal_pid"
		wait "$portal_pid" 2>/dev/null || true
	fi
	portal_pid=""
}
trap stop_portal EXIT

# A start on an index older than the change log (or without one) rebuilds it in the
# background, which would take the CPU from the measured runs: wait until it is done.
wait_for_search_index() {
	local log="$1"
	sleep 2
	if ! grep -q "Search index rebuild started" "$log"; then
		return 0
	fi
	for _ in $(seq 1 900); do
		if grep -q "Search index rebuilt" "$log"; then
			return 0
		fi
		sleep 1
	done
	echo "The search index was not rebuilt within 900 s, see $log" >&2
	exit 1
}

# start_portal <on|off> <log file>: starts the jar and waits until readiness is UP
start_portal() {
	local mode="$1" log="$2"
	local off_args=() both_args=()
	# shellcheck disable=SC2206
	both_args=(${PORTAL_ARGS:-})
	if [ "$mode" = off ]; then
		# shellcheck disable=SC2206
		off_args=(${OFF_ARGS:---management.observations.enable.http.server.requests=false --management.metrics.enable.all=false --rapport.request-log.enabled=false})
	fi
	# shellcheck disable=SC2086
	java $java_opts -jar "$jar" --server.port="$port" --rapport.db.embedded.data-dir="$data_dir" \
		--rapport.search.index-dir="$results_dir/search-index" "${both_args[@]}" "${off_args[@]}" >"$log" 2>&1 &
	portal_pid=$!
	for _ in $(seq 1 300); do
		if curl -sf -o /dev/null "$base_url/actuator/health/readiness"; then
			wait_for_search_index "$log"
			return 0
		fi
		if ! kill -0 "$portal_pid" 2>/dev/null; then
			echo "The portal stopped during start-up, see $log" >&2
			exit 1
		fi
		sleep 1
	done
	echo "The portal did not become ready within 300 s, see $log" >&2
	exit 1
}

# the value of key=... in a RESULT line
field() {
	sed -n "s/^RESULT .*\b$1=\([^ ]*\).*/\1/p" "$2"
}

topic_path="${1:-}"
declare -A rps cpu
clock_ticks="$(getconf CLK_TCK)"
# user + system clock ticks of a process so far
cpu_ticks() {
	awk '{ print $14 + $15 }' "/proc/$1/stat"
}
what="${WHAT:-metrics and request logging}"
echo "${what^} on vs off: $runs runs each, wrk $threads threads, $connections connections, $duration (warm-up $warmup)"
echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM; output in $results_dir"
printf '%4s %5s %10s %9s %9s %9s %11s %8s %12s\n' run side req/s p50_ms p95_ms p99_ms cpu_ms/req errors load_1min
for i in $(seq 1 "$runs"); do
	if [ $((i % 2)) -eq 1 ]; then order="on off"; else order="off on"; fi
	for side in $order; do
		start_portal "$side" "$results_dir/portal-$side-$i.log"
		if [ -z "$topic_path" ]; then
			topic_path="$(curl -sf "$base_url/" | grep -o 'href="/t/[^"]*"' | head -n 1 | sed 's/^href="//; s/"$//')"
			if [ -z "$topic_path" ]; then
				echo "No topic found on the home page: give TOPIC_PATH" >&2
				exit 1
			fi
			echo "Topic page: $topic_path"
		fi
		url="$base_url$topic_path"
		wrk -t "$threads" -c "$connections" -d "$warmup" --timeout 10s -s "$script" "$url" >"$results_dir/warmup-$side-$i.txt" 2>&1 || true
		out="$results_dir/$side-$i.txt"
		ticks_before="$(cpu_ticks "$portal_pid")"
		wrk -t "$threads" -c "$connections" -d "$duration" --timeout 10s --latency -s "$script" "$url" >"$out" 2>&1
		ticks_after="$(cpu_ticks "$portal_pid")"
		load="$(cut -d ' ' -f 1 /proc/loadavg)"
		stop_portal
		if [ "$(field requests "$out")" = "0" ]; then
			echo "No response within the run ($side, run $i): the portal was still cold or the machine too busy;" \
				"use a longer WARMUP. Output in $results_dir" >&2
			exit 1
		fi
		rps[$side-$i]="$(field rps "$out")"
		cpu[$side-$i]="$(awk -v t="$((ticks_after - ticks_before))" -v hz="$clock_ticks" -v n="$(field requests "$out")" \
			'BEGIN { printf "%.2f", t * 1000 / hz / n }')"
		errors=$(($(field non2xx3xx "$out") + $(field socket_errors "$out")))
		printf '%4s %5s %10s %9s %9s %9s %11s %8s %12s\n' "$i" "$side" "${rps[$side-$i]}" "$(field p50 "$out")" \
			"$(field p95 "$out")" "$(field p99 "$out")" "${cpu[$side-$i]}" "$errors" "$load"
	done
done

# median min max of the runs of one side, of rps (default) or cpu
stats() {
	local side="$1" what="${2:-rps}"
	for i in $(seq 1 "$runs"); do
		if [ "$what" = cpu ]; then echo "${cpu[$side-$i]}"; else echo "${rps[$side-$i]}"; fi
	done | sort -g |
		awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f %.1f %.1f", m, v[1], v[NR] }'
}
read -r on_median on_min on_max <<<"$(stats on)"
read -r off_median off_min off_max <<<"$(stats off)"
echo
printf 'on : median %s req/s (spread %s-%s)\n' "$on_median" "$on_min" "$on_max"
printf 'off: median %s req/s (spread %s-%s)\n' "$off_median" "$off_min" "$off_max"
awk -v on="$on_median" -v off="$off_median" -v what="$what" \
	'BEGIN { printf "cost of %s: %.1f%% of throughput (target < 5%%)\n", what, (off - on) / off * 100 }'
read -r on_cpu on_cpu_min on_cpu_max <<<"$(stats on cpu)"
read -r off_cpu off_cpu_min off_cpu_max <<<"$(stats off cpu)"
printf 'on : median %s ms of portal CPU per request (spread %s-%s)\n' "$on_cpu" "$on_cpu_min" "$on_cpu_max"
printf 'off: median %s ms of portal CPU per request (spread %s-%s)\n' "$off_cpu" "$off_cpu_min" "$off_cpu_max"
awk -v on="$on_cpu" -v off="$off_cpu" -v what="$what" \
	'BEGIN { printf "cost of %s in portal CPU: %.1f%% of the throughput a CPU-bound portal could serve\n", what, (1 - off / on) * 100 }'
