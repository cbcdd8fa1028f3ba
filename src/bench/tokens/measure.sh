#!/usr/bin/env bash
# Issue 14's target: GET /api/tasks with a bearer token from the identity provider, side by side with the same call
# with no authentication check at all, alternating rounds in one run, on an embedded PostgreSQL, the provider being
# Spring Authorization Server in the same JVM (org.opennrm.bench.BearerTokenBenchmark says how).
#   src/bench/tokens/measure.sh [cases] [rounds] [calls per round and side]   (default 500 cases, 10 rounds of 50)
#   WARM_UP=200 src/bench/tokens/measure.sh ...        calls of each side before measuring (default 100)
#   MVN_OPTS=-o src/bench/tokens/measure.sh ...        passes options to Maven (here: offline)
# The table and the ratios go to the terminal and to target/bench-tokens/results-<date-time>.txt.
set -euo pipefail
cd "$(dirname "$0")/../../.."

mvn -B -q ${MVN_OPTS:-} test-compile
mvn -B -q ${MVN_OPTS:-} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt

mkdir -p target/bench-tokens
results="target/bench-tokens/results-$(date +%Y%m%d-%H%M%S).txt"
java -Xmx2g ${WARM_UP:+-Dbench.warm-up=$WARM_UP} -Dbench.results="$results" \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.opennrm.bench.BearerTokenBenchmark "$@"
echo "results: $results" >&2
