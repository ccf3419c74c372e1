// SPDX-License-Identifier: Apache-2.0

import Testing
import WedgeStats

@Suite("RiskDifference")
struct RiskDifferenceTests {
    @Test("Wald and Newcombe hybrid score match R", arguments: ["rd_wald", "rd_newcombe"])
    func matchesR(method: String) throws {
        for row in try ReferenceTable.proportion(method) {
            let args = (row.int("x1"), row.int("n1"), row.int("x2"), row.int("n2"), row.double("level")!)
            let ci =
                method == "rd_wald"
                ? RiskDifference.wald(
                    successes1: args.0, trials1: args.1, successes2: args.2, trials2: args.3,
                    confidenceLevel: args.4)
                : RiskDifference.newcombe(
                    successes1: args.0, trials1: args.1, successes2: args.2, trials2: args.3,
                    confidenceLevel: args.4)
            // Limits near 0 come from a cancelling difference; compare absolutely at 1e-12 there.
            for (value, expected) in [
                (ci.estimate, row.double("estimate")!), (ci.lower, row.double("lower")!),
                (ci.upper, row.double("upper")!),
            ] {
                if abs(expected) < 1e-3 {
                    #expect(abs(value - expected) <= 1e-12, "\(row): got \(value)")
                } else {
                    expectClose(value, expected, "\(row)")
                }
            }
        }
    }

    @Test("Newcombe published example: 56/70 vs 48/80 gives (0.0524, 0.3339)")
    func newcombePublished() {
        // Newcombe (1998), Statistics in Medicine 17, Table II, example (a), method 10.
        let ci = RiskDifference.newcombe(successes1: 56, trials1: 70, successes2: 48, trials2: 80)
        #expect(abs(ci.lower - 0.0524) < 5e-5)
        #expect(abs(ci.upper - 0.3339) < 5e-5)
    }

    @Test("Newcombe stays inside [-1, 1]; invalid input is NaN")
    func ranges() {
        let extreme = RiskDifference.newcombe(successes1: 10, trials1: 10, successes2: 0, trials2: 10)
        #expect(extreme.upper <= 1 && extreme.lower > 0)
        #expect(RiskDifference.wald(successes1: 1, trials1: 0, successes2: 1, trials2: 2).lower.isNaN)
        #expect(RiskDifference.newcombe(successes1: 3, trials1: 2, successes2: 1, trials2: 2).upper.isNaN)
    }
}
