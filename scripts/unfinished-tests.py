#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Lists the tests of a Swift Testing console log that started and never finished: what a hung run was waiting on.

    scripts/unfinished-tests.py LOG

.ci/run calls it when the test run outlives its time limit. The log must be line-buffered (stdbuf -oL), or the
last lines are still in the test process's buffer when it is killed.
"""
import re
import sys

started, finished = [], set()
for line in open(sys.argv[1], errors="replace"):
    line = line.rstrip("\n")
    if match := re.match(r'^◇ Test (".*?"|\S+\(.*?\)) started\.$', line):
        started.append(match.group(1))
    elif match := re.match(r'^[✔✘] Test (".*?"|\S+\(.*?\)) ', line):
        finished.add(match.group(1))
unfinished = [name for name in started if name not in finished]
for name in unfinished:
    print("unfinished:", name)
sys.exit(1 if unfinished else 0)
