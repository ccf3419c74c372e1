// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeStats

/// Loads `Fixtures/power/*.csv`, written by `Fixtures/power/reference.R`.
enum PowerFixtures {
    /// All rows of `Fixtures/power/<name>.csv`.
    static func load(_ name: String) throws -> [ReferenceRow] {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures/power"))
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let header = lines.removeFirst()
        return lines.map { ReferenceRow(fields: Dictionary(uniqueKeysWithValues: zip(header, $0))) }
    }

    /// The treatment matrix and (when given) the sizes of design `name` from `designs.csv`.
    static func design(_ name: String) throws -> (treatment: [[Double]], sizes: [[Int]]?) {
        let rows = try load("designs").filter { $0.fields["design"] == name }
        try #require(!rows.isEmpty, "no design \(name)")
        let clusters = rows.map { $0.int("cluster") }.max()! + 1
        let periods = rows.map { $0.int("period") }.max()! + 1
        var x = Array(repeating: Array(repeating: 0.0, count: periods), count: clusters)
        var m = Array(repeating: Array(repeating: 0, count: periods), count: clusters)
        var hasSizes = false
        for row in rows {
            x[row.int("cluster")][row.int("period")] = row.double("x")!
            if let size = row.double("m") {
                hasSizes = true
                m[row.int("cluster")][row.int("period")] = Int(size)
            }
        }
        return (x, hasSizes ? m : nil)
    }

    /// The input described by one row of `reference.csv`.
    static func input(_ row: ReferenceRow) throws -> PowerInput {
        let design = try design(row.fields["design"]!)
        let parameter = row.double("param")!
        let correlation: ClusterCorrelation =
            row.fields["correlation"] == "decay" ? .exponentialDecay(r: parameter) : .nestedExchangeable(cac: parameter)
        let sizes =
            try row.double("m").map { m in design.treatment.map { Array(repeating: Int(m), count: $0.count) } }
            ?? #require(design.sizes)
        return PowerInput(
            treatment: design.treatment, clusterPeriodSizes: sizes, controlProportion: 0.36,
            interventionProportion: 0.63, icc: row.double("icc")!, correlation: correlation,
            periodEffects: row.int("periodEffects") == 1 ? powerFixturePeriodEffects : nil)
    }
}

/// The period shifts used by `reference.R` for its cell-specific-variance rows.
let powerFixturePeriodEffects = [0, 0.02, 0.04, 0.06, 0.08]

/// GLS variance, SE, power and design effect against the independent R implementation in `reference.R`.
///
/// Tolerance 1e-10 relative: R stacks all clusters into one `I·T` system and uses `solve()` with an
/// intercept + (T − 1) dummies parameterization; Swift accumulates per-cluster information with T period
/// indicators and Cholesky. Both are well conditioned here (condition numbers below 1e5), so agreement is
/// within 1e-13 on every row (checked); any wrong covariance term or dropped cell moves the variance by far more than 1e-10.
@Suite("Power: GLS variance against R")
struct PowerReferenceTests {
    static let rows: [ReferenceRow] = (try? PowerFixtures.load("reference")) ?? []

    @Test("fixture table is present and covers the grid")
    func coverage() {
        #expect(Self.rows.count == 93)
        let designs = Set(Self.rows.compactMap { $0.fields["design"] })
        #expect(designs == ["classic6x7", "swift6x5", "sites12x7", "fractional6x7", "unequal6x5"])
    }

    @Test("Var(θ̂), SE, power, design effect and N match R", arguments: 0..<93)
    func matchesR(index: Int) throws {
        let row = try #require(Self.rows.indices.contains(index) ? Self.rows[index] : nil)
        let result = HusseyHughesPower.compute(try PowerFixtures.input(row))
        expectClose(result.variance, row.double("variance")!, tolerance: 1e-10, "variance \(row)")
        expectClose(result.standardError, row.double("se")!, tolerance: 1e-10, "se \(row)")
        expectClose(result.power, row.double("power")!, tolerance: 1e-10, "power \(row)")
        expectClose(result.designEffect, row.double("designEffect")!, tolerance: 1e-10, "DE \(row)")
        expectClose(result.clusterVariance, row.double("tau2")!, tolerance: 1e-12, "tau2 \(row)")
        expectClose(result.clusterPeriodVariance, row.double("gamma2")!, tolerance: 1e-12, "gamma2 \(row)")
        #expect(result.totalSampleSize == row.int("total"))
    }

    @Test("closed form matches R's closed form and the Swift GLS where it applies")
    func closedForm() throws {
        var checked = 0
        for row in Self.rows {
            let input = try PowerFixtures.input(row)
            let closed = HusseyHughesPower.closedFormVariance(input)
            guard let expected = row.double("closed") else {
                #expect(closed == nil, "closed form should not apply: \(row)")
                continue
            }
            let value = try #require(closed, "closed form should apply: \(row)")
            expectClose(value, expected, tolerance: 1e-10, "closed \(row)")
            expectClose(HusseyHughesPower.compute(input).variance, value, tolerance: 1e-10, "GLS vs closed \(row)")
            checked += 1
        }
        #expect(checked == 18)
    }
}
