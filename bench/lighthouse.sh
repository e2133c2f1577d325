#!/usr/bin/env bash
# Lighthouse 12 mobile (on demand, not in CI) against a running portal: the four category scores and the Total
# Blocking Time of each page. Uses Debian's Chromium; Lighthouse itself from npm (LIGHTHOUSE=path to its bin).
#   bench/lighthouse.sh http://localhost:8080 [PATH…]
set -euo pipefail
BASE=${1:?base URL, e.g. http://localhost:8080}; shift
PATHS=("$@"); [ ${#PATHS[@]} -gt 0 ] || PATHS=(/ /stations /news /search?q=%E7%A4%BE%E5%B7%A5 /accessibility /privacy)
LH=${LIGHTHOUSE:-npx -y lighthouse@12}
for p in "${PATHS[@]}"; do
  out=$(mktemp /tmp/lighthouse-XXXX.json)
  $LH "$BASE$p" --quiet --chrome-path=/usr/bin/chromium --form-factor=mobile \
    --only-categories=performance,accessibility,best-practices,seo --output=json --output-path="$out" \
    --chrome-flags="--headless=new --no-sandbox" >/dev/null 2>&1 || { echo "$p: lighthouse failed"; continue; }
  python3 - "$p" "$out" <<'PY'
import json, sys
r = json.load(open(sys.argv[2]))
c = {k: round(v["score"] * 100) if v["score"] is not None else None for k, v in r["categories"].items()}
tbt = r["audits"]["total-blocking-time"]["numericValue"]
print(f'{sys.argv[1]}\tperf {c.get("performance")}\ta11y {c.get("accessibility")}\tbest {c.get("best-practices")}\tseo {c.get("seo")}\tTBT {tbt:.0f} ms')
PY
  rm -f "$out"
done
