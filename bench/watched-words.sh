#!/usr/bin/env bash
# Checking a post against 5,000 watched words (target: under 1 ms per post).
# Usage: bench/watched-words.sh [number of words]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -o -pl community-core -am test-compile -Dspotbugs.skip -Dspring-javaformat.skip=true
java -cp community-core/target/classes:community-core/target/test-classes \
  com.rapport.community.review.WatchedWordsBench "${1:-5000}"
