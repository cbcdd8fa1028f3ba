#!/usr/bin/env bash
# Cold start of the packaged service on the embedded default (fresh ./data, demo profile: schema, deployments and
# demo cases all created), side by side with a bare Camunda 7.24 app, alternating A B A B.
# Time = from process start until the app answers its readiness URL; RSS = resident memory right after that.
#   src/bench/startup/measure.sh [rounds]        (default 5 rounds)
set -euo pipefail
cd "$(dirname "$0")/../../.."
rounds=${1:-5}
port_ours=18080
port_bare=18081

mvn -B -q -DskipTests package
mvn -B -q -f src/bench/startup/bare-app/pom.xml -DskipTests package

work=$(mktemp -d)
trap 'rm -rf "$work"; pkill -f "$work" 2>/dev/null || true' EXIT

start_once() { # name jar port readiness-path
  local dir="$work/$1-$RANDOM"; mkdir -p "$dir"
  local t0; t0=$(date +%s%N)
  (cd "$dir" && exec java -jar "$2" --server.port="$3" > app.log 2>&1) &
  local pid=$!
  until curl -fs -o /dev/null "http://localhost:$3$4"; do
    sleep 0.1
    if ! kill -0 $pid 2>/dev/null; then echo "$1 died: $(tail -5 "$dir/app.log")" >&2; exit 1; fi
  done
  local t1; t1=$(date +%s%N)
  local rss; rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  kill $pid; wait $pid 2>/dev/null || true
  echo "$1 $(( (t1 - t0) / 1000000 )) $(( rss / 1024 ))"
}

results="$work/results.txt"
for ((i = 1; i <= rounds; i++)); do
  start_once ours "$PWD/target/opennrm.jar" $port_ours /actuator/health/readiness >> "$results"
  start_once bare "$PWD/src/bench/startup/bare-app/target/bare-camunda.jar" $port_bare /engine-rest/engine >> "$results"
done

python3 - "$results" <<'PY'
import sys, statistics
rows = [line.split() for line in open(sys.argv[1])]
def pct(values, p):
    values = sorted(values); k = (len(values) - 1) * p / 100
    f = int(k); c = min(f + 1, len(values) - 1)
    return values[f] + (values[c] - values[f]) * (k - f)
stats = {}
for app in ('ours', 'bare'):
    ms = [int(r[1]) for r in rows if r[0] == app]; mb = [int(r[2]) for r in rows if r[0] == app]
    stats[app] = (len(ms), pct(ms, 50), pct(ms, 95), max(ms), pct(mb, 50), max(mb))
print(f"{'workload':<22}{'n':>3}{'p50 s':>8}{'p95 s':>8}{'max s':>8}{'RSS p50 MB':>12}{'RSS max MB':>12}")
for app, (n, p50, p95, mx, r50, rmax) in stats.items():
    print(f"{'cold start ' + app:<22}{n:>3}{p50/1000:>8.1f}{p95/1000:>8.1f}{mx/1000:>8.1f}{r50:>12.0f}{rmax:>12}")
o, b = stats['ours'], stats['bare']
print(f"ours/bare: time p50 {o[1]/b[1]:.2f}, p95 {o[2]/b[2]:.2f}; RSS p50 {o[4]/b[4]:.2f}")
PY
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
