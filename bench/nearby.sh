#!/usr/bin/env bash
# Measures "near me" at 30,000 stations (see BENCHMARKS.md, section Nearby). Needs the local PostgreSQL
# the tests use (127.0.0.1:5432, user postgres) and a JDK 21+.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
JAVA=java
for j in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  if [ -x "$j/bin/java" ] && "$j/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then JAVA="$j/bin/java"; break; fi
done
exec "$JAVA" -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  -Dlogback.configurationFile=src/test/resources/logback-test.xml cn.shegong.portal.stations.NearbyBenchmark
