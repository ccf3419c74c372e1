#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Times Wedge and R on the same generated datasets in one run, and checks that their estimates agree.
# Installs nothing. Needs Swift 6.1+ and the Debian packages r-base-core r-cran-lme4 r-cran-geepack r-cran-survival
# (and r-cran-pbkrtest for the parametric bootstrap task, which is skipped without it).
#
#   Benchmarks/compare-r.sh                 # GLMM, GEE and survival tasks
#   BUDGET=2 Benchmarks/compare-r.sh        # seconds of timed runs per task and tool (default 1 for Wedge, 2 for R)
#   SKIP_BUILD=1 Benchmarks/compare-r.sh    # reuse the existing release build
#
# Exit status: 0 when every estimate agrees, 1 on a disagreement or a failed task, 2 when R or a package is missing.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v Rscript >/dev/null; then
    echo "compare-r.sh: Rscript not found. Install r-base-core r-cran-lme4 r-cran-geepack r-cran-survival." >&2
    exit 2
fi
if ! Rscript -e 'for (p in c("lme4", "geepack", "survival")) if (!requireNamespace(p, quietly = TRUE)) quit(status = 3)' \
    >/dev/null 2>&1; then
    echo "compare-r.sh: an R package is missing. Install r-cran-lme4 r-cran-geepack r-cran-survival." >&2
    exit 2
fi

if [ -z "${SKIP_BUILD:-}" ]; then
    swift build -c release --product wedge-bench
    swift build -c release --product wedge
fi
bench=.build/release/wedge-bench
mkdir -p data
"$bench" generate --data data
"$bench" run --filter "${FILTER:-glmm,gee,km,logrank,cox}" --data data --budget "${BUDGET:-1}" \
    --tsv data/wedge-results.tsv --json data/wedge-results.json
echo
Rscript compare.R data data/wedge-results.tsv "${R_BUDGET:-${BUDGET:-2}}"
