#!/usr/bin/env bash
# The search benchmark: bench/search.sh [articles=100000] [stations=30000]
# Needs the local PostgreSQL (127.0.0.1:5432, user postgres); creates and drops its own database.
set -euo pipefail
cd "$(dirname "$0")/.."
./portal --help >/dev/null   # builds target/portal.jar when needed
JAVA=$(sed -n 's/^exec "\$JAVA".*//p' portal >/dev/null; for j in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*/bin/java; do
  [ -x "$j" ] && "$j" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' && { echo "$j"; break; }; done)
exec "$JAVA" -Xmx1g -cp target/portal.jar bench/SearchBenchmark.java "$@"
