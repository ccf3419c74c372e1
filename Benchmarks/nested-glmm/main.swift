// SPDX-License-Identifier: Apache-2.0
//
// Times NestedGLMM.fit (and LogisticGLMM.fit for comparison) on one site × period cell file of
// Tests/WedgeStatsTests/Fixtures/models (columns site, period, treat, exposure, y, n), 200 fits each.
// Built and run by run.sh against a release build of WedgeStats alone.

import Foundation
import WedgeStats

let text = try String(contentsOfFile: CommandLine.arguments[1], encoding: .utf8)
let rows = text.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",").map { Double($0)! } }
let periods = Array(Set(rows.map { Int($0[1]) })).sorted().dropFirst()
let design = Matrix(rows.map { r in [1.0, r[2]] + periods.map { Int(r[1]) == $0 ? 1.0 : 0.0 } })
let cells = BinomialCells(
    successes: rows.map { $0[4] }, trials: rows.map { $0[5] }, cluster: rows.map { Int($0[0]) - 1 }, design: design)
let period = rows.map { Int($0[1]) }
var nested = NestedGLMM.fit(cells, period: period)
var hh = LogisticGLMM.fit(cells)
let fits = 200
var start = Date()
for _ in 0..<fits { nested = NestedGLMM.fit(cells, period: period) }
let nestedTime = Date().timeIntervalSince(start) / Double(fits)
start = Date()
for _ in 0..<fits { hh = LogisticGLMM.fit(cells) }
let hhTime = Date().timeIntervalSince(start) / Double(fits)
print(String(
    format: "nested %.3f ms per fit (%d deviance evaluations; log OR %.6f, SE %.6f); Hussey–Hughes %.3f ms",
    nestedTime * 1000, nested.evaluations, nested.coefficients[1], nested.standardErrors[1], hhTime * 1000))
