// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeAnalysis
import WedgeCore
import WedgeStats

/// The SVG charts draw what the estimates say: step heights, numbers at risk, one point per non-empty cell.
@Suite("Report charts")
struct ReportPlotsTests {
    /// The numbers of the `points` attribute of the first polyline in `svg`.
    static func firstPolyline(_ svg: String) throws -> [(Double, Double)] {
        let start = try #require(svg.range(of: "<polyline points=\""))
        let rest = svg[start.upperBound...]
        let end = try #require(rest.firstIndex(of: "\""))
        return rest[..<end].split(separator: " ").map { pair in
            let xy = pair.split(separator: ",").map { Double($0)! }
            return (xy[0], xy[1])
        }
    }

    @Test("Kaplan–Meier: the step curve ends at Ŝ, and the at-risk row counts time ≥ t")
    func kaplanMeier() throws {
        // Ŝ: 0.8 after t = 3, 0.6 after t = 5, 0.3 after t = 8 (Kaplan & Meier by hand).
        let km = KaplanMeier(time: [3, 5, 5, 8, 12], event: [true, true, false, true, false])
        let svg = KaplanMeierPlot.svg([.init(label: "Arm", colour: "#0072B2", estimate: km)], title: "T",
                                      timeLabel: "Days", valueLabel: "%", maxTime: 12, tickStep: 5)
        let points = try Self.firstPolyline(svg)
        // The plotting area is 240 px high with its bottom at y = 284: y(S) = 284 − 240·S.
        let levels = Set(points.map { (284 - $0.1) / 240 }.map { ($0 * 100).rounded() / 100 })
        #expect(levels == [1, 0.8, 0.6, 0.3])
        #expect(abs(points.last!.1 - (284 - 240 * 0.3)) < 0.01)
        for (t, n) in [(0, 5), (5, 4), (10, 1)] {
            #expect(km.numberAtRisk(at: Double(t)) == n)
            #expect(svg.contains(">\(n)</text>"), "at risk at \(t)")
        }
        #expect(svg.components(separatedBy: "stroke-width=\"1.5\"").count - 1 == 2)  // censored at 5 and 12
    }

    @Test("Initiation charts: one point per non-empty cell")
    func initiation() {
        let data = ReportData(SummaryTablesTests.snapshot)
        let byPeriod = InitiationPlot.byPeriod(data)
        let nonEmpty = InitiationTables.periodCells(data).filter { $0.total > 0 }.count
        #expect(byPeriod.components(separatedBy: "<circle").count - 1 == nonEmpty)
        let bySite = InitiationPlot.bySite(data)
        #expect(bySite.components(separatedBy: "<circle").count - 1 == InitiationTables.siteCells(data).count)
        #expect(bySite.contains(">56/96</text>"))
    }
}
