// SPDX-License-Identifier: Apache-2.0

import RealModule
import Testing
import WedgeStats

@Suite("ProportionInterval")
struct ProportionIntervalTests {
    @Test("Wilson matches R prop.test(correct = FALSE)")
    func wilson() throws {
        for row in try ReferenceTable.proportion("wilson") {
            let ci = ProportionInterval.wilson(
                successes: row.int("x1"), trials: row.int("n1"), confidenceLevel: row.double("level")!)
            expectClose(ci.estimate, row.double("estimate")!, "estimate \(row)")
            expectClose(ci.lower, row.double("lower")!, "lower \(row)")
            expectClose(ci.upper, row.double("upper")!, "upper \(row)")
        }
    }

    @Test("Clopper–Pearson matches R binom.test")
    func clopperPearson() throws {
        for row in try ReferenceTable.proportion("clopper_pearson") {
            let ci = ProportionInterval.clopperPearson(
                successes: row.int("x1"), trials: row.int("n1"), confidenceLevel: row.double("level")!)
            expectClose(ci.lower, row.double("lower")!, "lower \(row)")
            expectClose(ci.upper, row.double("upper")!, "upper \(row)")
        }
    }

    @Test("limits are exactly 0 and 1 at x = 0 and x = n")
    func boundaries() {
        for interval in [ProportionInterval.wilson, ProportionInterval.clopperPearson] {
            #expect(interval(0, 25, 0.95).lower == 0)
            #expect(interval(25, 25, 0.95).upper == 1)
        }
        // Clopper–Pearson with x = 0 has the closed-form upper limit 1 − (α/2)^(1/n).
        expectClose(
            ProportionInterval.clopperPearson(successes: 0, trials: 25).upper,
            1 - Double.pow(0.025, 1.0 / 25), "CP x=0 upper")
    }

    @Test("invalid input gives NaN")
    func invalid() {
        for ci in [
            ProportionInterval.wilson(successes: 3, trials: 0),
            ProportionInterval.wilson(successes: 4, trials: 3),
            ProportionInterval.wilson(successes: -1, trials: 3),
            ProportionInterval.wilson(successes: 1, trials: 3, confidenceLevel: 1),
            ProportionInterval.clopperPearson(successes: 1, trials: 3, confidenceLevel: 0),
            ProportionInterval.clopperPearson(successes: 5, trials: 3),
        ] {
            #expect(ci.lower.isNaN && ci.upper.isNaN && ci.estimate.isNaN)
        }
    }
}
