#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The pages in a real browser (issue 17): starts `wedge-server demo` (the CTN-0097 sample study, one account per
# role, "today" pinned to 2022-07-18) on a free local port, waits for /healthz, then drives headless Chromium
# (Debian's chromium and chromium-driver) with selenium through scripts/browser_tests.py: a site coordinator
# screens, enrolls and records outcomes; a rule breach shows its message next to the field; another site's
# coordinator gets 404; two sessions conflict; a data manager corrects with a reason; the statistician's report
# starts its CONSORT flow at "Assessed for eligibility"; form tokens, session cookies and logout. axe-core
# (axe-selenium-python) checks every page for serious or critical violations, and every page must fit a 768-pixel
# screen without sideways scrolling. Fails (non-zero) on any failure; the last line is the summary
# ("browser tests: 7 scenarios passed, ...").
#
#   scripts/browser-tests.sh                                      # the demo in a temporary SQLite file
#   scripts/with-postgres.sh scripts/browser-tests.sh --postgres  # the demo in a fresh PostgreSQL database
#   scripts/browser-tests.sh --screenshots                        # also every page, desktop and tablet width,
#                                                                 # into docs/screenshots/ (or WEDGE_SCREENSHOTS)
#
# The server binary is ${WEDGE_SERVER:-.build/debug/wedge-server} (build it first: swift build --product
# wedge-server). Installs Debian's chromium and chromium-driver when either is missing (needs root and apt), and
# selenium, axe-selenium-python (axe-core 4.10), requests and Pillow, pinned, into a virtual environment under /tmp.
# axe-selenium-python 3 needs Python 3.12 or later: the newest python3.1x found is used (pyenv's included), else
# python3 with pip's --ignore-requires-python (its code runs on 3.11). Takes about 1.5 minutes on SQLite and 2 on
# PostgreSQL on 2 cores (2.5 with --screenshots).
set -euo pipefail
cd "$(dirname "$0")/.."

SELENIUM_VERSION=4.45.0
AXE_SELENIUM_VERSION=3.0.0
REQUESTS_VERSION=2.32.5
PILLOW_VERSION=12.1.1
postgres=0
screenshots=""
for arg in "$@"; do
  case "$arg" in
    --postgres) postgres=1 ;;
    --screenshots) screenshots="${WEDGE_SCREENSHOTS:-docs/screenshots}" ;;
    *) echo "usage: scripts/browser-tests.sh [--postgres] [--screenshots]" >&2; exit 64 ;;
  esac
done

WEDGE_SERVER="${WEDGE_SERVER:-.build/debug/wedge-server}"
[ -x "$WEDGE_SERVER" ] || { echo "browser tests: no server binary at $WEDGE_SERVER (swift build --product wedge-server)" >&2; exit 1; }

# Chromium and its WebDriver, from Debian.
if ! command -v chromedriver > /dev/null || ! command -v chromium > /dev/null; then
  echo "== installing Debian's chromium and chromium-driver =="
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium chromium-driver > /dev/null
fi
export CHROMIUM="${CHROMIUM:-$(command -v chromium)}"
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
echo "browser: $("$CHROMIUM" --version 2> /dev/null | head -n 1); $("$CHROMEDRIVER" --version | cut -d' ' -f1-2)"

# Python 3.12+ for axe-selenium-python 3 (which bundles axe-core 4.10).
python=""
for candidate in python3.13 python3.12 $(ls -d "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[2-9]*/bin/python3 2> /dev/null | sort -V -r) python3; do
  if command -v "$candidate" > /dev/null \
      && "$candidate" -c 'import sys, venv; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2> /dev/null; then
    python=$(command -v "$candidate"); break
  fi
done
pip_extra=()
if [ -z "$python" ]; then
  python=$(command -v python3)
  pip_extra=(--ignore-requires-python)
fi
pyver=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
venv="/tmp/wedge-browser-tests-py$pyver-selenium$SELENIUM_VERSION-axe$AXE_SELENIUM_VERSION"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import selenium, axe_selenium_python, requests, PIL' 2> /dev/null; then
  echo "== installing selenium $SELENIUM_VERSION and axe-selenium-python $AXE_SELENIUM_VERSION into $venv =="
  rm -rf "$venv"
  "$python" -m venv "$venv"
  # requests reads the session cookie into HTTP checks (form tokens, cookie attributes); Pillow shrinks screenshots.
  "$venv/bin/pip" install -q ${pip_extra[@]+"${pip_extra[@]}"} "selenium==$SELENIUM_VERSION" \
    "axe-selenium-python==$AXE_SELENIUM_VERSION" "requests==$REQUESTS_VERSION" "pillow==$PILLOW_VERSION"
fi
# Selenium must use Debian's driver and never download one.
export SE_OFFLINE=true

tmp=$(mktemp -d /tmp/wedge-browser.XXXXXX)
name=browser
. scripts/demo-server.sh
engine=sqlite
if [ "$postgres" = 1 ]; then engine=postgresql; fi

shot_args=()
if [ -n "$screenshots" ]; then
  mkdir -p "$screenshots"
  rm -f "$screenshots"/desktop-*.png "$screenshots"/tablet-*.png
  shot_args=(--screenshots "$screenshots")
fi

echo "== browser tests against $base ($engine)"
status=0
"$venv/bin/python" scripts/browser_tests.py --base-url "$base" --accounts "$tmp/accounts.json" --engine "$engine" \
  ${shot_args[@]+"${shot_args[@]}"} || status=$?

if ! kill -0 "$server_pid" 2> /dev/null; then
  echo "browser tests: the server died during the run:" >&2; tail -n 50 "$tmp/server.log" >&2; exit 1
fi
if [ "$status" != 0 ]; then
  echo "--- server log (last 30 lines)" >&2; tail -n 30 "$tmp/server.log" >&2
  exit "$status"
fi
