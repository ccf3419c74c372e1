// SPDX-License-Identifier: Apache-2.0

import Testing
import WedgeStats

@Suite("OddsRatio")
struct OddsRatioTests {
    @Test(
        "Woolf interval matches R, with and without the zero-cell correction",
        arguments: [("or_woolf", ZeroCellCorrection.none), ("or_woolf_corrected", .haldaneAnscombe)])
    func matchesR(method: String, correction: ZeroCellCorrection) throws {
        for row in try ReferenceTable.proportion(method) {
            let ci = OddsRatio.woolf(
                successes1: row.int("x1"), trials1: row.int("n1"), successes2: row.int("x2"), trials2: row.int("n2"),
                confidenceLevel: row.double("level")!, zeroCellCorrection: correction)
            expectClose(ci.estimate, row.double("estimate")!, "estimate \(row)")
            expectClose(ci.lower, row.double("lower")!, "lower \(row)")
            expectClose(ci.upper, row.double("upper")!, "upper \(row)")
        }
    }

    @Test("uncorrected zero cells give [0, ∞] and the IEEE estimate")
    func zeroCells() {
        let allEvents = OddsRatio.woolf(successes1: 7, trials1: 7, successes2: 3, trials2: 9)  // b = 0
        #expect(allEvents.estimate == .infinity && allEvents.lower == 0 && allEvents.upper == .infinity)
        let noEvents = OddsRatio.woolf(successes1: 0, trials1: 10, successes2: 4, trials2: 9)  // a = 0
        #expect(noEvents.estimate == 0 && noEvents.lower == 0 && noEvents.upper == .infinity)
        let undefined = OddsRatio.woolf(successes1: 0, trials1: 10, successes2: 0, trials2: 20)  // a = c = 0
        #expect(undefined.estimate.isNaN && undefined.lower == 0 && undefined.upper == .infinity)
    }

    @Test("swapping groups inverts the odds ratio and its interval")
    func reciprocal() {
        let forward = OddsRatio.woolf(successes1: 15, trials1: 50, successes2: 8, trials2: 50)
        let backward = OddsRatio.woolf(successes1: 8, trials1: 50, successes2: 15, trials2: 50)
        expectClose(forward.estimate * backward.estimate, 1, "estimate")
        expectClose(forward.lower * backward.upper, 1, "limits")
    }
}
