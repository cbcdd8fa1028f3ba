#!/usr/bin/env sh
# How the service runs in production (the Dockerfile's entry point), by the JVM's own means:
#   start.sh prepare <opennrm.jar>   extracts the jar (class data sharing needs plain jars on the class path) and makes
#                                    the ahead-of-time cache from a training run that starts the service on a
#                                    throw-away H2 and stops once the context is refreshed (Java 25, JEP 483/514/515)
#   start.sh run [args]              starts the service from the extracted jar with that cache
# JAVA (default java) and APP_DIR (default the folder of this script) can be set; JAVA_OPTS adds options.
# The JVM options: Serial GC (two cores or fewer per node: no concurrent collector threads to feed, smallest
# footprint), a heap that grows to 75 % of the container's memory limit (or 768 MB without one), and smaller thread
# stacks. None of them changes what the service does.
set -eu
JAVA=${JAVA:-java}
APP_DIR=${APP_DIR:-$(cd "$(dirname "$0")" && pwd)}
OPTS="-XX:+UseSerialGC -Xss512k -XX:+ExitOnOutOfMemoryError"
if [ -r /sys/fs/cgroup/memory.max ] && [ "$(cat /sys/fs/cgroup/memory.max)" != "max" ]; then
  OPTS="$OPTS -XX:MaxRAMPercentage=75"
else
  OPTS="$OPTS -Xmx768m"
fi

case "${1:-run}" in
  prepare)
    jar=$2
    mkdir -p "$APP_DIR"
    "$JAVA" -Djarmode=tools -jar "$jar" extract --force --destination "$APP_DIR/app"
    training=$(mktemp -d)
    # A training run on its own H2, demo profile: the same classes load as in a real start; nothing is kept but the
    # cache. -Dspring.context.exit=onRefresh stops it once the context (engine included) is up.
    (cd "$training" && "$JAVA" $OPTS -XX:AOTCacheOutput="$APP_DIR/app.aot" -Dspring.context.exit=onRefresh \
      -jar "$APP_DIR/app/opennrm.jar" --spring.datasource.url="jdbc:h2:mem:training;DB_CLOSE_DELAY=-1")
    rm -rf "$training"
    ;;
  run)
    shift || true
    cache=""
    [ -f "$APP_DIR/app.aot" ] && cache="-XX:AOTCache=$APP_DIR/app.aot"
    exec "$JAVA" $OPTS $cache ${JAVA_OPTS:-} -jar "$APP_DIR/app/opennrm.jar" "$@"
    ;;
  *)
    echo "usage: start.sh prepare <jar> | run [args]" >&2
    exit 2
    ;;
esac
