#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (/usr/bin/chromium) with Playwright.
# Playwright's own browser download does not work here, so we use the distribution's package.
set -euo pipefail
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing: installing Debian's chromium package (needed by the browser tests)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
cat >&2 <<'MSG'
Không có Chromium, các kiểm thử trên trình duyệt không chạy được.
Chromium is missing, so the browser tests cannot run.

  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install chromium
  Elsewhere:      install Chromium and run  CHROMIUM=/path/to/chromium make test

The tests never skip silently: install it, then run make test again.
MSG
exit 1
