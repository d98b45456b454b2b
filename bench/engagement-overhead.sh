#!/usr/bin/env bash
# What counting page views costs on the home page (see bench/README.md).
#
#   bench/engagement-overhead.sh [PAGE_PATH]     default: /
#
# Runs two nodes of the portal jar, one with page-view counting on and one with it off, warms
# both up in turns and measures the page RUNS times on each, alternating (on-off, off-on, ...)
# so that a drift in the machine's load hits both alike. Prints every run,
# the median throughput of each side with its spread (min-max), and the cost:
# (median off - median on) / median off. "Off" is --rapport.engagement.page-views=false
# (the interceptor is not registered at all). wrk keeps no cookies, so every request on
# the "on" side is a new visit: a new random visit id, a visit and a page view counted in
# memory and a Set-Cookie header, the dearest case.
#
# The same environment as bench/ops-overhead.sh, which runs the comparison.
set -euo pipefail
# wrk keeps no cookies: each request with this User-Agent is a new visit
export USER_AGENT="${USER_AGENT:-Mozilla/5.0 (X11; Linux x86_64) rapport-bench}"
export OFF_ARGS="--rapport.engagement.page-views=false"
export WHAT="counting page views"
exec "$(dirname "$0")/ops-overhead.sh" "${1:-/}"
