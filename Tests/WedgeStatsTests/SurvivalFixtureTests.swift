// SPDX-License-Identifier: Apache-2.0

import Foundation
import RealModule
import Testing
import WedgeStats

/// The simulated retention data set of `Fixtures/survival/data.csv` (see `reference.R` there).
struct SurvivalData: Sendable {
    var site: [Int] = []
    var period: [Int] = []
    var rapid: [Int] = []
    var age: [Double] = []
    var time: [Double] = []
    var event: [Bool] = []

    /// The rows where `keep` holds.
    func filter(_ keep: (Int) -> Bool) -> SurvivalData {
        let rows = time.indices.filter(keep)
        return SurvivalData(
            site: rows.map { site[$0] }, period: rows.map { period[$0] }, rapid: rows.map { rapid[$0] },
            age: rows.map { age[$0] }, time: rows.map { time[$0] }, event: rows.map { event[$0] })
    }
}

/// Loads the survival fixtures written by `Fixtures/survival/reference.R` (R 4.2.2, survival 3.5.3).
enum SurvivalFixture {
    /// All rows of `Fixtures/survival/<name>.csv`.
    static func load(_ name: String) throws -> [ReferenceRow] {
        try ReferenceTable.load("survival/\(name)")
    }

    /// The 415-participant data set.
    static func data() throws -> SurvivalData {
        var d = SurvivalData()
        for row in try load("data") {
            d.site.append(row.int("site"))
            d.period.append(row.int("period"))
            d.rapid.append(row.int("rapid"))
            d.age.append(row.double("age")!)
            d.time.append(row.double("time")!)
            d.event.append(row.int("status") == 1)
        }
        return d
    }

    /// The tiny data set whose survival is exactly ½ on a flat stretch.
    static let small = (time: (1...10).map(Double.init), event: Array(repeating: true, count: 10))
}

extension ReferenceRow {
    /// The field as a `Double`, with R's `NA` (an empty field) as NaN and `Inf` as infinity.
    func value(_ name: String) -> Double {
        guard let text = fields[name], !text.isEmpty else { return .nan }
        if text == "Inf" { return .infinity }
        if text == "-Inf" { return -.infinity }
        return Double(text)!
    }
}

/// Expects `actual ≈ expected` to relative `tolerance`, NaN matching R's `NA`; records the error seen.
func expectSurvivalClose(
    _ actual: Double, _ expected: Double, tolerance: Double, _ context: @autoclosure () -> String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    if expected.isNaN {
        #expect(actual.isNaN, "\(context()): got \(actual), expected NA", sourceLocation: sourceLocation)
        return
    }
    expectClose(actual, expected, tolerance: tolerance, context(), sourceLocation: sourceLocation)
}

/// The largest relative error of `actual` against `expected` (NaN pairs ignored), for reporting.
func maxRelativeError(_ actual: [Double], _ expected: [Double]) -> Double {
    zip(actual, expected).reduce(0) { worst, pair in
        let (a, e) = pair
        if e.isNaN || a == e { return worst }
        return Swift.max(worst, abs(a - e) / Swift.max(abs(e), .leastNormalMagnitude))
    }
}

@Suite("Survival fixtures")
struct SurvivalFixtureTests {
    @Test("the data set matches reference.R's design")
    func dataSet() throws {
        let d = try SurvivalFixture.data()
        #expect(d.time.count == 415)
        #expect(Set(d.site) == Set(1...6))
        #expect(d.time.allSatisfy { $0 >= 1 && $0 <= 60 && $0 == $0.rounded() })
        // Stepped wedge: rapid exactly when period ≥ site.
        #expect(d.time.indices.allSatisfy { (d.rapid[$0] == 1) == (d.period[$0] >= d.site[$0]) })
        // Ties present, and administrative censoring at 60 days.
        #expect(Set(d.time).count < d.time.count / 4)
        #expect(d.time.indices.contains { d.time[$0] == 60 && !d.event[$0] })
    }
}
