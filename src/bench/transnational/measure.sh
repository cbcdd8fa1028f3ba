#!/usr/bin/env bash
# Issue 11's delivery target: end-to-end delivery of an approved transnational referral to the accepting peer's task
# list, p95, within 2x of a local service hand-off on one instance, side by side in alternating rounds. Two instances
# (MK and XK), each on its own embedded PostgreSQL with the job executor on, are started and stopped by the benchmark
# (org.opennrm.bench.TransnationalDeliveryBenchmark says how).
#   src/bench/transnational/measure.sh [rounds] [samples per side and round]   (default 6 rounds of 5)
#   WARM_UP=3 src/bench/transnational/measure.sh ...   samples of each side before measuring (default 3)
#   MVN_OPTS=-o src/bench/transnational/measure.sh ... passes options to Maven (here: offline)
#   SKIP_BUILD=1 src/bench/transnational/measure.sh ... runs what target/ holds, without Maven
# The table and the ratio go to the terminal and to target/bench-transnational/results-<date-time>.txt.
set -euo pipefail
cd "$(dirname "$0")/../../.."

if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -B -q ${MVN_OPTS:-} test-compile
  mvn -B -q ${MVN_OPTS:-} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
fi

mkdir -p target/bench-transnational
results="target/bench-transnational/results-$(date +%Y%m%d-%H%M%S).txt"
java -Xmx2g ${WARM_UP:+-Dbench.warm-up=$WARM_UP} -Dbench.results="$results" \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.opennrm.bench.TransnationalDeliveryBenchmark "$@"
echo "results: $results" >&2
