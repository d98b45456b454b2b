#!/usr/bin/env bash
# Load test of the full-text search of a running portal with wrk (see bench/README.md).
#
#   bench/search.sh [TERM...]        e.g.  bench/search.sh firmware 固件 прошивки
#
# Searches /search?q=TERM, each request for the next term, at 10 connections (the target:
# p95 under 150 ms), and prints throughput and latency percentiles. Without terms, a mix of
# common and rare words and a phrase in English, Chinese and Russian from the generated
# dataset (bench/generate.sh). Environment, as for bench/load.sh:
#   BASE_URL         the portal (default http://127.0.0.1:8080); loopback only
#   DURATION         length of each measured run (default 30s)
#   WARMUP           unmeasured run first (default 10s; 0 to skip)
#   CONNECTIONS      connection counts to measure (default "10")
#   THREADS          wrk threads (default 2)
#   PER_TERM         1 to also measure each term on its own (with bench/load.sh)
#   ACCEPT_LANGUAGE  sent as Accept-Language when set (e.g. zh-CN, ru)
#   RESULTS_DIR      where wrk's full output is kept (default: a new temporary directory)
# The portal must have built its search index first: its log says "Search index rebuilt"
# (about 3-5 minutes for 1,000,000 posts on 2 cores), or start it once with
# --rapport.search.rebuild=true.
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
base_url="${BASE_URL:-http://127.0.0.1:8080}"
base_url="${base_url%/}"
duration="${DURATION:-30s}"
warmup="${WARMUP:-10s}"
connections="${CONNECTIONS:-10}"
threads="${THREADS:-2}"

# benchmark traffic goes to this machine only
case "$base_url" in
http://127.0.0.1 | http://127.0.0.1:* | http://localhost | http://localhost:* | http://\[::1\] | http://\[::1\]:*) ;;
*)
	echo "BASE_URL must be http://127.0.0.1, http://localhost or http://[::1] (got $base_url)" >&2
	exit 2
	;;
esac

for tool in wrk curl; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
			echo "Installing $tool from the Debian packages..." >&2
			DEBIAN_FRONTEND=noninteractive apt-get update -qq
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null
		else
			echo "$tool is not installed: run 'sudo apt-get install $tool'" >&2
			exit 2
		fi
	fi
done

terms=("$@")
if [ ${#terms[@]} -eq 0 ]; then
	terms=(firmware "firmware update" battery bluetooth "calibrate the router" '"firmware update fails"'
		固件 蓝牙 电池一夜就没电了 прошивки батарея наушники)
fi

# percent-encodes UTF-8 text byte by byte for a query string
urlencode() {
	local LC_ALL=C text="$1" out="" c i
	for ((i = 0; i < ${#text}; i++)); do
		c="${text:i:1}"
		case "$c" in
		[A-Za-z0-9._~-]) out+="$c" ;;
		*) out+="$(printf '%%%02X' "'$c")" ;;
		esac
	done
	printf '%s' "$out"
}

results_dir="${RESULTS_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/rapport-search.XXXXXX")}"
mkdir -p "$results_dir"

paths=()
echo "Search terms and what the portal finds for them now:"
for term in "${terms[@]}"; do
	path="/search?q=$(urlencode "$term")"
	paths+=("$path")
	page="$results_dir/page_$(printf '%s' "$term" | md5sum | cut -c1-8).html"
	status=$(curl -s -o "$page" -w '%{http_code}' "$base_url$path" || true)
	heading=$(sed -n 's:.*id="results-heading"[^>]*>\([^<]*\)<.*:\1:p' "$page" | head -n 1)
	printf '  %-28s HTTP %s  %s\n' "$term" "$status" "${heading:-(no results heading)}"
	if [ "$status" != "200" ]; then
		echo "Search for '$term' answered HTTP $status: is the portal running at $base_url?" >&2
		exit 1
	fi
	if ! grep -q 'class="posts search-results"' "$page"; then
		echo "  warning: nothing found for '$term'; a fresh index may still be building (see the portal's log)" >&2
	fi
done

# the value of key=... in a RESULT line
field() {
	sed -n "s/^RESULT .*\b$1=\([^ ]*\).*/\1/p" "$2"
}

search_paths="$(printf '%s\n' "${paths[@]}")"
run() {
	BENCH_DIR="$bench_dir" SEARCH_PATHS="$search_paths" \
		wrk -t "$threads" -c "$1" -d "$2" --latency -s "$bench_dir/search.lua" "$base_url/search" >"$3" 2>&1
}

echo
echo "Search load test of $base_url: wrk, $threads threads, $duration per run, connections: $connections"
echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM; wrk output in $results_dir"
if [ "$warmup" != "0" ]; then
	run 10 "$warmup" "$results_dir/warmup.txt" || true
fi
echo
echo "== all ${#terms[@]} terms in turn (target: p95 under 150 ms at 10 connections)"
printf '%11s %10s %9s %9s %9s %9s %9s %9s %9s %8s\n' \
	connections req/s mean_ms p50_ms p75_ms p90_ms p95_ms p99_ms max_ms errors
for c in $connections; do
	out="$results_dir/mixed_c$c.txt"
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
echo
echo "errors = responses other than 2xx/3xx plus socket errors (connect, read, write, timeout)"

if [ "${PER_TERM:-0}" = "1" ]; then
	echo
	echo "Each term on its own:"
	BASE_URL="$base_url" DURATION="$duration" WARMUP="$warmup" CONNECTIONS="$connections" THREADS="$threads" \
		RESULTS_DIR="$results_dir" "$bench_dir/load.sh" "${paths[@]}"
fi
