#!/usr/bin/env bash
# W3, the caseworker task list: GET /api/tasks (first page of 15 plus the count) with engine authorization on, side by
# side with the same request with it off and with the bare engine's task query (Java API), on an embedded PostgreSQL,
# after opening the cases through the engine (org.opennrm.bench.TaskListBenchmark says how). Rounds alternate.
#   src/bench/tasklist/measure.sh [cases] [rounds] [samples per round]   (default 10000 cases, 10 rounds of 20)
#   EXPLAIN_MS=50 src/bench/tasklist/measure.sh ...   also logs PostgreSQL's plans (EXPLAIN ANALYZE, via auto_explain)
#                                                      of statements slower than 50 ms and the top statements by time;
#                                                      it times every plan node of every statement, so the figures
#                                                      of such a run compare only with each other
#   BREAKDOWN=1 src/bench/tasklist/measure.sh ...      prints no timing table: after warming up (without the stock
#                                                      statement), Tasklist's call per caseworker with authorization
#                                                      on, then off, rounds x samples times each, and where its time
#                                                      goes: the database's part (execution only), statement by
#                                                      statement (pg_stat_statements); with EXPLAIN_MS too, the
#                                                      analysed plans inflate every figure
#   HOLD=1 src/bench/tasklist/measure.sh ...           keeps PostgreSQL and the service up at the end, for psql
#   OPEN_ONLY=1 src/bench/tasklist/measure.sh 100000   opens the cases, measures nothing and keeps the service up:
#                                                      Tasklist on that many open cases, for a person to try
#                                                      (HOLD and OPEN_ONLY stop at Enter, so at once if stdin is
#                                                      closed: in the background, keep it open: sleep 1d | ...)
#   WARM_UP=5 src/bench/tasklist/measure.sh ...        calls of each variant before measuring (default 20)
#   STOCK_SAMPLES=1 src/bench/tasklist/measure.sh ...  calls of the stock statement per round and in warm-up (at 100,000
#                                                      cases one takes minutes; default as many as the others)
#   MVN_OPTS=-o src/bench/tasklist/measure.sh ...       passes options to Maven (here: offline)
# The table and the ratios go to the terminal and to target/bench-tasklist/results-<date-time>.txt.
set -euo pipefail
cd "$(dirname "$0")/../../.."

mvn -B -q ${MVN_OPTS:-} test-compile
mvn -B -q ${MVN_OPTS:-} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt

mkdir -p target/bench-tasklist
results="target/bench-tasklist/results-$(date +%Y%m%d-%H%M%S).txt"
java -Xmx2g ${EXPLAIN_MS:+-Dbench.explain-ms=$EXPLAIN_MS} ${BREAKDOWN:+-Dbench.breakdown=true} ${HOLD:+-Dbench.hold=true} ${OPEN_ONLY:+-Dbench.open-only=true} ${WARM_UP:+-Dbench.warm-up=$WARM_UP} ${STOCK_SAMPLES:+-Dbench.stock-samples=$STOCK_SAMPLES} -Dbench.results="$results" \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.opennrm.bench.TaskListBenchmark "$@"
if [ -z "${OPEN_ONLY:-}" ]; then echo "results: $results" >&2; else rm -f "$results"; fi
