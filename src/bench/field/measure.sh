#!/usr/bin/env bash
# Issue 15's targets: page weight of the field screening (all requests) under 200 KB, and time to interactive on a
# throttled slow connection. Starts the service (demo profile, a throw-away H2 database, port 8089), runs
# measure.mjs against it, stops it.
#   src/bench/field/measure.sh [rounds]                  (default 5)
#   MVN_OPTS=-o src/bench/field/measure.sh ...           passes options to Maven (here: offline)
#   SKIP_BUILD=1 src/bench/field/measure.sh ...          runs target/opennrm.jar as it is
set -euo pipefail
cd "$(dirname "$0")/../../.."
if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -B -q ${MVN_OPTS:-} -DskipTests package
fi
( cd src/test/browser && [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund )
data="$(mktemp -d)"
java -jar target/opennrm.jar --server.port=8089 --spring.profiles.active=demo \
  --spring.datasource.url="jdbc:h2:file:$data/opennrm" --nrm.casefile.keyset-file="$data/keyset.json" \
  --nrm.demo.seed-in-background=false > "$data/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 180); do
  curl -fs http://localhost:8089/actuator/health >/dev/null 2>&1 && break
  sleep 1
done
node src/bench/field/measure.mjs http://localhost:8089 "${1:-5}"
