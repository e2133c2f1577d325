#!/usr/bin/env bash
# Start-up benchmark (on demand, not in CI): for each given jar, starts the portal on a throw-away database with
# the seeds (first start: migrations, seed import, index build), stops it, starts it again (a restart), and
# prints the jar's size and milliseconds from launch to the first 200 from /ready.
#   bench/startup.sh [JAR…]      default: target/portal.jar
set -euo pipefail
cd "$(dirname "$0")/.."
JARS=("$@"); [ ${#JARS[@]} -gt 0 ] || JARS=(target/portal.jar)
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*/bin/java | while read -r j; do
  v=$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
  [ "${v:-0}" -ge 21 ] && echo "$j" && break; done)}
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export MALLOC_ARENA_MAX=2 PORTAL_HTTP_PORT=$PORT PORTAL_SHUTDOWN_DRAIN_MS=0

start_ms() {  # launch the jar, wait for /ready, print the milliseconds, stop it
  local t0 t1 pid
  t0=$(date +%s%N)
  "$JAVA" --enable-native-access=ALL-UNNAMED -Xmx256m -XX:+UseSerialGC -jar "$1" serve > "$2" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$PORT/ready")" = 200 ]; do
    kill -0 $pid 2>/dev/null || { echo "startup: portal exited, see $2" >&2; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s%N)
  kill $pid; wait $pid 2>/dev/null || true
  echo $(( (t1 - t0) / 1000000 ))
}

for jar in "${JARS[@]}"; do
  DB=portal_startup_$$; INDEX=$(mktemp -d /tmp/portal-startup-index.XXXX)
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" postgres
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $DB" postgres
  export PORTAL_DB_URL="postgresql://postgres@127.0.0.1:5432/$DB" PORTAL_INDEX_DIR="$INDEX"
  first=$(start_ms "$jar" "/tmp/portal-startup-$$.log")
  again=$(start_ms "$jar" "/tmp/portal-startup-$$.log")
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" postgres; rm -rf "$INDEX"
  printf '%s\t%s MB\tfirst start %s ms\trestart %s ms\n' "$jar" "$(( $(stat -c %s "$jar") / 1048576 ))" "$first" "$again"
done
