#!/usr/bin/env bash
# Lighthouse 12 mobile (on demand, not in CI) against a running portal: the four category scores and the Total
# Blocking Time of each page. Uses Debian's Chromium; Lighthouse itself from npm (LIGHTHOUSE=path to its bin).
#   bench/lighthouse.sh http://localhost:8080 [PATH…]
# RUNS=n repeats each page; DETAILS=1 also prints the long tasks, the main-thread breakdown and the scripts'
# boot-up time; KEEP=dir keeps the JSON reports there, with each run's trace; LIGHTHOUSE_FLAGS adds flags (e.g. a
# taller screen: --screenEmulation.height=1400, so /stations's map is in view and built during the run).
set -euo pipefail
BASE=${1:?base URL, e.g. http://localhost:8080}; shift
PATHS=("$@"); [ ${#PATHS[@]} -gt 0 ] || PATHS=(/ /stations /news /search?q=%E7%A4%BE%E5%B7%A5 /accessibility /privacy)
LH=${LIGHTHOUSE:-npx -y lighthouse@12}
RUNS=${RUNS:-1}
for p in "${PATHS[@]}"; do
  for run in $(seq 1 "$RUNS"); do
    out=$(mktemp /tmp/lighthouse-XXXX.json)
    $LH "$BASE$p" --quiet ${KEEP:+--save-assets} --chrome-path=/usr/bin/chromium --form-factor=mobile \
      --only-categories=performance,accessibility,best-practices,seo --output=json --output-path="$out" \
      --chrome-flags="--headless=new --no-sandbox" ${LIGHTHOUSE_FLAGS:-} >"$out.log" 2>&1 ||
      { echo "$p: lighthouse failed: $(grep -m1 -iE 'error|fail' "$out.log" | cut -c1-160)"; rm -f "$out" "$out.log"; continue; }
    rm -f "$out.log"
    DETAILS=${DETAILS:-} python3 - "$p" "$out" <<'PY'
import json, os, sys
r = json.load(open(sys.argv[2]))
a = r["audits"]
c = {k: round(v["score"] * 100) if v["score"] is not None else None for k, v in r["categories"].items()}
tbt = a["total-blocking-time"]["numericValue"]
print(f'{sys.argv[1]}\tperf {c.get("performance")}\ta11y {c.get("accessibility")}\tbest {c.get("best-practices")}'
      f'\tseo {c.get("seo")}\tTBT {tbt:.0f} ms\tFCP {a["first-contentful-paint"]["numericValue"]:.0f}'
      f'\tLCP {a["largest-contentful-paint"]["numericValue"]:.0f}\tCLS {a["cumulative-layout-shift"]["numericValue"]:.3f}')
if os.environ.get("DETAILS"):
    for t in a.get("long-tasks", {}).get("details", {}).get("items", []):
        print(f'  long task {t["duration"]:.0f} ms at {t["startTime"]:.0f} ms\t{t["url"]}')
    for g in a["mainthread-work-breakdown"]["details"]["items"]:
        print(f'  main thread {g["groupLabel"]}: {g["duration"]:.0f} ms')
    for s in a["bootup-time"]["details"]["items"]:
        print(f'  script {s["url"]}: total {s["total"]:.0f} ms, evaluation {s["scripting"]:.0f} ms')
PY
    if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP"; name="$KEEP/$(echo "$p" | tr -c 'a-zA-Z0-9\n' _)-$run"; mv "$out" "$name.json"; mv "${out%.json}-0.trace.json" "$name.trace.json"; rm -f "${out%.json}"-0.*; else rm -f "$out"; fi
  done
done
