#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# The nested-exchangeable GLMM at SWIFT size (6 sites x 5 periods, 30 cells): a release build of WedgeStats
# alone, this timing harness linked against it, and the fit timed on Fixtures/models/swift_nested.csv.
# Run from the package root: sh Benchmarks/nested-glmm/run.sh [CELLS.csv]
set -e
swift build -c release --target WedgeStats >/dev/null
R=.build/release
SHIMS=.build/checkouts/swift-numerics/Sources/_NumericsShims/include
swiftc -O Benchmarks/nested-glmm/main.swift -I "$R/Modules" -Xcc -I"$SHIMS" -Xcc -fmodule-map-file="$SHIMS/module.modulemap" \
    "$R"/WedgeStats.build/*.o "$R"/RealModule.build/*.o -o "$R/nested-glmm-bench"
"$R/nested-glmm-bench" "${1:-Tests/WedgeStatsTests/Fixtures/models/swift_nested.csv}"
