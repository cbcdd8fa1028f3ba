#!/usr/bin/env bash
# Issue 13's throughput targets (W1, W7): whole referral lifecycles through the API from 8 clients, on one node of the
# service, on two nodes sharing one PostgreSQL (requests round-robin over them), and on the bare engine with the same
# models (through Camunda's Java API, and behind Camunda's REST API), each on a new database of one embedded
# PostgreSQL; rounds of a fixed duration
# alternate the variants. org.opennrm.bench.ThroughputBenchmark says what a lifecycle is and how each side is driven.
#   src/bench/throughput/measure.sh [rounds] [seconds per variant and round]   (default 3 rounds of 60 s)
#   RAMP=20 src/bench/throughput/measure.sh ...        seconds the clients run in a round before its window (default 20)
#   WARM_UP=3 src/bench/throughput/measure.sh ...      lifecycles per client and variant before measuring (default 3)
#   CLIENTS=8 src/bench/throughput/measure.sh ...      concurrent clients (default 8)
#   POLL_MS=20 src/bench/throughput/measure.sh ...     pause between two looks for a case's next task (default 20)
#   MVN_OPTS=-o src/bench/throughput/measure.sh ...    passes options to Maven (here: offline)
#   SKIP_BUILD=1 src/bench/throughput/measure.sh ...   runs what target/ holds, without Maven
#   VARIANTS="one node,bare REST" src/bench/throughput/measure.sh ...
#                                                      some of: one node, two nodes, bare, bare REST (default: all)
#   STATEMENTS=15 src/bench/throughput/measure.sh ...  ends with each database's top 15 statements (pg_stat_statements)
# The tables and the ratios go to the terminal and to target/bench-throughput/results-<date-time>.txt.
set -euo pipefail
cd "$(dirname "$0")/../../.."

if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -B -q ${MVN_OPTS:-} test-compile
  mvn -B -q ${MVN_OPTS:-} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
fi

mkdir -p target/bench-throughput
results="target/bench-throughput/results-$(date +%Y%m%d-%H%M%S).txt"
# The service's nodes and both bare engines share this JVM.
java -Xmx3g ${WARM_UP:+-Dbench.warm-up=$WARM_UP} ${CLIENTS:+-Dbench.clients=$CLIENTS} ${POLL_MS:+-Dbench.poll-ms=$POLL_MS} \
  ${RAMP:+-Dbench.ramp-seconds=$RAMP} ${VARIANTS:+"-Dbench.variants=$VARIANTS"} \
  ${STATEMENTS:+-Dbench.statements=$STATEMENTS} \
  -Dbench.results="$results" \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.opennrm.bench.ThroughputBenchmark "$@"
echo "results: $results" >&2
