#!/usr/bin/env bash
# Load benchmark (on demand, not in CI): fills a throw-away database with synthetic content, starts the portal
# and measures each route with wrk, printing req/s, p99 and each route's ratio to /health in the same run.
#   bench/load.sh [ARTICLES] [STATIONS] [SECONDS]      defaults: 100000 30000 10
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES=${1:-100000}
STATIONS=${2:-30000}
SECONDS_EACH=${3:-10}
# own database and port per run: another engineer's benchmark on the same machine is left alone
DB=${BENCH_DB:-portal_bench_$$}
PORT=${BENCH_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
INDEX=$(mktemp -d /tmp/portal-bench-index.XXXX)
WRK_OUT=$(mktemp /tmp/portal-bench-wrk.XXXX)
command -v wrk >/dev/null || { echo "bench: needs wrk (apt-get install wrk)" >&2; exit 1; }

psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" postgres
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $DB" postgres
export PORTAL_DB_URL="postgresql://postgres@127.0.0.1:5432/$DB" PORTAL_INDEX_DIR="$INDEX" PORTAL_HTTP_PORT=$PORT
export PORTAL_SHUTDOWN_DRAIN_MS=0

echo "== generating $ARTICLES articles and $STATIONS stations (synthetic)"
./portal generate --articles "$ARTICLES" --stations "$STATIONS"

./portal serve > "/tmp/portal-bench-$$.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$INDEX" "$WRK_OUT" "${ROTATE_DIR:-}";
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" postgres' EXIT
for _ in $(seq 1 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$PORT/ready")" = 200 ] && break
  sleep 1
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$PORT/ready")" = 200 ] || { echo "bench: portal not ready" >&2; exit 1; }
JAVA_PID=$PID   # ./portal execs java: the same process

SLUG=$(psql -h 127.0.0.1 -U postgres -d $DB -Atc "SELECT slug FROM articles WHERE status='published' ORDER BY id DESC LIMIT 1")
ROUTES=("/health" "/" "/news/$SLUG" "/search?q=%E7%A4%BE%E5%B7%A5%E7%AB%99" "/api/search?q=%E7%A4%BE%E5%B7%A5%E7%AB%99" "/api/stations?near=31.23,121.47&limit=20")
# the same routes over many URLs in turn: 2,000 articles (more than the page cache holds, so mostly rendered
# afresh), 100 popular searches (rendered once each, then from the cache), 2,000 resident positions (never cached)
ROTATE_DIR=$(mktemp -d /tmp/portal-bench-rotate.XXXX)
psql -h 127.0.0.1 -U postgres -d $DB -Atc "SELECT '/news/' || slug FROM articles WHERE status='published'
  ORDER BY md5(slug) LIMIT 2000" > "$ROTATE_DIR/news"
for q in 社工 医务社工 心理健康 社区 养老 儿童关爱 残疾人 嘉定 拉萨 jiading 志愿服务 社工站 精神障碍社区康复 困境儿童 \
  服务项目 乡镇 街道 医院 家庭 老年人; do
  for page in 1 2 3 4 5; do printf '/search?q=%s&page=%d\n' "$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$q")" "$page"; done
done > "$ROTATE_DIR/search"
python3 -c '
import random
random.seed(7)
for _ in range(2000):
    print("/api/stations?near=%.4f,%.4f&limit=20" % (random.uniform(22, 41), random.uniform(102, 122)))' > "$ROTATE_DIR/nearby"
ROTATING=("news:/news/{2000 slugs}" "search:/search?q={20 queries × 5 pages}" "nearby:/api/stations?near={2000 points}")

measure() { # CONNECTIONS PATH [ROTATE_FILE] → "req/s p99_ms non2xx"
  local script=()
  [ -n "${3:-}" ] && script=(-s bench/rotate.lua)
  ROTATE_FILE=${3:-} wrk -t"$(( $1 < 2 ? 1 : 2 ))" -c"$1" -d"${SECONDS_EACH}s" --latency "${script[@]}" \
    "http://127.0.0.1:$PORT$2" > "$WRK_OUT" 2>&1
  rps=$(awk '/Requests\/sec/ {print $2}' "$WRK_OUT")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub("us","",v); v=v/1000} else if (v ~ /ms$/) {sub("ms","",v)} else if (v ~ /s$/) {sub("s","",v); v=v*1000}; print v}' "$WRK_OUT")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$WRK_OUT")
  echo "$rps $p99 ${non2xx:-0}"
}

wrk -t2 -c32 -d3s "http://127.0.0.1:$PORT/" > /dev/null 2>&1   # warm-up
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# throughput with 32 connections (req/s, its p99 is mostly queueing on 2 cores), then latency with 1 connection
printf '%-48s %10s %12s %8s %12s %8s\n' route "req/s c32" "p99 ms c32" "ratio" "p99 ms c1" "non-2xx"
base=""
for r in "${ROUTES[@]}"; do
  # each route's own warm-up: its first seconds are JIT compilation and first renders, not steady state
  wrk -t2 -c32 -d3s "http://127.0.0.1:$PORT$r" > /dev/null 2>&1
  read -r rps p99 bad < <(measure 32 "$r")
  read -r _ p99one bad1 < <(measure 1 "$r")
  [ -z "$base" ] && base=$rps
  printf '%-48s %10.0f %12.2f %8.2f %12.2f %8s\n' "$r" "$rps" "$p99" "$(echo "$rps / $base" | bc -l)" "$p99one" "$((bad + bad1))"
done
for entry in "${ROTATING[@]}"; do
  file="$ROTATE_DIR/${entry%%:*}"
  ROTATE_FILE=$file wrk -t2 -c32 -d3s -s bench/rotate.lua "http://127.0.0.1:$PORT/" > /dev/null 2>&1
  read -r rps p99 bad < <(measure 32 / "$file")
  read -r _ p99one bad1 < <(measure 1 / "$file")
  printf '%-48s %10.0f %12.2f %8.2f %12.2f %8s\n' "${entry#*:}" "$rps" "$p99" "$(echo "$rps / $base" | bc -l)" "$p99one" "$((bad + bad1))"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "resident memory: $(( $(ps -o rss= -p "$JAVA_PID") / 1024 )) MB (pid $JAVA_PID;" \
  "$(awk '/RssAnon|RssFile/ {printf "%s %d MB ", $1, $2/1024}' "/proc/$JAVA_PID/status"))"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(uname -sr)"
