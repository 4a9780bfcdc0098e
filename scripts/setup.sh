#!/usr/bin/env bash
# Installs what Holdfast needs on a fresh Debian 12 machine with Node 20: Debian's Chromium
# (Playwright cannot download its own browser here) and Firefox ESR, a CJK font, Debian's
# PostgreSQL for the team server's tests (a running cluster and a `holdfast` role that may
# create databases), and the npm packages from the lockfile.
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# The Firefox suite (tests/firefox) drives Debian's Firefox ESR over WebDriver BiDi.
command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
# The team server's tests and benchmarks run against a real PostgreSQL as well as PGlite
# (DESIGN §8): Debian's package, its default cluster, and a password login over 127.0.0.1
# for a test role that may create (and drop) its own throwaway databases.
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
# Chinese text in the demo's and `npm run screenshots`' pictures needs a CJK font.
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing Debian's ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
pg_version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$pg_version main"; then
  echo "== creating PostgreSQL $pg_version cluster main"
  $SUDO pg_createcluster "$pg_version" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$pg_version" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
  echo "== starting PostgreSQL $pg_version main"
  $SUDO pg_ctlcluster "$pg_version" main start
fi
# (From / so that the postgres user is not left in a folder it cannot read.)
as_postgres() { (cd / && if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi); }
# Idempotent: creates the role once, and (re)sets the password the tests use.
as_postgres psql -q -v ON_ERROR_STOP=1 -d postgres <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'holdfast') THEN
    CREATE ROLE holdfast LOGIN CREATEDB PASSWORD 'holdfast';
  ELSE
    ALTER ROLE holdfast LOGIN CREATEDB PASSWORD 'holdfast';
  END IF;
END $$;
SQL

echo "== npm ci"
npm ci --no-audit --no-fund
