#!/usr/bin/env bash
# Installs what Holdfast needs on a fresh Debian 12 machine with Node 20: Debian's Chromium
# (Playwright cannot download its own browser here) and the npm packages from the lockfile.
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing Debian's chromium"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
echo "== npm ci"
npm ci --no-audit --no-fund
