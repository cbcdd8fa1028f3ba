#!/usr/bin/env bash
# Issue 6's statistics target: every national table for one year over 100,000 synthetic cases in PostgreSQL in under
# 5 s, measured over HTTP against the same counts over plain JDBC, side by side (org.opennrm.bench.StatisticsBenchmark
# says how). An embedded PostgreSQL is started and stopped by the benchmark.
#   src/bench/statistics/measure.sh [persons] [rounds]          (default 100000 persons, 20 rounds)
#   HOLD=1 src/bench/statistics/measure.sh ...   keeps PostgreSQL and the service up at the end, for psql
#   MVN_OPTS=-o src/bench/statistics/measure.sh ... passes options to Maven (here: offline)
#   SKIP_BUILD=1 src/bench/statistics/measure.sh ... runs what target/ holds, without Maven
# The table and the ratio go to the terminal and to target/bench-statistics/results-<date-time>.txt.
set -euo pipefail
cd "$(dirname "$0")/../../.."

if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -B -q ${MVN_OPTS:-} test-compile
  mvn -B -q ${MVN_OPTS:-} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
fi

mkdir -p target/bench-statistics
results="target/bench-statistics/results-$(date +%Y%m%d-%H%M%S).txt"
java -Xmx2g ${HOLD:+-Dbench.hold=true} -Dbench.results="$results" \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.opennrm.bench.StatisticsBenchmark "$@"
echo "results: $results" >&2
