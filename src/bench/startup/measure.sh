#!/usr/bin/env bash
# Cold start of the packaged service on the embedded default (fresh ./data, demo profile: schema, deployments and
# demo cases all created), side by side with a bare Camunda 7.24 app, alternating A B C A B C.
# Time = from process start until the app answers its readiness URL; RSS = resident memory right after that.
#   src/bench/startup/measure.sh [rounds]        (default 5 rounds)
# Variants:
#   ours        java -jar target/opennrm.jar on the default JVM (java on the PATH), default settings
#   ours-tuned  the same service as src/main/docker/Dockerfile runs it (src/main/docker/start.sh): on Java 25
#               ($TUNED_JAVA, default Temurin 25 under /usr/lib/jvm) from the extracted jar with the ahead-of-time
#               cache of a training run, and the JVM options of start.sh
#   bare        the bare engine app (src/bench/startup/bare-app) on the default JVM, default settings
#   SKIP_BUILD=1 src/bench/startup/measure.sh ...   reuses the jars already in target/
set -euo pipefail
cd "$(dirname "$0")/../../.."
rounds=${1:-5}
port_ours=18080
port_tuned=18082
port_bare=18081
tuned_java=${TUNED_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}

if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -B -q -DskipTests package
  mvn -B -q -f src/bench/startup/bare-app/pom.xml -DskipTests package
fi

work=$(mktemp -d)
cleanup() {
  for pid in $(jobs -p); do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# Copies of the jars, so that a build in this folder while the rounds run changes nothing under them.
cp target/opennrm.jar "$work/opennrm.jar"
cp src/bench/startup/bare-app/target/bare-camunda.jar "$work/bare-camunda.jar"

# The tuned variant's files, made once as the image build makes them: extracted jar, then the training run.
tuned="$work/tuned"
JAVA="$tuned_java" APP_DIR="$tuned" src/main/docker/start.sh prepare "$work/opennrm.jar" > "$work/prepare.log" 2>&1 \
  || { echo "preparing the tuned variant failed: $(tail -20 "$work/prepare.log")" >&2; exit 1; }

start_once() { # name port readiness-path command...
  local name=$1 port=$2 path=$3; shift 3
  local dir="$work/$name-$RANDOM"; mkdir -p "$dir"
  local t0; t0=$(date +%s%N)
  (cd "$dir" && exec "$@" --server.port="$port" > app.log 2>&1) &
  local pid=$!
  until curl -fs -o /dev/null "http://localhost:$port$path"; do
    sleep 0.1
    if ! kill -0 $pid 2>/dev/null; then echo "$name died: $(tail -5 "$dir/app.log")" >&2; exit 1; fi
  done
  local t1; t1=$(date +%s%N)
  local rss; rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  kill $pid; wait $pid 2>/dev/null || true
  echo "$name $(( (t1 - t0) / 1000000 )) $(( rss / 1024 ))"
}

results="$work/results.txt"
for ((i = 1; i <= rounds; i++)); do
  start_once ours $port_ours /actuator/health/readiness java -jar "$work/opennrm.jar" >> "$results"
  start_once ours-tuned $port_tuned /actuator/health/readiness \
    env JAVA="$tuned_java" APP_DIR="$tuned" "$PWD/src/main/docker/start.sh" run >> "$results"
  start_once bare $port_bare /engine-rest/engine java -jar "$work/bare-camunda.jar" >> "$results"
done

python3 - "$results" <<'PY'
import sys
rows = [line.split() for line in open(sys.argv[1])]
def pct(values, p):
    values = sorted(values); k = (len(values) - 1) * p / 100
    f = int(k); c = min(f + 1, len(values) - 1)
    return values[f] + (values[c] - values[f]) * (k - f)
stats = {}
for app in ('ours', 'ours-tuned', 'bare'):
    ms = [int(r[1]) for r in rows if r[0] == app]; mb = [int(r[2]) for r in rows if r[0] == app]
    stats[app] = (len(ms), pct(ms, 50), pct(ms, 95), max(ms), pct(mb, 50), max(mb))
print(f"| {'workload':<22} | {'n':>3} | {'p50 s':>6} | {'p95 s':>6} | {'max s':>6} | {'RSS p50 MB':>10} | {'RSS max MB':>10} |")
print("|---|---|---|---|---|---|---|")
for app, (n, p50, p95, mx, r50, rmax) in stats.items():
    print(f"| {'cold start ' + app:<22} | {n:>3} | {p50/1000:>6.1f} | {p95/1000:>6.1f} | {mx/1000:>6.1f} | {r50:>10.0f} | {rmax:>10} |")
b = stats['bare']
for app in ('ours', 'ours-tuned'):
    o = stats[app]
    print(f"{app}/bare: time p50 {o[1]/b[1]:.2f}, p95 {o[2]/b[2]:.2f}; RSS p50 {o[4]/b[4]:.2f}, max {o[5]/b[5]:.2f}")
PY
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, default $(java -version 2>&1 | head -1), tuned $("$tuned_java" -version 2>&1 | head -1)"
