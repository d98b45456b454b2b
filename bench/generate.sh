#!/usr/bin/env bash
# Generates the benchmark dataset (see bench/README.md).
#
#   bench/generate.sh [generator options]
#
# Compiles the db module, then runs com.rapport.db.bench.DatasetGenerator with the options
# given. Without --url or --embedded, it starts an embedded MariaDB with its data in
# bench/data (ignored by git). Environment:
#   BENCH_JAVA_OPTS    JVM options (default -Xmx1g)
#   BENCH_MAVEN_FLAGS  extra Maven flags, e.g. -o to build offline
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

classpath_file="$root/db/target/bench-classpath.txt"
# formatting is the build's business, not a reason to refuse to generate data
# shellcheck disable=SC2086 # BENCH_MAVEN_FLAGS is a list of flags
./mvnw -q -B ${BENCH_MAVEN_FLAGS:-} -pl db -Dspring-javaformat.skip=true compile dependency:build-classpath \
	-Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime

args=("$@")
target_given=false
for arg in "$@"; do
	case "$arg" in
	--url | --embedded | --help) target_given=true ;;
	esac
done
if [ "$target_given" = false ]; then
	args=(--embedded "$root/bench/data" "${args[@]}")
fi

# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
exec java ${BENCH_JAVA_OPTS:--Xmx1g} -cp "$root/db/target/classes:$(cat "$classpath_file")" \
	com.rapport.db.bench.DatasetGenerator "${args[@]}"
