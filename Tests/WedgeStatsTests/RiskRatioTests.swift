// SPDX-License-Identifier: Apache-2.0

import Testing
import WedgeStats

@Suite("RiskRatio")
struct RiskRatioTests {
    @Test(
        "Katz interval matches R, with and without the zero-cell correction",
        arguments: [("rr_katz", ZeroCellCorrection.none), ("rr_katz_corrected", .haldaneAnscombe)])
    func matchesR(method: String, correction: ZeroCellCorrection) throws {
        for row in try ReferenceTable.proportion(method) {
            let ci = RiskRatio.katz(
                successes1: row.int("x1"), trials1: row.int("n1"), successes2: row.int("x2"), trials2: row.int("n2"),
                confidenceLevel: row.double("level")!, zeroCellCorrection: correction)
            expectClose(ci.estimate, row.double("estimate")!, "estimate \(row)")
            expectClose(ci.lower, row.double("lower")!, "lower \(row)")
            expectClose(ci.upper, row.double("upper")!, "upper \(row)")
        }
    }

    @Test("uncorrected zero events give [0, ∞] and the IEEE estimate")
    func zeroCells() {
        let none = RiskRatio.katz(successes1: 0, trials1: 20, successes2: 5, trials2: 25)
        #expect(none.estimate == 0 && none.lower == 0 && none.upper == .infinity)
        let infinite = RiskRatio.katz(successes1: 4, trials1: 20, successes2: 0, trials2: 25)
        #expect(infinite.estimate == .infinity && infinite.lower == 0 && infinite.upper == .infinity)
        let both = RiskRatio.katz(successes1: 0, trials1: 20, successes2: 0, trials2: 25)
        #expect(both.estimate.isNaN && both.lower == 0 && both.upper == .infinity)
    }

    @Test("the correction leaves tables without zeros unchanged")
    func correctionOnlyForZeros() {
        let plain = RiskRatio.katz(successes1: 15, trials1: 50, successes2: 8, trials2: 50)
        let corrected = RiskRatio.katz(
            successes1: 15, trials1: 50, successes2: 8, trials2: 50, zeroCellCorrection: .haldaneAnscombe)
        #expect(plain == corrected)
        #expect(RiskRatio.katz(successes1: 1, trials1: 5, successes2: 2, trials2: -1).estimate.isNaN)
    }
}
