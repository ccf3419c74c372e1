// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeStats

@Suite("Gauss–Hermite rules")
struct GLMMGaussHermiteTests {
    /// Closed forms for the N(0, 1) weight: 2 points ±1 (½ each); 3 points 0, ±√3 (⅔, ⅙ each).
    @Test func closedForms() {
        let one = GaussHermiteRule(points: 1)
        #expect(one.nodes == [0] && abs(one.weights[0] - 1) < 1e-15)
        let two = GaussHermiteRule(points: 2)
        #expect(abs(two.nodes[0] + 1) < 1e-14 && abs(two.nodes[1] - 1) < 1e-14)
        #expect(abs(two.weights[0] - 0.5) < 1e-14 && abs(two.weights[1] - 0.5) < 1e-14)
        let three = GaussHermiteRule(points: 3)
        #expect(three.nodes[1] == 0)
        #expect(abs(three.nodes[2] - 3.0.squareRoot()) < 1e-14)
        #expect(abs(three.weights[1] - 2.0 / 3) < 1e-14 && abs(three.weights[0] - 1.0 / 6) < 1e-14)
    }

    /// Agreement with lme4's `GHrule` (Golub–Welsch) to 1e-13 absolute.
    @Test(arguments: [1, 2, 3, 5, 10, 20])
    func matchesLme4GHrule(points: Int) throws {
        let rows = try GLMMFixtures.table("ghrule").filter { $0["n"] == String(points) }
        let rule = GaussHermiteRule(points: points)
        try #require(rows.count == points)
        for (k, row) in rows.enumerated() {
            #expect(abs(rule.nodes[k] - Double(row["node"]!)!) <= 1e-13, "node \(k)")
            #expect(abs(rule.weights[k] - Double(row["weight"]!)!) <= 1e-13, "weight \(k)")
        }
    }

    /// The rule integrates E[Z^{2j}] = (2j − 1)!! exactly for 2j ≤ 2n − 1, and the weights sum to 1.
    @Test(arguments: [4, 7, 12, 25])
    func normalMoments(points: Int) {
        let rule = GaussHermiteRule(points: points)
        var doubleFactorial = 1.0
        for j in 0..<points {
            if j > 0 { doubleFactorial *= Double(2 * j - 1) }
            let moment = zip(rule.nodes, rule.weights).reduce(0.0) { $0 + $1.1 * pow($1.0, Double(2 * j)) }
            #expect(abs(moment / doubleFactorial - 1) < 1e-11, "E[Z^\(2 * j)] with \(points) points")
        }
    }
}
