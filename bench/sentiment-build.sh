# Sourced by bench/sentiment-score and bench/sentiment-eval: compiles survey-core (main and
# the bench commands in its test sources) quietly, without running tests, and sets
# $sentiment_classpath.
classpath_file="$root/survey-core/target/bench-classpath.txt"
# shellcheck disable=SC2086 # BENCH_MAVEN_FLAGS is a list of flags
./mvnw -q -B ${BENCH_MAVEN_FLAGS:-} -pl survey-core -am -Dspring-javaformat.skip=true -Dspotbugs.skip=true \
	test-compile dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test \
	>&2
sentiment_classpath="$root/survey-core/target/classes:$root/survey-core/target/test-classes:$(cat "$classpath_file")"
