#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# Renders Wedge's HTML study report in headless Chromium, to check it in a real browser: every table and chart
# present, legible and uncut. The tests do not depend on this script.
#
#   scripts/screenshot-report.sh [REPORT.html] [OUT-PREFIX]
#
# Without REPORT.html it first makes the sample study's report (`wedge demo --db`, then
# `wedge report --format html --data-lock 2026-01-01`) in a temporary folder. It writes
#   OUT-PREFIX.png         the whole page as the screen shows it, 1280 px wide (full height, nothing cropped);
#   OUT-PREFIX-part-N.png  the same page in parts 1100 px high, to inspect at full resolution;
#   OUT-PREFIX.pdf         the print layout (A4 landscape, as the page's print CSS asks);
#   OUT-PREFIX-print-N.png each printed page, when Ghostscript (gs) is installed.
# OUT-PREFIX defaults to ./report-screenshot.
#
# Needs Chromium (Debian: apt-get install chromium) and python3; set CHROMIUM to use another browser binary.
# Chromium is driven over its DevTools pipe (--remote-debugging-pipe), so the screenshot has the page's
# real height rather than a guessed window size.
set -eu

html="${1:-}"
prefix="${2:-report-screenshot}"
root="$(cd "$(dirname "$0")/.." && pwd)"

chromium="${CHROMIUM:-}"
if [ -z "$chromium" ]; then
    for candidate in chromium chromium-browser google-chrome google-chrome-stable; do
        if command -v "$candidate" >/dev/null 2>&1; then chromium="$candidate"; break; fi
    done
fi
if [ -z "$chromium" ]; then
    echo "error: Chromium not found. Install it (Debian: apt-get install chromium) or set CHROMIUM." >&2
    exit 1
fi
command -v python3 >/dev/null 2>&1 || { echo "error: python3 is needed to drive Chromium." >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ -z "$html" ]; then
    (cd "$root" && swift build --product wedge >/dev/null 2>&1)
    wedge="$(cd "$root" && swift build --show-bin-path)/wedge"
    (cd "$root" && "$wedge" demo --db "$work/sample.sqlite" >/dev/null)
    "$wedge" report --db "$work/sample.sqlite" --format html --data-lock 2026-01-01 --out "$work/report.html" >/dev/null
    html="$work/report.html"
fi
[ -f "$html" ] || { echo "error: '$html' does not exist." >&2; exit 1; }
case "$html" in /*) url="file://$html" ;; *) url="file://$(pwd)/$html" ;; esac

python3 - "$chromium" "$url" "$prefix" "$work" <<'PY'
import base64, json, os, subprocess, sys, time

chromium, url, prefix, work = sys.argv[1:5]
to_chrome_r, to_chrome_w = os.pipe()
from_chrome_r, from_chrome_w = os.pipe()
# Chromium reads commands on fd 3 and writes replies on fd 4, NUL-terminated JSON.
def child_fds():
    # Copy both ends above 4 first, so that placing one cannot clobber the other, and so that the copies at
    # 3 and 4 are inheritable (dup2 onto the same number would keep Python's close-on-exec flag).
    read_end, write_end = os.dup(to_chrome_r), os.dup(from_chrome_w)
    os.dup2(read_end, 3)
    os.dup2(write_end, 4)
proc = subprocess.Popen(
    [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--remote-debugging-pipe",
     "--user-data-dir=" + os.path.join(work, "profile"), "--force-device-scale-factor=1", "about:blank"],
    preexec_fn=child_fds, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.close(to_chrome_r)
os.close(from_chrome_w)
buffer = b""
next_id = 0

def send(method, params=None, session=None):
    global next_id, buffer
    next_id += 1
    message = {"id": next_id, "method": method, "params": params or {}}
    if session:
        message["sessionId"] = session
    os.write(to_chrome_w, json.dumps(message).encode() + b"\0")
    while True:
        while b"\0" not in buffer:
            chunk = os.read(from_chrome_r, 1 << 20)
            if not chunk:
                sys.exit("error: Chromium closed the DevTools pipe")
            buffer += chunk
        raw, buffer = buffer.split(b"\0", 1)
        reply = json.loads(raw)
        if reply.get("id") == next_id:
            if "error" in reply:
                sys.exit("error: %s: %s" % (method, reply["error"]))
            return reply.get("result", {})

target = send("Target.createTarget", {"url": "about:blank"})["targetId"]
session = send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
send("Page.enable", session=session)
send("Emulation.setDeviceMetricsOverride",
     {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session)
send("Page.navigate", {"url": url}, session)
for _ in range(100):
    state = send("Runtime.evaluate", {"expression": "document.readyState", "returnByValue": True}, session)
    if state["result"].get("value") == "complete":
        break
    time.sleep(0.1)
height = send("Runtime.evaluate", {"expression": "Math.ceil(document.documentElement.scrollHeight)",
                                   "returnByValue": True}, session)["result"]["value"]
width = send("Runtime.evaluate", {"expression": "Math.ceil(document.documentElement.scrollWidth)",
                                  "returnByValue": True}, session)["result"]["value"]
send("Emulation.setDeviceMetricsOverride",
     {"width": max(1280, width), "height": height, "deviceScaleFactor": 1, "mobile": False}, session)
shot = send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}, session)
open(prefix + ".png", "wb").write(base64.b64decode(shot["data"]))
# The same page in screen-sized parts, easier to inspect at full resolution.
part_height = 1100
for n, top in enumerate(range(0, height, part_height), start=1):
    clip = {"x": 0, "y": top, "width": max(1280, width), "height": min(part_height, height - top), "scale": 1}
    part = send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip}, session)
    open("%s-part-%d.png" % (prefix, n), "wb").write(base64.b64decode(part["data"]))
pdf = send("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True}, session)
open(prefix + ".pdf", "wb").write(base64.b64decode(pdf["data"]))
# Overflow check: anything wider than the page would be cut when printed.
wide = send("Runtime.evaluate", {"returnByValue": True, "expression": """
    [...document.querySelectorAll('table, svg')].filter(e => e.getBoundingClientRect().right >
        document.documentElement.clientWidth + 1).map(e => (e.closest('[id]') || e).id)"""}, session)
cut = wide["result"].get("value") or []
print("page %d x %d px; elements wider than the page: %s" % (width, height, ", ".join(cut) if cut else "none"))
try:
    send("Browser.close")
except SystemExit:
    pass
proc.wait(timeout=10)
PY

if command -v gs >/dev/null 2>&1; then
    gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=png16m -r70 -o "$prefix-print-%d.png" "$prefix.pdf"
fi
echo "Wrote $prefix.png and $prefix.pdf from $html"
