#!/usr/bin/env bash
# What metrics and request logging cost on the topic page (see bench/README.md).
#
#   bench/ops-overhead.sh [TOPIC_PATH]     e.g.  bench/ops-overhead.sh /t/six-months-with-the-lumen-desk-lamp-my-review/49978
#
# Starts two portal nodes of the same jar on one MariaDB server (the dataset's, started by
# the script): one with metrics and request logging on, one with both off. Both are warmed up
# in turns until each has served WARMUP of load (on 2 cores the JIT compiler keeps compiling
# for about two minutes of load after a start, and the throughput of a page doubles meanwhile:
# a shorter warm-up measures the compiler, not the switch), then RUNS measured wrk runs of the
# topic page per node, alternating (on-off, off-on, on-off, ...) so that a drift in the
# machine's load hits both alike. STARTS > 1 repeats all of it with fresh nodes, to see how
# much two starts of the same jar differ; the nodes swap ports and start order between
# starts. Prints every run, the median throughput of each
# side with its spread (min-max), and the cost: (median off - median on) / median off. Each
# run also reports the node's CPU time per request (the JVM's user + system time during the
# measured run / requests served), and the cost in CPU, 1 - (median off CPU / median on CPU).
# "Off" is
#   --management.metrics.enable.all=false                     (no meter at all)
#   --rapport.request-log.enabled=false                       (no request line)
# Request lines go to the node's console, which is kept in RESULTS_DIR as in production.
# Without TOPIC_PATH the first topic linked from the home page is used.
#
# Environment:
#   JAR              the portal jar (default: portal-web/target/portal-web-*.jar; build it with
#                    ./mvnw -o -pl portal-web -am package -DskipTests -Dspotbugs.skip)
#   DATA_DIR         the embedded database's data (default bench/data, from bench/generate.sh)
#   PORT             the first node's port (default 8091; the "on" node in odd starts, the
#                    "off" node in even ones); the other takes PORT+1, the database PORT+2;
#                    loopback only
#   RUNS             measured runs per side and start (default 5)
#   STARTS           fresh starts of both nodes (default 1)
#   DURATION         length of each measured run (default 20s)
#   WARMUP           unmeasured load per node after each start, in seconds (default 150)
#   CONNECTIONS      wrk connections (default 10)
#   THREADS          wrk threads (default 2)
#   JAVA_OPTS        JVM options for the nodes (default -Xmx1g)
#   RESULTS_DIR      where wrk's output and the node logs are kept (default: a new temporary directory)
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
starts="${STARTS:-1}"
duration="${DURATION:-20s}"
warmup="${WARMUP:-150}"
warmup="${warmup%s}"
slice=15
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
declare -A port_of=([on]="$port" [off]="$((port + 1))") pid_of=()
db_port="$((port + 2))"
# shellcheck source=bench/mariadb-tools.sh
source "$bench_dir/mariadb-tools.sh"
db_dir="$data_dir/data"
jdbc="jdbc:mysql://127.0.0.1:$db_port/rapport?sslMode=DISABLED&characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci"
remember_me_key="ops-overhead-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"

stop_all() {
	for side in "${!pid_of[@]}"; do
		if kill -0 "${pid_of[$side]}" 2>/dev/null; then
			kill -TERM "${pid_of[$side]}"
			wait "${pid_of[$side]}" 2>/dev/null || true
		fi
	done
	pid_of=()
	mdb_stop "$db_dir"
}
trap stop_all EXIT

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

# start_node <on|off> <log file>: starts the jar on the shared database, waits until readiness is UP
start_node() {
	local side="$1" log="$2" off_args=() both_args=()
	# shellcheck disable=SC2206
	both_args=(${PORTAL_ARGS:-})
	if [ "$side" = off ]; then
		# shellcheck disable=SC2206
		off_args=(${OFF_ARGS:---management.metrics.enable.all=false --rapport.request-log.enabled=false})
	fi
	# each node keeps its own search index between runs, next to the dataset
	# shellcheck disable=SC2086
	java $java_opts -jar "$jar" --server.port="${port_of[$side]}" --rapport.node.name="ops-$side" \
		--spring.datasource.url="$jdbc" --spring.datasource.username=root --spring.datasource.password= \
		--rapport.security.remember-me-key="$remember_me_key" \
		--rapport.search.index-dir="$data_dir/../$(basename "$data_dir")-ops-index-$side" \
		"${both_args[@]}" "${off_args[@]}" >"$log" 2>&1 &
	pid_of[$side]=$!
}

wait_ready() {
	local side="$1" log="$2"
	for _ in $(seq 1 300); do
		if curl -sf -o /dev/null "http://127.0.0.1:${port_of[$side]}/actuator/health/readiness"; then
			wait_for_search_index "$log"
			return 0
		fi
		if ! kill -0 "${pid_of[$side]}" 2>/dev/null; then
			echo "The $side node stopped during start-up, see $log" >&2
			exit 1
		fi
		sleep 1
	done
	echo "The $side node did not become ready within 300 s, see $log" >&2
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
echo "${what^} on vs off: $starts start(s), $runs runs per side each, wrk $threads threads, $connections connections, $duration (warm-up ${warmup}s per node)"
echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM; output in $results_dir"
mdb_start "$db_dir" "$db_port" --skip-grant-tables
printf '%4s %5s %10s %9s %9s %9s %11s %8s %12s\n' run side req/s p50_ms p95_ms p99_ms cpu_ms/req errors load_1min
n=0
for start in $(seq 1 "$starts"); do
	# the nodes swap ports and start order from one start to the next: two nodes of the same
	# jar, both on, differed by about 1% with the first-started node on the lower port the slower
	if [ $((start % 2)) -eq 1 ]; then
		sides="on off"
		port_of=([on]="$port" [off]="$((port + 1))")
	else
		sides="off on"
		port_of=([off]="$port" [on]="$((port + 1))")
	fi
	for side in $sides; do
		start_node "$side" "$results_dir/portal-$side-$start.log"
	done
	for side in $sides; do
		wait_ready "$side" "$results_dir/portal-$side-$start.log"
	done
	if [ -z "$topic_path" ]; then
		topic_path="$(curl -sf "http://127.0.0.1:$port/" | grep -o 'href="/t/[^"]*"' | head -n 1 | sed 's/^href="//; s/"$//')"
		if [ -z "$topic_path" ]; then
			echo "No topic found on the home page: give TOPIC_PATH" >&2
			exit 1
		fi
		echo "Topic page: $topic_path"
	fi
	# warm-up in turns, so that both nodes' compilers get the same load
	for _ in $(seq 1 $(((warmup + slice - 1) / slice))); do
		for side in on off; do
			wrk -t "$threads" -c "$connections" -d "${slice}s" --timeout 10s -s "$script" \
				"http://127.0.0.1:${port_of[$side]}$topic_path" >>"$results_dir/warmup-$side-$start.txt" 2>&1 || true
		done
	done
	for i in $(seq 1 "$runs"); do
		n=$((n + 1))
		if [ $((n % 2)) -eq 1 ]; then order="on off"; else order="off on"; fi
		for side in $order; do
			out="$results_dir/$side-$n.txt"
			ticks_before="$(cpu_ticks "${pid_of[$side]}")"
			wrk -t "$threads" -c "$connections" -d "$duration" --timeout 10s --latency -s "$script" \
				"http://127.0.0.1:${port_of[$side]}$topic_path" >"$out" 2>&1
			ticks_after="$(cpu_ticks "${pid_of[$side]}")"
			load="$(cut -d ' ' -f 1 /proc/loadavg)"
			if [ "$(field requests "$out")" = "0" ]; then
				echo "No response within the run ($side, run $n): the machine was too busy. Output in $results_dir" >&2
				exit 1
			fi
			rps[$side-$n]="$(field rps "$out")"
			cpu[$side-$n]="$(awk -v t="$((ticks_after - ticks_before))" -v hz="$clock_ticks" -v n="$(field requests "$out")" \
				'BEGIN { printf "%.3f", t * 1000 / hz / n }')"
			errors=$(($(field non2xx3xx "$out") + $(field socket_errors "$out")))
			printf '%4s %5s %10s %9s %9s %9s %11s %8s %12s\n' "$n" "$side" "${rps[$side-$n]}" "$(field p50 "$out")" \
				"$(field p95 "$out")" "$(field p99 "$out")" "${cpu[$side-$n]}" "$errors" "$load"
		done
	done
	for side in on off; do
		kill -TERM "${pid_of[$side]}"
		wait "${pid_of[$side]}" 2>/dev/null || true
	done
	pid_of=()
done
runs="$n"

# median min max of the runs of one side, of rps (default) or cpu
stats() {
	local side="$1" what="${2:-rps}"
	for i in $(seq 1 "$runs"); do
		if [ "$what" = cpu ]; then echo "${cpu[$side-$i]}"; else echo "${rps[$side-$i]}"; fi
	done | sort -g |
		awk -v f="$([ "$what" = cpu ] && echo '%.3f' || echo '%.1f')" '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf f " " f " " f, m, v[1], v[NR] }'
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
