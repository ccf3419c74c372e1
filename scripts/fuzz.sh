#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The long fuzz run: thousands of mutated inputs (every file wedge reads, and its command lines), each run as a
# subprocess of the built wedge with a time limit. Fails when any case crashes, hangs, exits with a code other than
# 0, 1 or 64, gives an error that does not name its file, or changes a study database it refused to change.
#
#   scripts/fuzz.sh [SEED] [CASES]     # SEED: default from the clock, printed; CASES per target, default 300
#
# A failing case is saved under $WEDGE_FUZZ_FINDINGS (default: a fresh temporary folder, printed); replay it with
# the same seed, then copy the file into Tests/WedgeCLITests/Fixtures/fuzz/TARGET/ and list it in
# FuzzRegressionTests.expected. Set SKIP_BUILD=1 when the tests are already built.
set -euo pipefail
cd "$(dirname "$0")/.."

seed="${1:-$(date +%s)}"
cases="${2:-300}"
export WEDGE_FUZZ_SEED="$seed" WEDGE_FUZZ_CASES="$cases"
export WEDGE_FUZZ_FINDINGS="${WEDGE_FUZZ_FINDINGS:-$(mktemp -d -t wedge-fuzz-findings.XXXXXX)}"
echo "fuzz: seed $seed, $cases cases per target (7 targets, command lines twice), findings in $WEDGE_FUZZ_FINDINGS"
echo "fuzz: replay with: scripts/fuzz.sh $seed $cases"

if [ "${SKIP_BUILD:-0}" != 1 ]; then swift build --build-tests; fi
start=$(date +%s)
status=0
swift test --skip-build --filter 'WedgeCLITests.FuzzTests' || status=$?
echo "fuzz: seed $seed finished in $(( $(date +%s) - start )) s with status $status"
exit "$status"
