#!/usr/bin/env bash
# W4, the auditor: a case's timeline (GET /api/audit/cases/{reference}/timeline) and everything one user did in 30 days
# (GET /api/audit/users/{userId}/activity), as demo-auditor over HTTP, with 1M history rows in an embedded PostgreSQL:
# real cases opened through the API, copied with SQL (org.opennrm.bench.AuditTimelineBenchmark says how).
#   src/bench/audit/measure-timeline.sh [real cases] [cases] [history rows] [samples]   (default 200 10000 1000000 200)
#   WARM_UP=10 src/bench/audit/measure-timeline.sh ...  calls of each view before measuring (default 30)
#   HOLD=1 src/bench/audit/measure-timeline.sh ...      keeps PostgreSQL and the service up at the end, for psql
#   MVN_OPTS=-o src/bench/audit/measure-timeline.sh ... passes options to Maven (here: offline)
#   SKIP_BUILD=1 src/bench/audit/measure-timeline.sh ... runs what target/ holds, without Maven
# The table, the top statements (pg_stat_statements) and the machine go to the terminal and to
# target/bench-audit/results-timeline-<date-time>.txt.
set -euo pipefail
cd "$(dirname "$0")/../../.."

if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -B -q ${MVN_OPTS:-} test-compile
  mvn -B -q ${MVN_OPTS:-} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
fi

mkdir -p target/bench-audit
results="target/bench-audit/results-timeline-$(date +%Y%m%d-%H%M%S).txt"
java -Xmx2g ${HOLD:+-Dbench.hold=true} ${WARM_UP:+-Dbench.warm-up=$WARM_UP} -Dbench.results="$results" \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.opennrm.bench.AuditTimelineBenchmark "$@"
echo "results: $results" >&2
