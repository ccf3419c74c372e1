// SPDX-License-Identifier: Apache-2.0

import Foundation
import RealModule
import Testing
import WedgeStats

/// `SampleSummary`, `Quantile` and `StandardizedDifference` against R (`Fixtures/descriptive/reference.R`:
/// base R's mean, sd and quantile type 7, and the tableone SMD formulas written out in R).
///
/// Tolerance 1e-12 relative: both sides do the same few floating-point operations (a compensated sum here,
/// R's long-double accumulation there), so they agree to a few ulps; a wrong formula is off by far more.
@Suite("Descriptive statistics")
struct DescriptiveStatisticsTests {
    static func load(_ name: String) throws -> [ReferenceRow] {
        try ReferenceTable.load("descriptive/\(name)")
    }

    static func numbers(_ text: String) -> [Double] {
        text.split(separator: ";").map { $0 == "NA" ? .nan : Double($0)! }
    }

    /// Expects `actual` to match an R value; an empty R field means NA, which must be NaN here.
    static func expectMatch(_ actual: Double, _ expected: Double?, _ what: String) {
        guard let expected else {
            #expect(actual.isNaN, "\(what): R gives NA, got \(actual)")
            return
        }
        expectClose(actual, expected, tolerance: 1e-12, what)
    }

    @Test("Count, missing, mean, SD, quartiles and extremes match R")
    func summaries() throws {
        let rows = try Self.load("summary")
        #expect(rows.count == 6)
        for row in rows {
            let values = Self.numbers(row.fields["values"]!)
            let s = SampleSummary(values)
            let name = row.fields["sample"]!
            #expect(s.count == row.int("n"), "\(name)")
            #expect(s.missing == row.int("missing"), "\(name)")
            Self.expectMatch(s.mean, row.double("mean"), "\(name) mean")
            Self.expectMatch(s.standardDeviation, row.double("sd"), "\(name) sd")
            Self.expectMatch(s.lowerQuartile, row.double("q25"), "\(name) q25")
            Self.expectMatch(s.median, row.double("median"), "\(name) median")
            Self.expectMatch(s.upperQuartile, row.double("q75"), "\(name) q75")
            Self.expectMatch(s.minimum, row.double("min"), "\(name) min")
            Self.expectMatch(s.maximum, row.double("max"), "\(name) max")
            let sorted = values.filter { !$0.isNaN }.sorted()
            Self.expectMatch(Quantile.type7(sorted: sorted, 0.1), row.double("q10"), "\(name) q10")
            Self.expectMatch(Quantile.type7(sorted: sorted, 0.9), row.double("q90"), "\(name) q90")
        }
    }

    @Test("Standardized differences match the tableone formulas")
    func standardizedDifferences() throws {
        let rows = try Self.load("smd")
        #expect(rows.count == 8)
        for row in rows {
            let a = Self.numbers(row.fields["a"]!), b = Self.numbers(row.fields["b"]!)
            let expected = try #require(row.double("smd"))
            let actual: Double
            switch row.fields["kind"] {
            case "continuous": actual = StandardizedDifference.continuous(mean1: a[0], sd1: a[1], mean2: b[0], sd2: b[1])
            case "binary": actual = StandardizedDifference.binary(a[0], b[0])
            default: actual = StandardizedDifference.categorical(a, b)
            }
            expectClose(actual, expected, tolerance: 1e-12, "\(row)")
        }
    }

    @Test("Degenerate samples give NaN, never a trap")
    func degenerate() {
        let empty = SampleSummary([])
        #expect(empty.count == 0 && empty.mean.isNaN && empty.standardDeviation.isNaN && empty.median.isNaN)
        let allMissing = SampleSummary([.nan, .nan])
        #expect(allMissing.count == 0 && allMissing.missing == 2 && allMissing.maximum.isNaN)
        #expect(Quantile.type7(sorted: [1, 2], 1.5).isNaN)
        #expect(Quantile.type7(sorted: [1, 2], .nan).isNaN)
        #expect(Quantile.type7(sorted: [1, 2], 1) == 2)
        #expect(StandardizedDifference.binary(0, 0).isNaN)
        #expect(StandardizedDifference.categorical([1, 0], [1, 0]).isNaN)
        #expect(StandardizedDifference.categorical([0.5, 0.5], [0.5]).isNaN)
        // Two levels reduce to the binary form.
        let two = StandardizedDifference.categorical([0.3, 0.7], [0.6, 0.4])
        expectClose(two, StandardizedDifference.binary(0.7, 0.4), tolerance: 1e-14, "two levels")
    }
}
