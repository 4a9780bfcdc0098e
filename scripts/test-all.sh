#!/usr/bin/env bash
# Every check Holdfast has, in the order a failure is cheapest to find. Fails on the first
# failing step and says which.
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
log=$(mktemp -d)

step() {
  local name=$1; shift
  echo "== $name: $*"
  if ! "$@" 2>&1 | tee "$log/$name.txt"; then
    echo "FAILED step: $name"
    exit 1
  fi
}

step typecheck npx tsc --noEmit
step lint npx eslint . --max-warnings 0
step unit npx vitest run
step build npx wxt build
step build-firefox npx wxt build -b firefox
step web-ext-lint npx web-ext lint --source-dir .output/firefox-mv3 --self-hosted
# web-ext lint exits 0 on warnings; the store package must have neither errors nor warnings
# (Preact's one innerHTML path is removed at build time: build/preact-no-inner-html.ts).
grep -Eq '^errors +0 *$' "$log/web-ext-lint.txt" || { echo "FAILED step: web-ext lint reported errors"; exit 1; }
grep -Eq '^warnings +0 *$' "$log/web-ext-lint.txt" || { echo "FAILED step: web-ext lint reported warnings"; exit 1; }
# The team sync server as real processes on loopback, on PGlite and on PostgreSQL
# (scripts/setup.sh installs and starts PostgreSQL).
step server npx vitest run --config vitest.server.config.ts
step e2e npx playwright test
# The Firefox add-on (.output/firefox-mv3, built above) in Debian's Firefox ESR over WebDriver
# BiDi (tests/firefox): the products' pages, Options and its import, popup and sidebar.
step firefox npx vitest run --config vitest.firefox.config.ts
step zip npx wxt zip
step zip-firefox npx wxt zip -b firefox

# One closing line with every count, in the plain form CI reads.
strip() { sed 's/\x1b\[[0-9;]*m//g' "$1"; }
unit=$(strip "$log/unit.txt" | grep -E '^ +Tests +[0-9]+ passed' | grep -Eo '[0-9]+ passed' | grep -Eo '[0-9]+' || echo 0)
server=$(strip "$log/server.txt" | grep -E '^ +Tests +[0-9]+ passed' | grep -Eo '[0-9]+ passed' | grep -Eo '[0-9]+' || echo 0)
e2e=$(strip "$log/e2e.txt" | grep -Eo '^ +[0-9]+ passed' | grep -Eo '[0-9]+' | tail -1 || echo 0)
firefox=$(strip "$log/firefox.txt" | grep -E '^ +Tests +[0-9]+ passed' | grep -Eo '[0-9]+ passed' | grep -Eo '[0-9]+' || echo 0)
echo "unit $unit, server $server, end-to-end $e2e, firefox $firefox"
echo "total: $((unit + server + e2e + firefox)) passed, 0 failed"
