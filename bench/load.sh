#!/usr/bin/env bash
# Load test of a running portal with wrk (see bench/README.md).
#
#   bench/load.sh [PATH...]        e.g.  bench/load.sh / /c/help
#
# For each path (default: /), runs wrk at 10 and then 50 connections with 2 threads and
# prints one table per path: throughput and latency percentiles. Environment:
#   BASE_URL         the portal (default http://127.0.0.1:8080); loopback only
#   DURATION         length of each measured run (default 30s)
#   WARMUP           unmeasured run per path before the measured ones (default 10s; 0 to skip)
#   CONNECTIONS      connection counts to measure (default "10 50")
#   THREADS          wrk threads (default 2)
#   TIMEOUT          wrk's request timeout (default 10s); a slower response counts as an error
#                    and is left out of the percentiles, so keep it above the slowest response
#   ACCEPT_LANGUAGE  sent as Accept-Language when set (e.g. zh-CN, ru)
#   RESULTS_DIR      where wrk's full output is kept (default: a new temporary directory)
set -euo pipefail

base_url="${BASE_URL:-http://127.0.0.1:8080}"
base_url="${base_url%/}"
duration="${DURATION:-30s}"
warmup="${WARMUP:-10s}"
connections="${CONNECTIONS:-10 50}"
threads="${THREADS:-2}"
timeout="${TIMEOUT:-10s}"
script="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/report.lua"

# benchmark traffic goes to this machine only
case "$base_url" in
http://127.0.0.1 | http://127.0.0.1:* | http://localhost | http://localhost:* | http://\[::1\] | http://\[::1\]:*) ;;
*)
	echo "BASE_URL must be http://127.0.0.1, http://localhost or http://[::1] (got $base_url)" >&2
	exit 2
	;;
esac

if ! command -v wrk >/dev/null 2>&1; then
	if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "Installing wrk from the Debian packages..." >&2
		DEBIAN_FRONTEND=noninteractive apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
	else
		echo "wrk is not installed: run 'sudo apt-get install wrk'" >&2
		exit 2
	fi
fi

paths=("$@")
if [ ${#paths[@]} -eq 0 ]; then
	paths=(/)
fi

results_dir="${RESULTS_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/rapport-load.XXXXXX")}"
mkdir -p "$results_dir"

# the value of key=... in a RESULT line
field() {
	sed -n "s/^RESULT .*\b$1=\([^ ]*\).*/\1/p" "$2"
}

echo "Load test of $base_url: wrk, $threads threads, $duration per run, connections: $connections, timeout $timeout"
echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM; wrk output in $results_dir"

for path in "${paths[@]}"; do
	case "$path" in
	/*) ;;
	*) path="/$path" ;;
	esac
	url="$base_url$path"
	name="$(printf '%s' "$path" | tr -c 'A-Za-z0-9._-' '_')"
	if [ "$warmup" != "0" ]; then
		wrk -t "$threads" -c 10 -d "$warmup" --timeout "$timeout" -s "$script" "$url" >"$results_dir/warmup$name.txt" 2>&1 || true
	fi
	echo
	echo "== $path"
	printf '%11s %10s %9s %9s %9s %9s %9s %9s %9s %8s\n' \
		connections req/s mean_ms p50_ms p75_ms p90_ms p95_ms p99_ms max_ms errors
	for c in $connections; do
		out="$results_dir/c$c$name.txt"
		if ! wrk -t "$threads" -c "$c" -d "$duration" --timeout "$timeout" --latency -s "$script" "$url" >"$out" 2>&1; then
			echo "wrk failed for $url at $c connections:" >&2
			cat "$out" >&2
			exit 1
		fi
		if ! grep -q '^RESULT ' "$out"; then
			echo "no result from wrk for $url at $c connections:" >&2
			cat "$out" >&2
			exit 1
		fi
		errors=$(($(field non2xx3xx "$out") + $(field socket_errors "$out")))
		printf '%11s %10s %9s %9s %9s %9s %9s %9s %9s %8s\n' "$c" \
			"$(field rps "$out")" "$(field mean "$out")" "$(field p50 "$out")" "$(field p75 "$out")" \
			"$(field p90 "$out")" "$(field p95 "$out")" "$(field p99 "$out")" "$(field max "$out")" "$errors"
	done
done
echo
echo "errors = responses other than 2xx/3xx plus socket errors (connect, read, write, timeout)"
