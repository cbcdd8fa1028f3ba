#!/usr/bin/env bash
# What writing the audit trail adds to a caseworker's step: claim + complete of Task_ConfirmScreeningOutcome over
# HTTP with the trail written and with writing switched off (test-only switch, org.opennrm.audit.internal.AuditSwitch),
# side by side in alternating rounds, on an embedded PostgreSQL (org.opennrm.bench.AuditOverheadBenchmark says how).
#   src/bench/audit/measure-overhead.sh [rounds] [samples per side and round]   (default 10 rounds of 15)
#   WARM_UP=5 src/bench/audit/measure-overhead.sh ...   steps of each side before measuring (default 15)
#   HOLD=1 src/bench/audit/measure-overhead.sh ...      keeps PostgreSQL and the service up at the end, for psql
#   MVN_OPTS=-o src/bench/audit/measure-overhead.sh ... passes options to Maven (here: offline)
#   SKIP_BUILD=1 src/bench/audit/measure-overhead.sh ... runs what target/ holds, without Maven
# The table and the ratios go to the terminal and to target/bench-audit/results-overhead-<date-time>.txt.
set -euo pipefail
cd "$(dirname "$0")/../../.."

if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -B -q ${MVN_OPTS:-} test-compile
  mvn -B -q ${MVN_OPTS:-} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
fi

mkdir -p target/bench-audit
results="target/bench-audit/results-overhead-$(date +%Y%m%d-%H%M%S).txt"
java -Xmx1g ${HOLD:+-Dbench.hold=true} ${WARM_UP:+-Dbench.warm-up=$WARM_UP} -Dbench.results="$results" \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.opennrm.bench.AuditOverheadBenchmark "$@"
echo "results: $results" >&2
